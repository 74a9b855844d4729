package io.tampon.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResultStatusTest {

    private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void theStageIsTheFurthestOneReachedWhateverTheOrderOfWrites() {
        UUID id = UUID.randomUUID();
        assertEquals(Stage.RECEIVED, new ResultStatus(id, "p", T, null, null, null, null, null).stage());
        assertEquals(Stage.SIGNED, new ResultStatus(id, "p", null, T, null, null, null, null).stage());
        // ISSUED written before SIGNED arrived: still ISSUED.
        assertEquals(Stage.ISSUED, new ResultStatus(id, "p", T, null, T, null, null, null).stage());
        assertEquals(Stage.NOTIFIED, new ResultStatus(id, "p", T, T, T, T, null, null).stage());
    }

    @Test
    void aFailureWinsBecauseItNeedsAttention() {
        assertEquals(Stage.FAILED, new ResultStatus(UUID.randomUUID(), "p", T, T, null, null, T, "X").stage());
    }
}
