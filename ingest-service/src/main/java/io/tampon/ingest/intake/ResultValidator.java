package io.tampon.ingest.intake;

import io.tampon.contracts.events.Language;
import io.tampon.contracts.events.Patient;
import io.tampon.contracts.events.ResultIds;
import io.tampon.contracts.events.ResultReceived;
import io.tampon.contracts.events.TestKind;
import io.tampon.contracts.events.TestOutcome;
import io.tampon.ingest.problem.Problem.InvalidParam;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a posted result and turns it into the event. Pure: every problem is reported, each naming its field, and
 * no value is echoed back (it may be personal data).
 */
final class ResultValidator {

    /** A sample is never older than this when its result is reported; older ones are typos. */
    private static final Duration MAX_SAMPLE_AGE = Duration.ofDays(7);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private final Clock clock;

    ResultValidator(Clock clock) {
        this.clock = clock;
    }

    /** Either the event ({@link Outcome#event()}) or the list of invalid fields. */
    Outcome validate(String pharmacyId, ResultRequest request) {
        List<InvalidParam> invalid = new ArrayList<>();
        if (request == null) {
            return new Outcome(null, List.of(new InvalidParam("body", "required")));
        }
        Instant now = clock.instant();
        String ref = text(request.externalRef(), "externalRef", 64, invalid);
        if (ref != null && !Formats.externalRef(ref)) {
            invalid.add(new InvalidParam("externalRef", "1-64 letters, digits or . _ : / -"));
        }
        Instant sampled = instant(request.sampleCollectedAt(), "sampleCollectedAt", invalid);
        if (sampled != null && (sampled.isAfter(now.plus(CLOCK_SKEW)) || sampled.isBefore(now.minus(MAX_SAMPLE_AGE)))) {
            invalid.add(new InvalidParam("sampleCollectedAt", "must be within the last 7 days"));
        }
        TestKind type = choice(request.testType(), "testType", TestKind.class, invalid);
        String deviceId = optionalText(request.deviceId(), "deviceId", 20, invalid);
        if (type == TestKind.RAPID_ANTIGEN && deviceId == null) {
            invalid.add(new InvalidParam("deviceId", "required for a RAPID_ANTIGEN test"));
        }
        String testName = optionalText(request.testName(), "testName", 80, invalid);
        TestOutcome result = choice(request.result(), "result", TestOutcome.class, invalid);
        String centre = text(request.testCentre(), "testCentre", 80, invalid);
        Patient patient = patient(request.patient(), invalid);
        if (!invalid.isEmpty()) {
            return new Outcome(null, invalid);
        }
        return new Outcome(new ResultReceived(ResultReceived.SCHEMA_VERSION, ResultIds.of(pharmacyId, ref),
                pharmacyId, ref, now.truncatedTo(ChronoUnit.MILLIS), sampled, type, deviceId, testName, result,
                centre, patient), List.of());
    }

    private Patient patient(ResultRequest.PatientRequest patient, List<InvalidParam> invalid) {
        if (patient == null) {
            invalid.add(new InvalidParam("patient", "required"));
            return null;
        }
        String family = text(patient.familyName(), "patient.familyName", 80, invalid);
        String given = optionalText(patient.givenName(), "patient.givenName", 80, invalid);
        String dob = text(patient.dateOfBirth(), "patient.dateOfBirth", 10, invalid);
        if (dob != null && (!Formats.dateOfBirth(dob) || !plausibleDate(dob))) {
            invalid.add(new InvalidParam("patient.dateOfBirth", "YYYY-MM-DD, in the past"));
        }
        String mobile = optionalText(patient.mobile(), "patient.mobile", 16, invalid);
        if (mobile != null && !Formats.e164(mobile)) {
            invalid.add(new InvalidParam("patient.mobile", "must be E.164, e.g. +33612345678"));
        }
        String email = optionalText(patient.email(), "patient.email", 254, invalid);
        if (email != null && !Formats.email(email)) {
            invalid.add(new InvalidParam("patient.email", "must be an email address"));
        }
        if (mobile == null && email == null && patient.mobile() == null && patient.email() == null) {
            invalid.add(new InvalidParam("patient.mobile", "a mobile number or an email is required"));
        }
        Language language = choice(patient.language() == null ? null : patient.language().toUpperCase(Locale.ROOT),
                "patient.language", Language.class, invalid);
        return new Patient(family, given, dob, mobile, email, language);
    }

    private boolean plausibleDate(String dob) {
        if (dob.length() < 10) {
            return true;
        }
        // The shape is checked (yyyy-MM-dd): only the calendar can still refuse it, as LocalDate.parse would.
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(dob, 0, 4, 10), Integer.parseInt(dob, 5, 7, 10),
                    Integer.parseInt(dob, 8, 10, 10));
            return !date.isAfter(LocalDate.now(clock));
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static String text(String value, String name, int max, List<InvalidParam> invalid) {
        if (value == null || value.isBlank()) {
            invalid.add(new InvalidParam(name, "required"));
            return null;
        }
        return optionalText(value, name, max, invalid);
    }

    private static String optionalText(String value, String name, int max, List<InvalidParam> invalid) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            invalid.add(new InvalidParam(name, "at most " + max + " characters"));
            return null;
        }
        for (int i = 0; i < stripped.length(); i++) {
            if (Character.isISOControl(stripped.charAt(i))) {
                invalid.add(new InvalidParam(name, "must not contain control characters"));
                return null;
            }
        }
        return stripped;
    }

    private static Instant instant(String value, String name, List<InvalidParam> invalid) {
        if (value == null || value.isBlank()) {
            invalid.add(new InvalidParam(name, "required"));
            return null;
        }
        try {
            return InstantParser.parseToSecond(value.strip());
        } catch (DateTimeParseException e) {
            invalid.add(new InvalidParam(name, "ISO-8601 date-time with offset, e.g. 2026-11-27T08:30:00+01:00"));
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(String value, String name, Class<E> type, List<InvalidParam> invalid) {
        if (value == null || value.isBlank()) {
            invalid.add(new InvalidParam(name, "required"));
            return null;
        }
        E[] constants = type.getEnumConstants();
        String stripped = value.strip();
        for (E constant : constants) {
            if (constant.name().equals(stripped)) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : constants) {
            names.add(constant.name());
        }
        invalid.add(new InvalidParam(name, "one of " + String.join(", ", names)));
        return null;
    }

    record Outcome(ResultReceived event, List<InvalidParam> invalid) {
        boolean valid() {
            return event != null;
        }
    }
}
