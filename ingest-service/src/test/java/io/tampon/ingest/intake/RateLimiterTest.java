package io.tampon.ingest.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(2, 5, nanos::get);

    @Test
    void allowsABurstThenTheSustainedRate() {
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.tryAcquire("ph-1", 1).allowed());
        }
        RateLimiter.Decision refused = limiter.tryAcquire("ph-1", 1);
        assertFalse(refused.allowed());
        assertEquals(1, refused.retryAfterSeconds());
        nanos.addAndGet(500_000_000L); // half a second at 2/s: one token back
        assertTrue(limiter.tryAcquire("ph-1", 1).allowed());
        assertFalse(limiter.tryAcquire("ph-1", 1).allowed());
    }

    @Test
    void oneNoisyPharmacyNeverStarvesAnother() {
        while (limiter.tryAcquire("noisy", 1).allowed()) {
            // drain
        }
        assertTrue(limiter.tryAcquire("quiet", 1).allowed());
    }

    @Test
    void aBatchTakesAllItsTokensOrNone() {
        assertTrue(limiter.tryAcquire("ph-1", 4).allowed());
        RateLimiter.Decision refused = limiter.tryAcquire("ph-1", 3);
        assertFalse(refused.allowed());
        assertEquals(1, refused.retryAfterSeconds());
        assertTrue(limiter.tryAcquire("ph-1", 1).allowed(), "the refused batch took nothing");
    }
}
