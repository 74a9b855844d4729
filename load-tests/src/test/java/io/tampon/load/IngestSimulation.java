package io.tampon.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Many pharmacies posting results to ingest-service. Open model (arrivals per second do not wait for answers, as
 * 12,000 independent pharmacies would not). System properties: {@code baseUrl}, {@code pharmacies} (12000),
 * {@code steps} (results/s of each step, comma-separated, e.g. {@code 2000,5000}), {@code duration} (seconds per
 * step), {@code warmUp} (seconds at the first step's rate, not reported), {@code batchSize} (1: one result per
 * {@code POST /v1/results}; more: that many per {@code POST /v1/results/batch}, as a pharmacy's integration sending
 * its backlog does; rates stay in results per second).
 *
 * <p>All steps run one after the other in this one JVM, so the load generator is as warm as the service; each
 * step's requests carry its own name ({@code step 2000/s}) and its figures are printed by Gatling's assertion lines
 * ("actual"), one per percentile.
 */
public class IngestSimulation extends Simulation {

    static final String BASE_URL = System.getProperty("baseUrl", "http://127.0.0.1:8081");
    static final int PHARMACIES = Integer.getInteger("pharmacies", 12_000);
    static final List<Integer> STEPS = Arrays.stream(System.getProperty("steps", "500").split(","))
            .map(String::strip).map(Integer::valueOf).toList();
    static final int DURATION = Integer.getInteger("duration", 30);
    static final int WARM_UP = Integer.getInteger("warmUp", 60);
    /** The goal's latency: each step's p99 is asserted against it, so its line says whether the step met it. */
    static final int P99_GOAL_MS = 50;
    static final int BATCH_SIZE = Integer.getInteger("batchSize", 1);
    /** References unique across runs against the same broker: this run's id, then a counter. */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final AtomicLong REFS = new AtomicLong();

    Iterator<Map<String, Object>> requests = Stream.generate(IngestSimulation::nextRequest).iterator();

    /**
     * One pharmacy's request: one result's document, or a batch of {@link #BATCH_SIZE}, written straight into one
     * buffer. The load generator shares the machine with what it measures: replacing placeholders item by item and
     * reading every response with a JSON path cost it ~0.4 core at 30,000 results/s, CPU the service under test did
     * not get.
     */
    private static Map<String, Object> nextRequest() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int pharmacy = 1 + random.nextInt(PHARMACIES);
        StringBuilder body = new StringBuilder(Math.max(1, BATCH_SIZE) * 560);
        if (BATCH_SIZE <= 1) {
            appendResult(body, random);
        } else {
            body.append("{\"results\":[");
            for (int i = 0; i < BATCH_SIZE; i++) {
                appendResult(body.append(i == 0 ? "" : ","), random);
            }
            body.append("]}");
        }
        return Map.of("key", Pharmacies.key(pharmacy), "body", body.toString());
    }

    /** One result's document: a unique reference, a sample time, a test type, names with accents. */
    private static void appendResult(StringBuilder body, ThreadLocalRandom random) {
        String type = random.nextBoolean() ? "RAPID_ANTIGEN" : "NAAT";
        body.append("{\"externalRef\":\"LOAD-").append(RUN).append('-').append(REFS.incrementAndGet())
                .append("\",\"sampleCollectedAt\":\"")
                .append(Instant.now().minusSeconds(3600 + random.nextInt(7200)).truncatedTo(ChronoUnit.SECONDS))
                .append("\",\"testType\":\"").append(type)
                .append("\",\"deviceId\":\"1232\",\"testName\":\"RT-PCR\",\"result\":\"NEGATIVE\","
                        + "\"testCentre\":\"Pharmacie des Lilas, Lyon\",\"patient\":{\"familyName\":\"")
                .append(Pharmacies.FAMILY_NAMES[random.nextInt(Pharmacies.FAMILY_NAMES.length)])
                .append("\",\"givenName\":\"")
                .append(Pharmacies.GIVEN_NAMES[random.nextInt(Pharmacies.GIVEN_NAMES.length)])
                .append("\",\"dateOfBirth\":\"1984-03-07\",\"mobile\":\"+33612345678\","
                        + "\"email\":\"patient@example.org\",\"language\":\"fr\"}}");
    }

    HttpProtocolBuilder protocol = http.baseUrl(BASE_URL).contentTypeHeader("application/json")
            .acceptHeader("application/json").shareConnections();

    /** The pharmacies' requests under one name: the warm-up's, or one step's. */
    private ScenarioBuilder pharmacies(String name) {
        return BATCH_SIZE <= 1
                ? scenario(name).feed(requests)
                        .exec(http(name).post("/v1/results").header("Authorization", "Bearer #{key}")
                                .body(StringBody("#{body}")).check(status().is(202)))
                : scenario(name).feed(requests)
                        .exec(http(name).post("/v1/results/batch")
                                .header("Authorization", "Bearer #{key}").body(StringBody("#{body}"))
                                // Every item accepted, i.e. acknowledged by Kafka: a partial batch is a failure.
                                // The count leads the response; a substring spares parsing 100 items' outcomes.
                                .check(status().is(200), substring("{\"accepted\":" + BATCH_SIZE + ",").exists()));
    }

    private static PopulationBuilder arrivals(ScenarioBuilder scenario, int resultsPerSecond, int seconds) {
        return scenario.injectOpen(constantUsersPerSec((double) resultsPerSecond / Math.max(1, BATCH_SIZE))
                .during(Duration.ofSeconds(seconds)));
    }

    /**
     * From a tenth of the first step's rate up to it over the warm-up's first half, then at that rate: a cold service
     * hit at once with a rate its JIT-compiled self holds answered with 503s as designed, but a few thousand slow
     * answers in flight held ~900 MB of the load generator's request bodies, and it spent two minutes in full
     * collections (docs/benchmarks.md). A service joining a cluster gets its share gradually too.
     */
    private static PopulationBuilder warmUp(ScenarioBuilder scenario, int resultsPerSecond, int seconds) {
        double perSecond = (double) resultsPerSecond / Math.max(1, BATCH_SIZE);
        return scenario.injectOpen(
                rampUsersPerSec(perSecond / 10).to(perSecond).during(Duration.ofSeconds(seconds / 2)),
                constantUsersPerSec(perSecond).during(Duration.ofSeconds(seconds - seconds / 2)));
    }

    static String stepName(int resultsPerSecond) {
        return "step " + resultsPerSecond + "/s";
    }

    {
        // Built from the last step back: andThen starts its argument once the receiver's population is done.
        PopulationBuilder run = null;
        List<Assertion> assertions = new ArrayList<>();
        for (int i = STEPS.size() - 1; i >= 0; i--) {
            String name = stepName(STEPS.get(i));
            PopulationBuilder step = arrivals(pharmacies(name), STEPS.get(i), DURATION);
            run = run == null ? step : step.andThen(run);
            assertions.add(0, details(name).failedRequests().count().is(0L));
            assertions.add(0, details(name).responseTime().max().gte(0));
            assertions.add(0, details(name).responseTime().percentile(99.0).lt(P99_GOAL_MS));
            assertions.add(0, details(name).responseTime().percentile(95.0).gte(0));
            assertions.add(0, details(name).responseTime().percentile(50.0).gte(0));
            assertions.add(0, details(name).allRequests().count().gte(0L));
        }
        if (WARM_UP > 0) {
            run = warmUp(pharmacies("warm-up"), STEPS.get(0), WARM_UP).andThen(run);
        }
        setUp(run).protocols(protocol).assertions(assertions);
    }
}
