package io.tampon.system.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tampon.stage.ResultStatus;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StageTrackerTest {

    private static final Instant T = Instant.parse("2026-11-28T09:00:00Z");

    @Test
    void aNotifiedResultWithEveryStageRecordedHasEnded() {
        assertTrue(StageTracker.ended(status(T, T, T, T, null)));
    }

    @Test
    void aNotifiedResultWhoseSignedOrIssuedStageIsStillBeingWrittenIsReadAgain() {
        assertFalse(StageTracker.ended(status(T, null, T, T, null)), "SIGNED not landed yet");
        assertFalse(StageTracker.ended(status(T, T, null, T, null)), "ISSUED not landed yet");
    }

    @Test
    void aResultFailedAtSigningHasEndedWithoutLaterStagesButOneFailedLaterWaitsForItsEarlierOnes() {
        assertTrue(StageTracker.ended(status(T, null, null, null, T)), "dead-lettered by the signing-service");
        assertTrue(StageTracker.ended(status(T, T, T, null, T)), "refused by the SMS provider");
        assertFalse(StageTracker.ended(status(T, null, T, null, T)), "refused by the provider, SIGNED not landed");
    }

    @Test
    void aResultOnItsWayHasNotEnded() {
        assertFalse(StageTracker.ended(status(T, null, null, null, null)));
        assertFalse(StageTracker.ended(status(T, T, null, null, null)));
        assertFalse(StageTracker.ended(status(T, T, T, null, null)));
    }

    private static ResultStatus status(Instant received, Instant signed, Instant issued, Instant notified,
                                       Instant failed) {
        return new ResultStatus(UUID.randomUUID(), "pharmacy", received, signed, issued, notified, failed,
                failed == null ? null : "REASON");
    }
}
