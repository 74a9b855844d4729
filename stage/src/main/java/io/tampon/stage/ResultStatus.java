package io.tampon.stage;

import java.time.Instant;
import java.util.UUID;

/**
 * A result's row: one timestamp per stage. The stage is the furthest one reached, so writes arriving out of order
 * never move a result backwards. A failure wins over every other stage: it needs attention.
 */
public record ResultStatus(UUID resultId, String pharmacyId, Instant receivedAt, Instant signedAt, Instant issuedAt,
                           Instant notifiedAt, Instant failedAt, String failureReason) {

    public Stage stage() {
        if (failedAt != null) {
            return Stage.FAILED;
        }
        if (notifiedAt != null) {
            return Stage.NOTIFIED;
        }
        if (issuedAt != null) {
            return Stage.ISSUED;
        }
        if (signedAt != null) {
            return Stage.SIGNED;
        }
        return Stage.RECEIVED;
    }
}
