package io.tampon.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Stream;

/**
 * The weekend spike: many pharmacies posting results with a configurable profile (open model: arrivals do not
 * wait for answers). Baseline for {@code beforeSeconds}, a ramp of {@code rampSeconds} to baseline ×
 * {@code spikeMultiplier} held {@code spikeSeconds}, a ramp back, baseline for {@code afterSeconds}.
 *
 * <p>Payloads are realistic: names with accents, both test types, email and/or SMS, a share of duplicates (the same
 * pharmacy re-posting an externalRef, as a retrying integration does) and of invalid results (no family name).
 * Every result has its own contact, so the runner can check one message per patient per channel. After the run it
 * writes {@code outcome.json} (responses by status) and {@code accepted-ids.txt} to {@code outDir}.
 */
public class PipelineSimulation extends Simulation {

    static final String BASE_URL = System.getProperty("baseUrl", "http://127.0.0.1:8081");
    static final int PHARMACIES = Integer.getInteger("pharmacies", 12_000);
    static final String KEY_FORMAT = System.getProperty("keyFormat", "load-key-%05d");
    static final double BASELINE = Double.parseDouble(System.getProperty("baseline", "20"));
    static final double MULTIPLIER = Double.parseDouble(System.getProperty("spikeMultiplier", "1"));
    static final int BEFORE = Integer.getInteger("beforeSeconds", 30);
    static final int RAMP = Integer.getInteger("rampSeconds", 10);
    static final int SPIKE = Integer.getInteger("spikeSeconds", 0);
    static final int AFTER = Integer.getInteger("afterSeconds", 0);
    static final double DUPLICATES = Double.parseDouble(System.getProperty("duplicateShare", "0.02"));
    static final double INVALID = Double.parseDouble(System.getProperty("invalidShare", "0.01"));
    static final Path OUT = Path.of(System.getProperty("outDir", "target/pipeline-load"));
    static final String RUN = Long.toString(System.currentTimeMillis(), 36).toUpperCase();

    static final Map<Integer, AtomicLong> STATUSES = new ConcurrentHashMap<>();
    static final Set<String> ACCEPTED = ConcurrentHashMap.newKeySet();
    static final AtomicLong SEQUENCE = new AtomicLong();
    /** Recent valid results, to re-post some of them as duplicates. */
    static final AtomicReferenceArray<Map<String, Object>> RECENT = new AtomicReferenceArray<>(256);

    Iterator<Map<String, Object>> results = Stream.generate(PipelineSimulation::nextResult).iterator();

    private static Map<String, Object> nextResult() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        double draw = random.nextDouble();
        if (draw < DUPLICATES) {
            Map<String, Object> earlier = RECENT.get(random.nextInt(RECENT.length()));
            if (earlier != null) {
                return earlier;
            }
        }
        long n = SEQUENCE.incrementAndGet();
        int pharmacy = 1 + random.nextInt(PHARMACIES);
        boolean rapid = random.nextInt(3) != 0;
        int channels = random.nextInt(4); // 0, 3: both; 1: email only; 2: SMS only
        StringBuilder patient = new StringBuilder("{");
        boolean invalid = draw >= DUPLICATES && draw < DUPLICATES + INVALID;
        if (!invalid) {
            patient.append("\"familyName\":\"").append(Pharmacies.FAMILY_NAMES[random.nextInt(Pharmacies.FAMILY_NAMES.length)]).append("\",");
        }
        patient.append("\"givenName\":\"").append(Pharmacies.GIVEN_NAMES[random.nextInt(Pharmacies.GIVEN_NAMES.length)]).append("\",")
                .append("\"dateOfBirth\":\"").append(1940 + random.nextInt(65)).append("-0")
                .append(1 + random.nextInt(9)).append("-1").append(random.nextInt(10)).append("\",");
        if (channels != 1) {
            patient.append("\"mobile\":\"+336").append(String.format("%08d", n % 100_000_000L)).append("\",");
        }
        if (channels != 2) {
            patient.append("\"email\":\"p").append(n).append('-').append(RUN.toLowerCase())
                    .append("@load.example\",");
        }
        patient.append("\"language\":\"").append(random.nextInt(4) == 0 ? "en" : "fr").append("\"}");
        String body = "{\"externalRef\":\"LOAD-" + RUN + "-" + n + "\",\"sampleCollectedAt\":\""
                + Instant.now().minusSeconds(1800 + random.nextInt(3600)) + "\",\"testType\":\""
                + (rapid ? "RAPID_ANTIGEN\",\"deviceId\":\"1232\"" : "NAAT\",\"testName\":\"RT-PCR\"")
                + ",\"result\":\"NEGATIVE\",\"testCentre\":\"Pharmacie des Lilas, Lyon\",\"patient\":" + patient
                + "}";
        Map<String, Object> record = Map.of("key", KEY_FORMAT.formatted(pharmacy), "body", body,
                "expected", invalid ? 422 : 202);
        if (!invalid) {
            RECENT.set(random.nextInt(RECENT.length()), record);
        }
        return record;
    }

    HttpProtocolBuilder protocol = http.baseUrl(BASE_URL).contentTypeHeader("application/json")
            .acceptHeader("application/json").shareConnections();

    ScenarioBuilder pharmacies = scenario("pharmacies").feed(results)
            .exec(http("POST /v1/results").post("/v1/results").header("Authorization", "Bearer #{key}")
                    .body(StringBody("#{body}"))
                    .check(status().saveAs("status"), status().is(session -> session.getInt("expected")),
                            jsonPath("$.resultId").optional().saveAs("resultId")))
            .exec(session -> {
                int code = session.contains("status") ? session.getInt("status") : 0;
                STATUSES.computeIfAbsent(code, c -> new AtomicLong()).incrementAndGet();
                if (code == 202 && session.contains("resultId")) {
                    ACCEPTED.add(session.getString("resultId"));
                }
                return session;
            });

    {
        List<OpenInjectionStep> profile = new ArrayList<>();
        if (BEFORE > 0) {
            profile.add(constantUsersPerSec(BASELINE).during(Duration.ofSeconds(BEFORE)));
        }
        if (SPIKE > 0) {
            double peak = BASELINE * MULTIPLIER;
            profile.add(rampUsersPerSec(BASELINE).to(peak).during(Duration.ofSeconds(Math.max(1, RAMP))));
            profile.add(constantUsersPerSec(peak).during(Duration.ofSeconds(SPIKE)));
            profile.add(rampUsersPerSec(peak).to(BASELINE).during(Duration.ofSeconds(Math.max(1, RAMP))));
        }
        if (AFTER > 0) {
            profile.add(constantUsersPerSec(BASELINE).during(Duration.ofSeconds(AFTER)));
        }
        setUp(pharmacies.injectOpen(profile)).protocols(protocol);
    }

    @Override
    public void after() {
        try {
            Files.createDirectories(OUT);
            Map<Integer, Long> statuses = new TreeMap<>();
            STATUSES.forEach((code, count) -> statuses.put(code, count.get()));
            StringBuilder json = new StringBuilder("{\"statuses\":{");
            statuses.forEach((code, count) -> json.append('"').append(code).append("\":").append(count).append(','));
            if (!statuses.isEmpty()) {
                json.setLength(json.length() - 1);
            }
            json.append("},\"acceptedDistinct\":").append(ACCEPTED.size()).append(",\"run\":\"").append(RUN)
                    .append("\"}\n");
            Files.writeString(OUT.resolve("outcome.json"), json);
            Files.write(OUT.resolve("accepted-ids.txt"), ACCEPTED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
