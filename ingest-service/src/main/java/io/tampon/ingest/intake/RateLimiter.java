package io.tampon.ingest.intake;

import io.tampon.ingest.config.IngestProperties;
import jakarta.inject.Singleton;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per pharmacy: a misbehaving integration is slowed down alone, and every other pharmacy keeps its
 * share of the edge.
 */
@Singleton
public class RateLimiter {

    private final double ratePerNano;
    private final double burst;
    private final LongSupplier nanoClock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(IngestProperties properties) {
        this(properties.ratePerSecond(), properties.burst(), System::nanoTime);
    }

    RateLimiter(int ratePerSecond, int burst, LongSupplier nanoClock) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    /** Takes {@code n} tokens; when there are not enough, takes none and says how long to wait. */
    public Decision tryAcquire(String pharmacy, int n) {
        Bucket bucket = buckets.computeIfAbsent(pharmacy, p -> new Bucket(burst, nanoClock.getAsLong()));
        synchronized (bucket) {
            long now = nanoClock.getAsLong();
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updated) * ratePerNano);
            bucket.updated = now;
            if (bucket.tokens >= n) {
                bucket.tokens -= n;
                return Decision.ALLOWED;
            }
            double missing = Math.min(n, burst) - bucket.tokens;
            long waitSeconds = Math.max(1, (long) Math.ceil(missing / (ratePerNano * 1e9)));
            return new Decision(false, waitSeconds);
        }
    }

    /** @param retryAfterSeconds meaningful when not allowed */
    public record Decision(boolean allowed, long retryAfterSeconds) {
        static final Decision ALLOWED = new Decision(true, 0);
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}
