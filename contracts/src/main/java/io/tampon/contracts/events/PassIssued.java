package io.tampon.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A pass rendered and stored, reachable by the patient through {@code linkToken}: the record on
 * {@link io.tampon.contracts.Topics#PASSES_ISSUED}, keyed by {@code resultId}. Re-processing yields an identical
 * record (the token is derived from the pass id).
 *
 * @param linkToken the private part of the patient's link ({@code /p/<token>}); a secret, never log it
 */
public record PassIssued(int schemaVersion, UUID passId, UUID resultId, String pharmacyId, String linkToken,
                         Instant issuedAt, Instant expiresAt, String mobile, String email, Language language) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TYPE = "PassIssued";

    /** One pass per result; its id is derived from the result's so that re-processing finds the same pass. */
    public static UUID passIdFor(UUID resultId) {
        return ResultIds.of("tampon-pass", resultId.toString());
    }

    @Override
    public String toString() {
        return "PassIssued[" + passId + " for " + resultId + "]";
    }
}
