package io.tampon.ingest.intake;

import io.tampon.contracts.events.Patient;
import io.tampon.contracts.events.ResultReceived;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link ResultReceived} as the JSON the results topic carries — the same document the generic serializer
 * writes (field names and order, ISO-8601 instants, enum names, null and empty text left out, the same escapes),
 * in one pass over a reused buffer.
 * Every accepted result goes through here, and the generic path (introspection, a generator per call) was the
 * largest single item of the edge's CPU per result (docs/benchmarks.md). {@code ResultEventWriterTest} holds it to
 * the serializer's output.
 */
final class ResultEventWriter {

    /** A result's document is ~550 bytes; the buffer grows once if ever needed and then stays. */
    private static final ThreadLocal<StringBuilder> BUFFER = ThreadLocal.withInitial(() -> new StringBuilder(1024));
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ResultEventWriter() {
    }

    static byte[] write(ResultReceived result) {
        StringBuilder json = BUFFER.get();
        json.setLength(0);
        json.append("{\"schemaVersion\":").append(result.schemaVersion());
        field(json, "resultId", result.resultId() == null ? null : result.resultId().toString());
        field(json, "pharmacyId", result.pharmacyId());
        field(json, "externalRef", result.externalRef());
        field(json, "receivedAt", result.receivedAt() == null ? null : result.receivedAt().toString());
        field(json, "sampleCollectedAt",
                result.sampleCollectedAt() == null ? null : result.sampleCollectedAt().toString());
        field(json, "testType", result.testType() == null ? null : result.testType().name());
        field(json, "deviceId", result.deviceId());
        field(json, "testName", result.testName());
        field(json, "result", result.result() == null ? null : result.result().name());
        field(json, "testCentre", result.testCentre());
        Patient patient = result.patient();
        if (patient != null) {
            json.append(",\"patient\":{");
            int start = json.length();
            field(json, "familyName", patient.familyName());
            field(json, "givenName", patient.givenName());
            field(json, "dateOfBirth", patient.dateOfBirth());
            field(json, "mobile", patient.mobile());
            field(json, "email", patient.email());
            field(json, "language", patient.language() == null ? null : patient.language().name());
            if (json.length() > start) {
                json.deleteCharAt(start); // the first field's leading comma
            }
            json.append('}');
        }
        json.append('}');
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        if (json.capacity() > 16 * 1024) {
            BUFFER.remove(); // an unusually large document does not pin its buffer to the thread
        }
        return bytes;
    }

    private static void field(StringBuilder json, String name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        json.append(",\"").append(name).append("\":\"");
        escape(json, value);
        json.append('"');
    }

    /**
     * JSON string escaping (RFC 8259) as the serializer does it: quote, backslash and control characters, and the
     * halves of characters beyond the BMP as {@code \\uXXXX}; everything else as is.
     */
    static void escape(StringBuilder json, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        json.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        json.append(c);
                    }
                }
            }
        }
    }
}
