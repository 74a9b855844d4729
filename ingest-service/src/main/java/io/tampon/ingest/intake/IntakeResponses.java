package io.tampon.ingest.intake;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.tampon.ingest.problem.Problem.InvalidParam;
import java.util.List;
import java.util.UUID;

/** Bodies of the intake endpoints. */
final class IntakeResponses {

    private IntakeResponses() {
    }

    /** 202: the result is durably in Kafka; follow {@code statusUrl}. */
    @Serdeable
    record Accepted(UUID resultId, String stage, String statusUrl) {
        static Accepted of(UUID resultId) {
            return new Accepted(resultId, "RECEIVED", "/v1/results/" + resultId);
        }
    }

    @Serdeable
    record BatchRequest(@Nullable List<ResultRequest> results) {
    }

    /**
     * @param outcome ACCEPTED (in Kafka), REJECTED (fix and resend) or UNAVAILABLE (resend later, same externalRef)
     */
    @Serdeable
    record BatchItem(int index, String outcome, @Nullable UUID resultId, @Nullable List<InvalidParam> invalidParams) {
    }

    @Serdeable
    record BatchResponse(int accepted, int rejected, int unavailable, List<BatchItem> items) {
    }
}
