package io.tampon.ingest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.serde.ObjectMapper;
import io.tampon.contracts.Topics;
import io.tampon.contracts.events.EventHeaders;
import io.tampon.contracts.events.ResultIds;
import io.tampon.contracts.events.ResultReceived;
import io.tampon.infra.LocalInfrastructure;
import io.tampon.infra.junit.LocalInfraTest;
import io.tampon.infra.kafka.KafkaTestClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@LocalInfraTest
class IngestApiIT {

    private static final String JSON = "application/json";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern RESULT_ID = Pattern.compile("\"resultId\":\"([0-9a-f-]{36})\"");
    private static IngestServer server;
    private static KafkaTestClient kafka;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start(LocalInfrastructure infra) throws IOException {
        server = new IngestServer(infra.kafkaBootstrapServers(), infra.cassandraContactPoint().getHostString() + ":"
                + infra.cassandraContactPoint().getPort(), dir,
                List.of("ph-a", "ph-b", "ph-batch", "ph-many", "ph-noisy", "ph-quiet"),
                Map.of("tampon.ingest.burst", 10, "tampon.ingest.rate-per-second", 1));
        kafka = new KafkaTestClient(infra.kafkaBootstrapServers());
    }

    @AfterAll
    static void stop() {
        server.close();
        kafka.close();
    }

    @Test
    void anAcceptedResultIsOnTheTopicKeyedByItsIdWithTheDocumentedSchema() throws Exception {
        String ref = "A-" + UUID.randomUUID();
        HttpResponse<String> response = server.post("/v1/results", "ph-a", JSON, IngestServer.result(ref));

        assertEquals(202, response.statusCode(), response.body());
        UUID resultId = ResultIds.of("ph-a", ref);
        assertEquals("/v1/results/" + resultId, response.headers().firstValue("Location").orElseThrow());
        assertEquals(resultId.toString(), id(response));

        ConsumerRecord<String, byte[]> record = kafka.readUntil(Topics.RESULTS.name(),
                r -> r.key().equals(resultId.toString()), found -> !found.isEmpty(), WAIT).get(0);
        assertEquals("ResultReceived/1", new String(record.headers().lastHeader(EventHeaders.TYPE).value(),
                StandardCharsets.UTF_8));
        ResultReceived event = server.bean(ObjectMapper.class).readValue(record.value(), ResultReceived.class);
        assertEquals(resultId, event.resultId());
        assertEquals("ph-a", event.pharmacyId());
        assertEquals(List.of(), event.problems());
        String json = new String(record.value(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"receivedAt\":\"20"), "instants travel as ISO-8601 text: " + json);
    }

    @Test
    void postingTheSameResultAgainGivesTheSameIdAndKey() {
        String ref = "DUP-" + UUID.randomUUID();
        String first = id(server.post("/v1/results", "ph-a", JSON, IngestServer.result(ref)));
        String second = id(server.post("/v1/results", "ph-a", JSON, IngestServer.result(ref)));
        assertEquals(first, second);
        List<ConsumerRecord<String, byte[]>> copies = kafka.readUntil(Topics.RESULTS.name(),
                r -> r.key().equals(first), found -> found.size() == 2, WAIT);
        assertEquals(2, copies.size(), "both posts are on the topic under one key; downstream signs one pass");
        assertEquals(copies.get(0).partition(), copies.get(1).partition(), "in one partition, in order");
    }

    @Test
    void aPharmacysResultsShareItsPartitionKeyedEachByItsId() {
        List<String> refs = IntStream.range(0, 8).mapToObj(i -> "P-" + UUID.randomUUID()).toList();
        String body = refs.stream().map(IngestServer::result).collect(Collectors.joining(",", "{\"results\":[", "]}"));
        HttpResponse<String> response = server.post("/v1/results/batch", "ph-many", JSON, body);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"accepted\":8"), response.body());

        Set<String> keys = refs.stream().map(ref -> ResultIds.of("ph-many", ref).toString())
                .collect(Collectors.toSet());
        List<ConsumerRecord<String, byte[]>> records = kafka.readUntil(Topics.RESULTS.name(),
                r -> keys.contains(r.key()), found -> found.size() == keys.size(), WAIT);
        // Hashed by their keys, eight results would all fall in one of twelve partitions once in 12^7 batches.
        int pharmacysPartition = BuiltInPartitioner.partitionForKey("ph-many".getBytes(StandardCharsets.UTF_8),
                Topics.RESULTS.partitions());
        for (ConsumerRecord<String, byte[]> record : records) {
            assertEquals(pharmacysPartition, record.partition(), record.key());
        }
    }

    @Test
    void aBatchReportsEachItem() {
        String good1 = "B-" + UUID.randomUUID();
        String good2 = "B-" + UUID.randomUUID();
        String body = "{\"results\":[" + IngestServer.result(good1) + ",{\"externalRef\":\"x\"},"
                + IngestServer.result(good2) + "]}";
        HttpResponse<String> response = server.post("/v1/results/batch", "ph-batch", JSON, body);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"accepted\":2"), response.body());
        assertTrue(response.body().contains("\"rejected\":1"), response.body());
        assertTrue(response.body().contains("\"index\":1,\"outcome\":\"REJECTED\""), response.body());
        assertTrue(response.body().contains("\"name\":\"sampleCollectedAt\""), response.body());
        assertTrue(response.body().contains(ResultIds.of("ph-batch", good2).toString()), response.body());

        // The batch is recorded as one write; each accepted item's status is readable, by its pharmacy only.
        for (String ref : List.of(good1, good2)) {
            String path = "/v1/results/" + ResultIds.of("ph-batch", ref);
            await().atMost(WAIT).until(() -> server.get(path, "ph-batch").statusCode() == 200);
            assertTrue(server.get(path, "ph-batch").body().contains("\"stage\":\"RECEIVED\""));
            assertEquals(404, server.get(path, "ph-a").statusCode());
        }
    }

    @Test
    void badInputGetsProblemJsonNamingEveryField() {
        HttpResponse<String> invalid = server.post("/v1/results", "ph-a", JSON,
                "{\"externalRef\":\"R-1\",\"testType\":\"PCR\",\"patient\":{\"mobile\":\"0612\"}}");
        assertEquals(422, invalid.statusCode());
        assertEquals("application/problem+json", invalid.headers().firstValue("Content-Type").orElseThrow());
        for (String field : List.of("sampleCollectedAt", "testType", "result", "testCentre", "patient.familyName",
                "patient.mobile", "patient.language")) {
            assertTrue(invalid.body().contains("\"name\":\"" + field + "\""), field + " in " + invalid.body());
        }
        assertFalse(invalid.body().contains("0612"), "values are never echoed");

        assertProblem(server.post("/v1/results", "ph-a", JSON, "{not json"), 400);
        assertProblem(server.post("/v1/results", "ph-a", "text/plain", "hello"), 415);
        assertProblem(server.post("/v1/results", "ph-a", JSON, "{\"externalRef\":\"" + "x".repeat(2_000_000)
                + "\"}"), 413);
        assertProblem(server.post("/v1/results", null, JSON, IngestServer.result("R-2")), 401);
        assertProblem(server.post("/v1/results", "ph-unknown", JSON, IngestServer.result("R-3")), 401);
    }

    @Test
    void aNoisyPharmacyIsRateLimitedWhileAnotherIsServed() {
        int limited = 0;
        for (int i = 0; i < 15; i++) {
            HttpResponse<String> response = server.post("/v1/results", "ph-noisy", JSON,
                    IngestServer.result("N-" + UUID.randomUUID()));
            if (response.statusCode() == 429) {
                limited++;
                assertTrue(Integer.parseInt(response.headers().firstValue("Retry-After").orElseThrow()) >= 1);
            }
        }
        assertTrue(limited >= 4, "the burst is 10: at least 5 of 15 quick posts are refused, was " + limited);
        assertEquals(202, server.post("/v1/results", "ph-quiet", JSON,
                IngestServer.result("Q-" + UUID.randomUUID())).statusCode());
    }

    @Test
    void theStatusIsReadableOnlyByThePharmacyThatPostedIt() {
        String id = id(server.post("/v1/results", "ph-b", JSON, IngestServer.result("S-" + UUID.randomUUID())));
        await().atMost(WAIT).until(() -> server.get("/v1/results/" + id, "ph-b").statusCode() == 200);
        HttpResponse<String> status = server.get("/v1/results/" + id, "ph-b");
        assertTrue(status.body().contains("\"stage\":\"RECEIVED\""), status.body());
        assertEquals(404, server.get("/v1/results/" + id, "ph-a").statusCode(), "another pharmacy sees nothing");
        assertEquals(404, server.get("/v1/results/" + UUID.randomUUID(), "ph-b").statusCode());
        assertEquals(401, server.get("/v1/results/" + id, null).statusCode());
    }

    @Test
    void exposesReadinessMetricsAndItsOpenApiDocument() {
        await().atMost(WAIT).until(() -> server.get("/health/readiness", null).statusCode() == 200);
        assertTrue(server.get("/prometheus", null).body().contains("tampon_ingest_requests_total"));
        HttpResponse<String> openapi = server.get("/openapi/tampon-pharmacy-api-1.yml", null);
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/v1/results/batch"), openapi.body());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"status\":" + status), response.body());
    }

    private static String id(HttpResponse<String> response) {
        Matcher matcher = RESULT_ID.matcher(response.body());
        assertTrue(matcher.find(), response.statusCode() + " " + response.body());
        return matcher.group(1);
    }
}
