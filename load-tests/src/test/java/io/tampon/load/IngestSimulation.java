package io.tampon.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Many pharmacies posting results to ingest-service. Open model (arrivals per second do not wait for answers, as
 * 12,000 independent pharmacies would not). System properties: {@code baseUrl}, {@code pharmacies} (12000),
 * {@code rate} (results/s), {@code fromRate} (ramp start; absent = constant), {@code duration} (seconds),
 * {@code batchSize} (1: one result per {@code POST /v1/results}; more: that many per {@code POST /v1/results/batch},
 * as a pharmacy's integration sending its backlog does; the rate stays in results per second).
 */
public class IngestSimulation extends Simulation {

    static final String BASE_URL = System.getProperty("baseUrl", "http://127.0.0.1:8081");
    static final int PHARMACIES = Integer.getInteger("pharmacies", 12_000);
    static final int RATE = Integer.getInteger("rate", 500);
    static final Integer FROM_RATE = Integer.getInteger("fromRate");
    static final int DURATION = Integer.getInteger("duration", 30);
    static final int BATCH_SIZE = Integer.getInteger("batchSize", 1);

    static final String BODY = """
            {"externalRef":"#{ref}","sampleCollectedAt":"#{sampled}","testType":"#{type}","deviceId":"1232",
             "testName":"RT-PCR","result":"NEGATIVE","testCentre":"Pharmacie des Lilas, Lyon",
             "patient":{"familyName":"#{family}","givenName":"#{given}","dateOfBirth":"1984-03-07",
                        "mobile":"+33612345678","email":"patient@example.org","language":"fr"}}""";

    Iterator<Map<String, Object>> results = Stream.generate(IngestSimulation::nextResult).iterator();
    Iterator<Map<String, Object>> batches = Stream.generate(IngestSimulation::nextBatch).iterator();

    /** One pharmacy's batch: the same placeholders as {@link #BODY}, filled in here for each item. */
    private static Map<String, Object> nextBatch() {
        Map<String, Object> first = nextResult();
        StringBuilder body = new StringBuilder(BATCH_SIZE * 560).append("{\"results\":[");
        for (int i = 0; i < BATCH_SIZE; i++) {
            Map<String, Object> item = i == 0 ? first : nextResult();
            String json = BODY;
            for (String field : new String[] {"ref", "sampled", "type", "family", "given"}) {
                json = json.replace("#{" + field + "}", item.get(field).toString());
            }
            body.append(i == 0 ? "" : ",").append(json);
        }
        return Map.of("key", first.get("key"), "body", body.append("]}").toString());
    }

    private static Map<String, Object> nextResult() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int pharmacy = 1 + random.nextInt(PHARMACIES);
        return Map.of("key", Pharmacies.key(pharmacy), "ref", "LOAD-" + UUID.randomUUID(),
                "sampled", Instant.now().minusSeconds(3600 + random.nextInt(7200)).toString(),
                "type", random.nextBoolean() ? "RAPID_ANTIGEN" : "NAAT",
                "family", Pharmacies.FAMILY_NAMES[random.nextInt(Pharmacies.FAMILY_NAMES.length)],
                "given", Pharmacies.GIVEN_NAMES[random.nextInt(Pharmacies.GIVEN_NAMES.length)]);
    }

    HttpProtocolBuilder protocol = http.baseUrl(BASE_URL).contentTypeHeader("application/json")
            .acceptHeader("application/json").shareConnections();

    ScenarioBuilder pharmacies = BATCH_SIZE <= 1
            ? scenario("pharmacies post results").feed(results)
                    .exec(http("POST /v1/results").post("/v1/results").header("Authorization", "Bearer #{key}")
                            .body(StringBody(BODY)).check(status().is(202)))
            : scenario("pharmacies post batches").feed(batches)
                    .exec(http("POST /v1/results/batch").post("/v1/results/batch")
                            .header("Authorization", "Bearer #{key}").body(StringBody("#{body}"))
                            // Every item accepted, i.e. acknowledged by Kafka: a partial batch is a failure here.
                            .check(status().is(200), jsonPath("$.accepted").ofInt().is(BATCH_SIZE)));

    {
        double users = (double) RATE / Math.max(1, BATCH_SIZE);
        OpenInjectionStep arrivals = FROM_RATE == null
                ? constantUsersPerSec(users).during(Duration.ofSeconds(DURATION))
                : rampUsersPerSec((double) FROM_RATE / Math.max(1, BATCH_SIZE)).to(users)
                        .during(Duration.ofSeconds(DURATION));
        setUp(pharmacies.injectOpen(arrivals)).protocols(protocol)
                .assertions(global().failedRequests().percent().lt(1.0));
    }
}
