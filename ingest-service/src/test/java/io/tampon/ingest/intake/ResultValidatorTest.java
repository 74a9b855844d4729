package io.tampon.ingest.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tampon.contracts.events.Language;
import io.tampon.contracts.events.ResultIds;
import io.tampon.contracts.events.ResultReceived;
import io.tampon.contracts.events.TestKind;
import io.tampon.ingest.problem.Problem.InvalidParam;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultValidatorTest {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final ResultValidator validator = new ResultValidator(Clock.fixed(NOW, ZoneOffset.UTC));

    static ResultRequest valid() {
        return new ResultRequest("A-123", "2026-11-27T08:30:00+01:00", "RAPID_ANTIGEN", "1232", null, "NEGATIVE",
                "Pharmacie des Lilas", new ResultRequest.PatientRequest("Lefèvre-Dupont", "Amélie", "1984-03-07",
                "+33612345678", null, "fr"));
    }

    @Test
    void aValidResultBecomesTheEventWithANameBasedId() {
        ResultValidator.Outcome outcome = validator.validate("ph-1", valid());
        assertTrue(outcome.valid(), () -> outcome.invalid().toString());
        ResultReceived event = outcome.event();
        assertEquals(ResultIds.of("ph-1", "A-123"), event.resultId());
        assertEquals(Instant.parse("2026-11-27T07:30:00Z"), event.sampleCollectedAt());
        assertEquals(NOW, event.receivedAt());
        assertEquals(TestKind.RAPID_ANTIGEN, event.testType());
        assertEquals(Language.FR, event.patient().language());
        assertEquals(List.of(), event.problems(), "what the edge accepts, the signer can sign");
    }

    @Test
    void namesEveryInvalidFieldWithoutEchoingValues() {
        ResultRequest bad = new ResultRequest("bad ref with spaces", "yesterday", "PCR", null, null, "MAYBE", "",
                new ResultRequest.PatientRequest("", null, "07/03/1984", "0612345678", "not-an-email", "de"));
        List<InvalidParam> invalid = validator.validate("ph-1", bad).invalid();
        List<String> names = invalid.stream().map(InvalidParam::name).toList();
        assertEquals(List.of("externalRef", "sampleCollectedAt", "testType", "result", "testCentre",
                "patient.familyName", "patient.dateOfBirth", "patient.mobile", "patient.email", "patient.language"),
                names);
        String reasons = invalid.toString();
        assertFalse(reasons.contains("0612345678") || reasons.contains("not-an-email") || reasons.contains("07/03"),
                reasons);
    }

    @Test
    void aRapidAntigenTestNeedsItsDeviceAndAPatientNeedsAContact() {
        ResultRequest request = new ResultRequest("A-1", "2026-11-27T08:30:00Z", "RAPID_ANTIGEN", null, null,
                "NEGATIVE", "P", new ResultRequest.PatientRequest("X", null, "1984", null, null, "en"));
        List<String> names = validator.validate("ph-1", request).invalid().stream().map(InvalidParam::name).toList();
        assertEquals(List.of("deviceId", "patient.mobile"), names);
    }

    @Test
    void refusesSamplesFromTheFutureOrLongAgoAndMissingBodies() {
        ResultRequest future = new ResultRequest("A-1", "2026-11-28T10:00:00Z", "NAAT", null, null, "POSITIVE", "P",
                valid().patient());
        assertEquals("sampleCollectedAt", validator.validate("ph-1", future).invalid().get(0).name());
        assertEquals("body", validator.validate("ph-1", null).invalid().get(0).name());
    }

    @Test
    void aDateOfBirthMustBeOnTheCalendarAndNotInTheFuture() {
        for (String dob : new String[] {"1984-02-30", "2023-02-29", "1984-13-01", "1984-00-10", "1984-01-00",
            "2026-11-28", "2099-01-01"}) {
            assertEquals(List.of("patient.dateOfBirth"), dobProblems(dob), dob);
        }
        for (String dob : new String[] {"2000-02-29", "1984-12-31", "2026-11-27", "1984", "1984-03"}) {
            assertEquals(List.of(), dobProblems(dob), dob);
        }
    }

    @Test
    void textWithControlCharactersIsRefused() {
        ResultRequest request = new ResultRequest("A-1", "2026-11-27T08:30:00Z", "NAAT", null, "RT\u0007PCR",
                "NEGATIVE", "Centre\u0085", valid().patient());
        assertEquals(List.of("testName", "testCentre"),
                validator.validate("ph-1", request).invalid().stream().map(InvalidParam::name).toList());
    }

    private List<String> dobProblems(String dob) {
        ResultRequest.PatientRequest p = valid().patient();
        ResultRequest request = new ResultRequest("A-1", "2026-11-27T08:30:00Z", "NAAT", null, null, "NEGATIVE", "P",
                new ResultRequest.PatientRequest(p.familyName(), p.givenName(), dob, p.mobile(), p.email(),
                        p.language()));
        return validator.validate("ph-1", request).invalid().stream().map(InvalidParam::name).toList();
    }
}
