package io.tampon.ingest.intake;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tampon.contracts.events.ResultReceived;
import io.tampon.ingest.config.IngestProperties;
import io.tampon.ingest.status.StageStore;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits, within the accept deadline, for Kafka to acknowledge a set of results. The answer per result is binary:
 * acknowledged (202 material) or not (503 material) — never "probably".
 */
@Singleton
class ResultAcceptance {

    private static final Logger log = LoggerFactory.getLogger(ResultAcceptance.class);

    private final ResultPublisher publisher;
    private final StageStore stages;
    private final IngestProperties properties;
    private final Timer produceLatency;

    ResultAcceptance(ResultPublisher publisher, StageStore stages, IngestProperties properties,
                     MeterRegistry meters) {
        this.publisher = publisher;
        this.stages = stages;
        this.properties = properties;
        this.produceLatency = Timer.builder("tampon.ingest.produce").description("time for Kafka to acknowledge")
                .publishPercentileHistogram().register(meters);
    }

    /**
     * The results (of one pharmacy's request) acknowledged by Kafka within the deadline, in input order: true =
     * accepted.
     */
    boolean[] accept(List<ResultReceived> results) {
        long started = System.nanoTime();
        long deadline = started + properties.acceptDeadline().toNanos();
        List<CompletableFuture<?>> sends = new ArrayList<>(results.size());
        for (ResultReceived result : results) {
            sends.add(publisher.publish(result));
        }
        boolean[] accepted = new boolean[results.size()];
        List<ResultReceived> acknowledged = new ArrayList<>(results.size());
        Throwable firstFailure = null;
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                accepted[i] = true;
                produceLatency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                acknowledged.add(results.get(i));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                // Not acknowledged in time (or refused): the pharmacy must retry; a late acknowledgement is
                // harmless because the retry carries the same resultId.
                firstFailure = firstFailure != null ? firstFailure : e.getCause() == null ? e : e.getCause();
            }
        }
        if (firstFailure != null) {
            // One line per request, not per result: under overload a batch of 500 would write 500 lines.
            log.warn("{} of {} result(s) not acknowledged within the deadline, e.g. {}: {}",
                    results.size() - acknowledged.size(), results.size(), firstFailure.getClass().getSimpleName(),
                    firstFailure.getMessage());
        }
        if (!acknowledged.isEmpty()) {
            stages.recordReceived(acknowledged.get(0).pharmacyId(), acknowledged);
        }
        return accepted;
    }
}
