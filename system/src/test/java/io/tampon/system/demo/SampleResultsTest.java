package io.tampon.system.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tampon.contracts.events.ResultIds;
import io.tampon.infra.sms.SmsGatewayStandIn;
import io.tampon.system.demo.SampleResults.Kind;
import io.tampon.system.demo.SampleResults.Mix;
import io.tampon.system.demo.SampleResults.Sample;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SampleResultsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final List<Sample> samples = SampleResults.generate(new Mix(200, 20, 12, 8), DemoPharmacies.all(7),
            "T1", NOW, 42);

    @Test
    void theMixHasEveryKindInTheCountsAsked() {
        Map<Kind, Long> kinds = samples.stream().collect(Collectors.groupingBy(Sample::kind, Collectors.counting()));
        assertEquals(Map.of(Kind.VALID, 200L, Kind.DUPLICATE, 20L, Kind.INVALID, 12L, Kind.UNDELIVERABLE, 8L), kinds);
    }

    @Test
    void duplicatesRepeatAValidSampleOfTheSamePharmacyAndSoTheSameResultId() {
        Map<String, Sample> valid = samples.stream().filter(s -> s.kind() == Kind.VALID)
                .collect(Collectors.toMap(Sample::externalRef, s -> s));
        for (Sample duplicate : samples.stream().filter(s -> s.kind() == Kind.DUPLICATE).toList()) {
            Sample original = valid.get(duplicate.externalRef());
            assertNotNull(original, duplicate.toString());
            assertEquals(original.pharmacy(), duplicate.pharmacy());
            assertEquals(original.resultId(), duplicate.resultId());
            assertEquals(original.body(), duplicate.body());
        }
    }

    @Test
    void resultIdsAreTheEdgesNameBasedIdsAndUniqueApartFromDuplicates() {
        Set<Object> ids = new HashSet<>();
        for (Sample sample : samples) {
            assertEquals(ResultIds.of(sample.pharmacy().pharmacyId(), sample.externalRef()), sample.resultId());
            if (sample.kind() != Kind.DUPLICATE) {
                assertTrue(ids.add(sample.resultId()), "unique: " + sample);
            }
        }
    }

    @Test
    void everyPatientHasOwnAddressesAndAtLeastOneChannel() {
        List<Sample> originals = samples.stream().filter(s -> s.kind() != Kind.DUPLICATE).toList();
        Set<String> emails = originals.stream().map(Sample::email).filter(Objects::nonNull).collect(Collectors.toSet());
        Set<String> mobiles = originals.stream().filter(s -> s.kind() != Kind.INVALID).map(Sample::mobile)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        assertEquals(originals.stream().filter(s -> s.email() != null).count(), emails.size());
        assertEquals(originals.stream().filter(s -> s.kind() != Kind.INVALID && s.mobile() != null).count(),
                mobiles.size());
        for (Sample sample : originals) {
            assertTrue(sample.email() != null || sample.mobile() != null, sample.toString());
        }
        assertTrue(originals.stream().anyMatch(s -> s.email() != null && s.mobile() != null), "both channels");
        assertTrue(originals.stream().anyMatch(s -> s.email() == null), "SMS only");
        assertTrue(originals.stream().anyMatch(s -> s.mobile() == null), "email only");
    }

    @Test
    void undeliverableSamplesHaveOnlyAnUnassignedNumberAndValidOnesNever() {
        for (Sample sample : samples) {
            boolean unassigned = sample.mobile() != null
                    && sample.mobile().startsWith(SmsGatewayStandIn.UNASSIGNED_PREFIX);
            assertEquals(sample.kind() == Kind.UNDELIVERABLE, unassigned, sample.toString());
            if (sample.kind() == Kind.UNDELIVERABLE) {
                assertNull(sample.email());
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void invalidSamplesEachCarryARealMistake() {
        for (Sample sample : samples.stream().filter(s -> s.kind() == Kind.INVALID).toList()) {
            Map<String, Object> patient = (Map<String, Object>) sample.body().get("patient");
            boolean mistake = !patient.containsKey("familyName")
                    || "06 12 34 56 78".equals(patient.get("mobile"))
                    || "RAPID_ANTIGEN".equals(sample.body().get("testType")) && !sample.body().containsKey("deviceId")
                    || "UNKNOWN".equals(sample.body().get("result"));
            assertTrue(mistake, sample.body().toString());
        }
    }

    @Test
    void bothTestTypesBothLanguagesAndAccentedNamesAppear() {
        Set<Object> types = samples.stream().map(s -> s.body().get("testType")).collect(Collectors.toSet());
        assertTrue(types.containsAll(Set.of("RAPID_ANTIGEN", "NAAT")), types.toString());
        Set<Object> languages = samples.stream().map(s -> ((Map<?, ?>) s.body().get("patient")).get("language"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("fr", "en"), languages);
        assertTrue(samples.stream().anyMatch(s -> ((Map<?, ?>) s.body().get("patient")).values().stream()
                .anyMatch(v -> v.toString().chars().anyMatch(c -> c > 127))), "accents");
    }

    @Test
    void theSameSeedGivesTheSameSamples() {
        assertEquals(samples, SampleResults.generate(new Mix(200, 20, 12, 8), DemoPharmacies.all(7), "T1", NOW, 42));
    }

    @Test
    void aMixCannotAskForMoreDuplicatesThanValidResults() {
        assertThrows(IllegalArgumentException.class, () -> new Mix(1, 2, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Mix(-1, 0, 0, 0));
    }
}
