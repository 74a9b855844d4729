package io.tampon.qr.page;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final ClientRateLimiter limiter = new ClientRateLimiter(60, nanos::get);

    @Test
    void aClientGetsSixtyPagesAMinuteThenWaits() {
        for (int i = 0; i < 60; i++) {
            assertTrue(limiter.tryAcquire("203.0.113.7"));
        }
        assertFalse(limiter.tryAcquire("203.0.113.7"), "token enumeration is slowed to a crawl");
        assertTrue(limiter.tryAcquire("198.51.100.1"), "other patients are not affected");
        nanos.addAndGet(1_000_000_000L);
        assertTrue(limiter.tryAcquire("203.0.113.7"), "one more page each second");
        assertFalse(limiter.tryAcquire("203.0.113.7"));
    }
}
