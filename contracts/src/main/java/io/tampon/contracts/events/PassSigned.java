package io.tampon.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed EU DCC for one result: the record on {@link io.tampon.contracts.Topics#PASSES_SIGNED}, keyed by
 * {@code resultId}. Signing is deterministic, so a re-processed result yields an identical record.
 *
 * @param hc1 the QR code's text; holds personal data, never log it
 */
public record PassSigned(int schemaVersion, UUID resultId, String pharmacyId, String uvci, String hc1,
                         String kid, Instant issuedAt, Instant expiresAt, String mobile, String email,
                         Language language) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TYPE = "PassSigned";

    @Override
    public String toString() {
        return "PassSigned[" + resultId + ", kid " + kid + "]";
    }
}
