package io.tampon.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tampon.contracts.events.Language;
import io.tampon.contracts.events.Patient;
import io.tampon.contracts.events.ResultIds;
import io.tampon.contracts.events.ResultReceived;
import io.tampon.contracts.events.TestKind;
import io.tampon.contracts.events.TestOutcome;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResultReceivedTest {

    static ResultReceived valid() {
        return new ResultReceived(1, UUID.randomUUID(), "ph-1", "ext-1", Instant.now(), Instant.now(),
                TestKind.RAPID_ANTIGEN, "1232", null, TestOutcome.NEGATIVE, "Pharmacie",
                new Patient("Dupont", "Marie", "1980-01-31", "+33612345678", null, Language.FR));
    }

    @Test
    void aCompleteResultHasNoProblems() {
        assertEquals(List.of(), valid().problems());
    }

    @Test
    void namesEveryProblem() {
        ResultReceived bad = new ResultReceived(2, null, "ph-1", "x", Instant.now(), null, TestKind.RAPID_ANTIGEN,
                null, null, TestOutcome.NEGATIVE, "", new Patient("", null, "31/01/1980", null, null, null));
        List<String> problems = bad.problems();
        for (String field : List.of("schemaVersion", "resultId", "sampleCollectedAt", "deviceId", "testCentre",
                "patient.familyName", "patient.dateOfBirth", "mobile number or an email", "patient.language")) {
            assertTrue(problems.stream().anyMatch(p -> p.contains(field)), field + " in " + problems);
        }
    }

    @Test
    void neverPrintsPersonalData() {
        String text = valid().toString() + valid().patient();
        assertFalse(text.contains("Dupont") || text.contains("1980") || text.contains("+336"), text);
    }

    @Test
    void resultIdsAreNameBasedVersion5() {
        UUID id = ResultIds.of("ph-1", "ext-1");
        assertEquals(id, ResultIds.of("ph-1", "ext-1"));
        assertEquals(5, id.version());
        assertEquals(2, id.variant());
        assertNotEquals(id, ResultIds.of("ph-2", "ext-1"));
        assertNotEquals(ResultIds.of("a", "bc"), ResultIds.of("ab", "c"));
    }
}
