package io.tampon.ingest.intake;

import io.tampon.contracts.events.Patient;
import io.tampon.contracts.events.ResultReceived;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/**
 * Writes a {@link ResultReceived} as the JSON the results topic carries — the same document the generic serializer
 * writes (field names and order, ISO-8601 instants, enum names, null and empty text left out, the same escapes),
 * encoded to UTF-8 in one pass over a reused byte buffer.
 * Every accepted result goes through here: the generic path (introspection, a generator per call) was the largest
 * single item of the edge's CPU per result, and a first hand-written version that built a String and then encoded
 * it still took ~40 % of the request thread's samples (docs/benchmarks.md). {@code ResultEventWriterTest} holds it
 * to the serializer's output.
 */
final class ResultEventWriter {

    /** A result's document is ~550 bytes; the buffer grows if ever needed and is dropped again if it grew large. */
    private static final ThreadLocal<Buffer> BUFFER = ThreadLocal.withInitial(Buffer::new);
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final int KEEP_AT_MOST = 16 * 1024;
    /** Instants in years 0 to 9999 are written directly; others by {@link Instant#toString()} (signs, long years). */
    private static final long FIRST_SECOND = LocalDate.of(0, 1, 1).toEpochDay() * 86_400;
    private static final long LAST_SECOND = LocalDate.of(9999, 12, 31).toEpochDay() * 86_400 + 86_399;

    private static final byte[] SCHEMA_VERSION = ascii("{\"schemaVersion\":");
    private static final byte[] RESULT_ID = name("resultId");
    private static final byte[] PHARMACY_ID = name("pharmacyId");
    private static final byte[] EXTERNAL_REF = name("externalRef");
    private static final byte[] RECEIVED_AT = name("receivedAt");
    private static final byte[] SAMPLE_COLLECTED_AT = name("sampleCollectedAt");
    private static final byte[] TEST_TYPE = name("testType");
    private static final byte[] DEVICE_ID = name("deviceId");
    private static final byte[] TEST_NAME = name("testName");
    private static final byte[] RESULT = name("result");
    private static final byte[] TEST_CENTRE = name("testCentre");
    private static final byte[] PATIENT = ascii(",\"patient\":{");
    private static final byte[] FAMILY_NAME = name("familyName");
    private static final byte[] GIVEN_NAME = name("givenName");
    private static final byte[] DATE_OF_BIRTH = name("dateOfBirth");
    private static final byte[] MOBILE = name("mobile");
    private static final byte[] EMAIL = name("email");
    private static final byte[] LANGUAGE = name("language");

    private ResultEventWriter() {
    }

    static byte[] write(ResultReceived result) {
        Buffer json = BUFFER.get();
        json.length = 0;
        json.append(SCHEMA_VERSION);
        json.appendAscii(Integer.toString(result.schemaVersion()));
        uuid(json, RESULT_ID, result.resultId());
        text(json, PHARMACY_ID, result.pharmacyId());
        text(json, EXTERNAL_REF, result.externalRef());
        instant(json, RECEIVED_AT, result.receivedAt());
        instant(json, SAMPLE_COLLECTED_AT, result.sampleCollectedAt());
        text(json, TEST_TYPE, result.testType() == null ? null : result.testType().name());
        text(json, DEVICE_ID, result.deviceId());
        text(json, TEST_NAME, result.testName());
        text(json, RESULT, result.result() == null ? null : result.result().name());
        text(json, TEST_CENTRE, result.testCentre());
        Patient patient = result.patient();
        if (patient != null) {
            json.append(PATIENT);
            int start = json.length;
            text(json, FAMILY_NAME, patient.familyName());
            text(json, GIVEN_NAME, patient.givenName());
            text(json, DATE_OF_BIRTH, patient.dateOfBirth());
            text(json, MOBILE, patient.mobile());
            text(json, EMAIL, patient.email());
            text(json, LANGUAGE, patient.language() == null ? null : patient.language().name());
            if (json.length > start) {
                json.removeAt(start); // the first field's leading comma
            }
            json.append((byte) '}');
        }
        json.append((byte) '}');
        byte[] bytes = Arrays.copyOf(json.bytes, json.length);
        if (json.bytes.length > KEEP_AT_MOST) {
            BUFFER.remove(); // an unusually large document does not pin its buffer to the thread
        }
        return bytes;
    }

    private static void text(Buffer json, byte[] name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        json.append(name);
        escape(json, value);
        json.append((byte) '"');
    }

    private static void uuid(Buffer json, byte[] name, UUID value) {
        if (value != null) {
            json.append(name);
            json.appendAscii(value.toString());
            json.append((byte) '"');
        }
    }

    private static void instant(Buffer json, byte[] name, Instant value) {
        if (value != null) {
            json.append(name);
            iso(json, value);
            json.append((byte) '"');
        }
    }

    /** {@link Instant#toString()} as bytes: ISO-8601 in UTC, the fraction in groups of three digits, if any. */
    static void iso(Buffer json, Instant value) {
        long seconds = value.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds > LAST_SECOND) {
            json.appendAscii(value.toString());
            return;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        json.digits(date.getYear(), 4).append((byte) '-').digits(date.getMonthValue(), 2).append((byte) '-')
                .digits(date.getDayOfMonth(), 2).append((byte) 'T').digits(secondOfDay / 3600, 2)
                .append((byte) ':').digits(secondOfDay / 60 % 60, 2).append((byte) ':')
                .digits(secondOfDay % 60, 2);
        int nano = value.getNano();
        if (nano != 0) {
            json.append((byte) '.');
            if (nano % 1_000_000 == 0) {
                json.digits(nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                json.digits(nano / 1_000, 6);
            } else {
                json.digits(nano, 9);
            }
        }
        json.append((byte) 'Z');
    }

    /**
     * A JSON string's content (RFC 8259) as the serializer escapes it: quote, backslash and control characters, and
     * the halves of characters beyond the BMP as {@code \\uXXXX}; everything else as UTF-8.
     */
    static void escape(Buffer json, String value) {
        int n = value.length();
        json.ensure(n * 6); // the longest a char can become (\\uXXXX)
        byte[] out = json.bytes;
        int at = json.length;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                out[at++] = (byte) c;
            } else if (c < 0x80) {
                at = escapeAscii(out, at, c);
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                at = unicodeEscape(out, at, c);
            } else {
                out[at++] = (byte) (0xE0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        json.length = at;
    }

    private static int escapeAscii(byte[] out, int at, char c) {
        char letter = switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\n' -> 'n';
            case '\r' -> 'r';
            case '\t' -> 't';
            case '\b' -> 'b';
            case '\f' -> 'f';
            default -> 0;
        };
        if (letter == 0) {
            return unicodeEscape(out, at, c);
        }
        out[at++] = '\\';
        out[at++] = (byte) letter;
        return at;
    }

    private static int unicodeEscape(byte[] out, int at, char c) {
        out[at++] = '\\';
        out[at++] = 'u';
        out[at++] = HEX[c >> 12];
        out[at++] = HEX[(c >> 8) & 0xf];
        out[at++] = HEX[(c >> 4) & 0xf];
        out[at++] = HEX[c & 0xf];
        return at;
    }

    private static byte[] name(String name) {
        return ascii(",\"" + name + "\":\"");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A growable byte array; one per thread. */
    static final class Buffer {
        byte[] bytes = new byte[1024];
        int length;

        void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        Buffer append(byte b) {
            ensure(1);
            bytes[length++] = b;
            return this;
        }

        void append(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, bytes, length, b.length);
            length += b.length;
        }

        /** Text known to be ASCII (numbers, UUIDs, instants). */
        void appendAscii(String text) {
            ensure(text.length());
            for (int i = 0; i < text.length(); i++) {
                bytes[length++] = (byte) text.charAt(i);
            }
        }

        /** A non-negative number in exactly {@code width} digits, zero-padded. */
        Buffer digits(int value, int width) {
            ensure(width);
            for (int i = length + width - 1; i >= length; i--) {
                bytes[i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            length += width;
            return this;
        }

        void removeAt(int index) {
            System.arraycopy(bytes, index + 1, bytes, index, length - index - 1);
            length--;
        }
    }
}
