package io.tampon.contracts.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A test result accepted by ingest-service: the record on {@link io.tampon.contracts.Topics#RESULTS}, keyed by
 * {@code resultId}. Carries only what the pass and the patient's notification need.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}; consumers refuse versions they do not know
 * @param receivedAt    when ingest-service accepted it; the pass's issue time, so re-signing is byte-identical
 * @param deviceId      rapid antigen device identifier (EU value set), required for {@link TestKind#RAPID_ANTIGEN}
 * @param testName      NAAT name, optional
 */
public record ResultReceived(int schemaVersion, UUID resultId, String pharmacyId, String externalRef,
                             Instant receivedAt, Instant sampleCollectedAt, TestKind testType, String deviceId,
                             String testName, TestOutcome result, String testCentre, Patient patient) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TYPE = "ResultReceived";

    /** Problems that make this record impossible to turn into a pass, each naming its field; empty if none. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (schemaVersion != SCHEMA_VERSION) {
            problems.add("schemaVersion: unsupported version " + schemaVersion);
        }
        require(resultId, "resultId", problems);
        require(pharmacyId, "pharmacyId", problems);
        require(receivedAt, "receivedAt", problems);
        require(sampleCollectedAt, "sampleCollectedAt", problems);
        require(testType, "testType", problems);
        require(result, "result", problems);
        require(testCentre, "testCentre", problems);
        if (testType == TestKind.RAPID_ANTIGEN && (deviceId == null || deviceId.isBlank())) {
            problems.add("deviceId: required for a rapid antigen test");
        }
        if (patient == null) {
            problems.add("patient: required");
        } else {
            problems.addAll(patient.problems());
        }
        return problems;
    }

    static void require(Object value, String field, List<String> problems) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            problems.add(field + ": required");
        }
    }

    @Override
    public String toString() {
        // Identifiers only: never names, birth dates or contact details in logs.
        return "ResultReceived[" + resultId + " from " + pharmacyId + "]";
    }
}
