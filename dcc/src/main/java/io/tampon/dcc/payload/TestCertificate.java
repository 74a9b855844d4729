package io.tampon.dcc.payload;

import io.tampon.dcc.DccError;
import io.tampon.dcc.DccException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a test certificate says (DCC schema 1.3.0, group {@code t}). Holds only what the pass needs: no contact
 * details, nothing beyond the schema.
 *
 * @param deviceId   {@code ma}, the rapid antigen device identifier (required for rapid antigen tests)
 * @param testName   {@code nm}, the NAAT name (optional)
 * @param uvci       {@code ci}, see {@link Uvci}
 */
public record TestCertificate(String familyName, String givenName, String dateOfBirth, TestType type,
                              String deviceId, String testName, Instant sampleCollectedAt, TestResult result,
                              String testCentre, String country, String issuer, String uvci) {

    public static final String SCHEMA_VERSION = "1.3.0";
    /** SNOMED CT code of COVID-19, the disease every Tampon pass targets. */
    public static final String DISEASE_COVID_19 = "840539006";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    // Compiled once: String.matches compiles its pattern on every call, and a certificate is built for every pass.
    private static final Pattern DATE_OF_BIRTH = Pattern.compile("(19|20)\\d\\d(-\\d\\d){0,2}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public TestCertificate {
        List<String> problems = new ArrayList<>();
        if (isBlank(familyName)) {
            problems.add("a family name is required (the schema requires its transliteration, fnt)");
        }
        if (dateOfBirth == null || !DATE_OF_BIRTH.matcher(dateOfBirth).matches()) {
            problems.add("dob must be YYYY, YYYY-MM or YYYY-MM-DD");
        }
        if (type == null || result == null || sampleCollectedAt == null) {
            problems.add("test type, result and sample collection time are required");
        }
        if (type == TestType.RAPID_ANTIGEN && isBlank(deviceId)) {
            problems.add("a rapid antigen test needs its device id (ma)");
        }
        if (country == null || !COUNTRY.matcher(country).matches()) {
            problems.add("country must be an ISO 3166 alpha-2 code");
        }
        requireAtMost80(testCentre, "tc", problems);
        requireAtMost80(issuer, "is", problems);
        requireAtMost80(uvci, "ci", problems);
        requireAtMost80(familyName, "fn", problems);
        requireAtMost80(givenName, "gn", problems);
        requireAtMost80(testName, "nm", problems);
        requireAtMost80(deviceId, "ma", problems);
        if (isBlank(issuer) || isBlank(uvci) || isBlank(testCentre)) {
            problems.add("issuer, uvci and test centre are required");
        }
        if (!problems.isEmpty()) {
            throw new DccException(DccError.PAYLOAD_INVALID, String.join("; ", problems));
        }
    }

    /** The payload as the CBOR/JSON map the schema describes, keys in a fixed order for deterministic bytes. */
    public Map<Object, Object> toPayload() {
        Map<Object, Object> name = new LinkedHashMap<>();
        name.put("fn", familyName.strip());
        name.put("fnt", IcaoTransliterator.transliterate(familyName));
        if (!isBlank(givenName)) {
            name.put("gn", givenName.strip());
            name.put("gnt", IcaoTransliterator.transliterate(givenName));
        }
        Map<Object, Object> test = new LinkedHashMap<>();
        test.put("tg", DISEASE_COVID_19);
        test.put("tt", type.code());
        if (!isBlank(testName)) {
            test.put("nm", testName);
        }
        if (!isBlank(deviceId)) {
            test.put("ma", deviceId);
        }
        test.put("sc", DATE_TIME.format(sampleCollectedAt.truncatedTo(ChronoUnit.SECONDS)));
        test.put("tr", result.code());
        test.put("tc", testCentre);
        test.put("co", country);
        test.put("is", issuer);
        test.put("ci", uvci);
        Map<Object, Object> payload = new LinkedHashMap<>();
        payload.put("ver", SCHEMA_VERSION);
        payload.put("nam", name);
        payload.put("dob", dateOfBirth);
        payload.put("t", List.of(test));
        return payload;
    }

    /** The schema's limit on these fields; checked field by field, not through an array built for every pass. */
    private static void requireAtMost80(String value, String field, List<String> problems) {
        if (value != null && value.length() > 80) {
            problems.add(field + " is longer than 80 characters");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
