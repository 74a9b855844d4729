package io.tampon.ingest.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AdmissionLimitTest {

    @Test
    void admitsUpToTheBoundThenRefusesUntilReleased() {
        AdmissionLimit limit = new AdmissionLimit(100);
        assertTrue(limit.tryAdmit(60));
        assertFalse(limit.full());
        assertTrue(limit.tryAdmit(40));
        assertTrue(limit.full());
        assertFalse(limit.tryAdmit(1));

        limit.release(40);
        assertTrue(limit.tryAdmit(1));
        assertFalse(limit.tryAdmit(40));
        assertEquals(61, limit.inFlight());
    }

    @Test
    void aBatchLargerThanTheBoundIsServedWhenNothingElseIsInFlight() {
        AdmissionLimit limit = new AdmissionLimit(100);
        assertTrue(limit.tryAdmit(500));
        assertFalse(limit.tryAdmit(1));
        limit.release(500);
        assertEquals(0, limit.inFlight());
    }

    @Test
    void concurrentRequestsNeverOvershootTheBound() throws Exception {
        AdmissionLimit limit = new AdmissionLimit(50);
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 20_000; i++) {
                    if (limit.tryAdmit(7)) {
                        peak.accumulateAndGet(limit.inFlight(), Math::max);
                        limit.release(7);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertTrue(peak.get() <= 50, "peak " + peak.get());
        assertEquals(0, limit.inFlight());
    }
}
