package io.tampon.system.demo;

import io.tampon.contracts.events.ResultIds;
import io.tampon.infra.sms.SmsGatewayStandIn;
import io.tampon.system.demo.DemoPharmacies.Credential;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic pharmacy results for the demo and the end-to-end tests: names with accents, both test types, every mix
 * of channels, both languages; on request some duplicates (a retrying integration), some input the edge must refuse
 * and some the edge cannot know is wrong (a mobile number that does not exist, refused by the SMS provider).
 *
 * <p>Every sample has its own email address and mobile number, so what the sinks received can be counted per
 * patient.
 */
public final class SampleResults {

    private static final String[] FAMILY_NAMES = {"Lefèvre-Dupont", "Müller", "Nguyễn", "Da Silva", "O'Brien",
            "Łukasiewicz", "Gómez", "Durand", "Øster", "Benoît", "N'Diaye", "Château"};
    private static final String[] GIVEN_NAMES = {"Amélie", "Jörg", "Chloé", "João", "Siobhán", "Zoé", "Hélène",
            "François", "Maëlys", "Ibrahim"};
    private static final String[] CENTRES = {"Pharmacie des Lilas, Lyon", "Pharmacie du Port, Marseille",
            "Grande Pharmacie de la Gare, Lille", "Pharmacie Saint-Michel, Bordeaux"};

    private SampleResults() {
    }

    public enum Kind {
        /** Accepted, signed, issued and notified on every channel it names. */
        VALID,
        /** The same (pharmacy, externalRef) as an earlier valid sample, posted again: same result id, one pass. */
        DUPLICATE,
        /** Refused at the edge with the fields it names. */
        INVALID,
        /** Accepted; the SMS provider says the number does not exist: the result ends FAILED with that reason. */
        UNDELIVERABLE
    }

    /** How many of each kind; duplicates repeat valid samples, so there can be no more of them than valid ones. */
    public record Mix(int valid, int duplicates, int invalid, int undeliverable) {

        public Mix {
            if (valid < 0 || duplicates < 0 || invalid < 0 || undeliverable < 0) {
                throw new IllegalArgumentException("counts must be >= 0");
            }
            if (duplicates > valid) {
                throw new IllegalArgumentException("no more duplicates than valid results");
            }
        }

        public static Mix validOnly(int count) {
            return new Mix(count, 0, 0, 0);
        }

        public int total() {
            return valid + duplicates + invalid + undeliverable;
        }
    }

    /**
     * One result to post.
     *
     * @param resultId the id the edge must answer (name-based on pharmacy and externalRef)
     * @param body     the JSON object of {@code POST /v1/results}
     */
    public record Sample(Kind kind, Credential pharmacy, String externalRef, UUID resultId, Map<String, Object> body,
                         String email, String mobile) {

        @Override
        public String toString() {
            return "Sample[" + kind + ", " + pharmacy.pharmacyId() + ", " + externalRef + "]";
        }
    }

    /**
     * @param run a short tag that keeps external references unique between runs on the same data
     */
    public static List<Sample> generate(Mix mix, List<Credential> pharmacies, String run, Instant now, long seed) {
        if (pharmacies.isEmpty()) {
            throw new IllegalArgumentException("at least one pharmacy");
        }
        Random random = new Random(seed);
        Instant sampled = now.minus(35, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        List<Sample> samples = new ArrayList<>(mix.total());
        int number = 0;
        for (int i = 0; i < mix.valid(); i++, number++) {
            samples.add(sample(Kind.VALID, number, pharmacies, run, sampled, random));
        }
        for (int i = 0; i < mix.undeliverable(); i++, number++) {
            samples.add(sample(Kind.UNDELIVERABLE, number, pharmacies, run, sampled, random));
        }
        for (int i = 0; i < mix.invalid(); i++, number++) {
            samples.add(sample(Kind.INVALID, number, pharmacies, run, sampled, random));
        }
        List<Sample> originals = samples.subList(0, mix.valid());
        List<Sample> duplicates = new ArrayList<>();
        for (int i = 0; i < mix.duplicates(); i++) {
            Sample original = originals.get(random.nextInt(originals.size()));
            duplicates.add(new Sample(Kind.DUPLICATE, original.pharmacy(), original.externalRef(),
                    original.resultId(), original.body(), original.email(), original.mobile()));
        }
        samples.addAll(duplicates);
        Collections.shuffle(samples, random);
        return List.copyOf(samples);
    }

    private static Sample sample(Kind kind, int number, List<Credential> pharmacies, String run, Instant sampled,
                                 Random random) {
        Credential pharmacy = pharmacies.get(number % pharmacies.size());
        String externalRef = "DEMO-" + run + "-" + number;
        boolean rapid = random.nextInt(3) != 0;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalRef", externalRef);
        body.put("sampleCollectedAt", sampled.minusSeconds(random.nextInt(3600)).toString());
        body.put("testType", rapid ? "RAPID_ANTIGEN" : "NAAT");
        if (rapid) {
            body.put("deviceId", "1232");
        } else {
            body.put("testName", "SARS-CoV-2 RT-PCR");
        }
        body.put("result", random.nextInt(20) == 0 ? "POSITIVE" : "NEGATIVE");
        body.put("testCentre", CENTRES[number % CENTRES.length]);
        // Channels: both (half), email only, mobile only; the undeliverable ones have only the unknown number.
        int channels = kind == Kind.UNDELIVERABLE ? 2 : random.nextInt(4);
        String email = channels == 2 ? null : "patient-%s-%d@example.org".formatted(run.toLowerCase(), number);
        String mobile = channels == 1 ? null : kind == Kind.UNDELIVERABLE
                ? SmsGatewayStandIn.UNASSIGNED_PREFIX + "%04d".formatted(number % 10_000)
                : "+336%08d".formatted(10_000_000 + number);
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("familyName", FAMILY_NAMES[random.nextInt(FAMILY_NAMES.length)]);
        patient.put("givenName", GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)]);
        patient.put("dateOfBirth", "%d-%02d-%02d".formatted(1940 + random.nextInt(65), 1 + random.nextInt(12),
                1 + random.nextInt(28)));
        if (mobile != null) {
            patient.put("mobile", mobile);
        }
        if (email != null) {
            patient.put("email", email);
        }
        patient.put("language", random.nextInt(4) == 0 ? "en" : "fr");
        body.put("patient", patient);
        if (kind == Kind.INVALID) {
            spoil(body, patient, number);
        }
        return new Sample(kind, pharmacy, externalRef, ResultIds.of(pharmacy.pharmacyId(), externalRef), body,
                email, mobile);
    }

    /** The mistakes integrations really make, one per invalid sample, in turn. */
    private static void spoil(Map<String, Object> body, Map<String, Object> patient, int number) {
        switch (number % 4) {
            case 0 -> patient.remove("familyName");
            case 1 -> patient.put("mobile", "06 12 34 56 78");
            case 2 -> {
                body.put("testType", "RAPID_ANTIGEN");
                body.remove("deviceId");
                body.remove("testName");
            }
            default -> body.put("result", "UNKNOWN");
        }
    }
}
