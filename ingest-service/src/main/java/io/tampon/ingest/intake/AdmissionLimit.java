package io.tampon.ingest.intake;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpResponse;
import io.tampon.ingest.config.IngestProperties;
import io.tampon.ingest.problem.Problems;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the results the edge holds at once (parsed, validated, waiting for Kafka). Past the bound a request is
 * refused at once with 503 instead of joining a queue: under a flood the edge sheds load and stays fast, where an
 * unbounded pile of waiting requests would exhaust the heap and turn every answer into a timeout (seen: a cold
 * instance hit with 20,000 results/s reached 4,000 request threads and ran out of memory).
 */
@Singleton
class AdmissionLimit {

    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();

    @Inject
    AdmissionLimit(IngestProperties properties, MeterRegistry meters) {
        this(properties.maxInFlightResults());
        meters.gauge("tampon.ingest.in.flight", inFlight);
    }

    AdmissionLimit(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    /**
     * Admits {@code results} more if they fit, or if nothing is in flight (so a batch larger than the bound is
     * still served on an idle edge, never refused forever). Every admission is followed by {@link #release}.
     */
    boolean tryAdmit(int results) {
        while (true) {
            int current = inFlight.get();
            if (current > 0 && current + results > maxInFlight) {
                return false;
            }
            if (inFlight.compareAndSet(current, current + results)) {
                return true;
            }
        }
    }

    /** Nothing more fits until something is released. */
    boolean full() {
        return inFlight.get() >= maxInFlight;
    }

    /** The answer past the bound: refused before any work, so it stays immediate. */
    static HttpResponse<?> atCapacity() {
        return Problems.unavailable(1,
                "ingest is at capacity: NOT accepted; retry after Retry-After with the same externalRef");
    }

    void release(int results) {
        inFlight.addAndGet(-results);
    }

    int inFlight() {
        return inFlight.get();
    }
}
