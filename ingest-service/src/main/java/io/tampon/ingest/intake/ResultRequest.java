package io.tampon.ingest.intake;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A result as a pharmacy posts it. Every field is text so that a wrong value is reported by name (422), not as an
 * unreadable body; unknown fields are ignored, so integrations may send more than we need.
 *
 * @param sampleCollectedAt ISO-8601 instant with offset, e.g. {@code 2026-11-27T08:30:00+01:00}
 * @param testType          {@code RAPID_ANTIGEN} (with {@code deviceId}) or {@code NAAT} (optional {@code testName})
 * @param result            {@code NEGATIVE} or {@code POSITIVE}
 */
@Serdeable
public record ResultRequest(@Nullable String externalRef, @Nullable String sampleCollectedAt,
                            @Nullable String testType, @Nullable String deviceId, @Nullable String testName,
                            @Nullable String result, @Nullable String testCentre, @Nullable PatientRequest patient) {

    /**
     * @param dateOfBirth {@code YYYY-MM-DD} ({@code YYYY} or {@code YYYY-MM} when only that is known)
     * @param mobile      E.164, e.g. {@code +33612345678}; at least one of mobile and email
     * @param language    {@code fr} or {@code en}
     */
    @Serdeable
    public record PatientRequest(@Nullable String familyName, @Nullable String givenName,
                                 @Nullable String dateOfBirth, @Nullable String mobile, @Nullable String email,
                                 @Nullable String language) {
    }
}
