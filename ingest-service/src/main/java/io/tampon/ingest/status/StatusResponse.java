package io.tampon.ingest.status;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.tampon.stage.ResultStatus;
import java.time.Instant;
import java.util.UUID;

/** Where a result stands, for the pharmacy that posted it. */
@Serdeable
public record StatusResponse(UUID resultId, String stage, @Nullable Instant receivedAt, @Nullable Instant signedAt,
                             @Nullable Instant issuedAt, @Nullable Instant notifiedAt, @Nullable Instant failedAt,
                             @Nullable String failureReason) {

    static StatusResponse of(ResultStatus status) {
        return new StatusResponse(status.resultId(), status.stage().name(), status.receivedAt(), status.signedAt(),
                status.issuedAt(), status.notifiedAt(), status.failedAt(), status.failureReason());
    }
}
