package io.tampon.ingest.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.annotation.Nullable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The edge's limits ({@code tampon.ingest.*}), validated at start.
 *
 * @param acceptDeadline   longest a request waits for Kafka's acknowledgement before answering 503
 * @param ratePerSecond    sustained results per second per pharmacy (token bucket refill)
 * @param burst            results a pharmacy may send at once (bucket size)
 * @param maxBatchSize     items in one batch request
 * @param maxInFlightResults results held at once (between admission and Kafka's answer); past it, 503 at once
 * @param apiKeys          pharmacy id → SHA-256 (hex) of its API key; keys themselves are never configured
 * @param apiKeysFile      alternatively, a file of {@code pharmacyId:sha256hex} lines, re-read when it changes
 */
@ConfigurationProperties("tampon.ingest")
public record IngestProperties(@Bindable(defaultValue = "2s") Duration acceptDeadline,
                               @Bindable(defaultValue = "20") int ratePerSecond,
                               @Bindable(defaultValue = "500") int burst,
                               @Bindable(defaultValue = "500") int maxBatchSize,
                               @Bindable(defaultValue = "5000") int maxInFlightResults,
                               @Nullable Map<String, String> apiKeys,
                               @Nullable Path apiKeysFile) {

    public IngestProperties {
        if (acceptDeadline == null || acceptDeadline.isNegative() || acceptDeadline.isZero()) {
            throw new IllegalArgumentException("tampon.ingest.accept-deadline must be positive");
        }
        if (ratePerSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("tampon.ingest.rate-per-second and tampon.ingest.burst must be >= 1");
        }
        if (maxBatchSize < 1 || maxBatchSize > 5000) {
            throw new IllegalArgumentException("tampon.ingest.max-batch-size must be 1-5000");
        }
        if (maxInFlightResults < 1) {
            throw new IllegalArgumentException("tampon.ingest.max-in-flight-results must be >= 1");
        }
        apiKeys = apiKeys == null ? Map.of() : Map.copyOf(apiKeys);
    }
}
