package io.tampon.ingest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tampon.contracts.Topics;
import io.tampon.infra.kafka.KafkaBroker;
import io.tampon.infra.kafka.KafkaTestClient;
import io.tampon.infra.process.FreePorts;
import io.tampon.infra.process.JvmProfile;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker of its own (the build's shared one must not be stopped): accepted results survive a broker outage, the
 * edge answers 503 while the broker is down — never 202 — and accepts again once it is back.
 */
class BrokerOutageIT {

    private static final Pattern IN_FLIGHT_ONE = Pattern.compile("tampon_ingest_in_flight\\{[^}]*} 1\\.0");
    private static final Pattern RESULT_ID = Pattern.compile("\"resultId\":\"([0-9a-f-]{36})\"");
    private static KafkaBroker broker;
    private static IngestServer server;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws IOException {
        broker = new KafkaBroker(dir.resolve("kafka"), FreePorts.next(), JvmProfile.TEST).start();
        broker.createTopicsAndAwait(Topics.all(), Duration.ofMinutes(2));
        server = new IngestServer(broker.bootstrapServers(), "127.0.0.1:" + FreePorts.next(), dir,
                List.of("ph-outage"), Map.of("tampon.ingest.accept-deadline", "1s",
                        "tampon.ingest.max-in-flight-results", "1"));
    }

    @AfterAll
    static void stop() {
        server.close();
        broker.close();
    }

    @Test
    void whileTheBrokerIsDownTheEdgeRefusesWithRetryAfterAndNothingAcceptedIsLost() {
        Set<String> accepted = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            accepted.add(postAccepted());
        }

        broker.stop();
        int refused = 0;
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = post();
            assertNotEquals(202, response.statusCode(), "never 202 while the broker is down");
            assertEquals(503, response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Retry-After").isPresent());
            refused++;
        }
        assertEquals(10, refused);

        // At its in-flight bound (1 here) the edge refuses the next request at once, before any work, while the
        // one it holds waits out its deadline: a flood is shed, not queued.
        CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(BrokerOutageIT::post);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> IN_FLIGHT_ONE.matcher(server.get("/prometheus", null).body()).find());
        HttpResponse<String> atCapacity = post();
        assertEquals(503, atCapacity.statusCode(), atCapacity.body());
        assertTrue(atCapacity.body().contains("at capacity"), atCapacity.body());
        assertEquals("1", atCapacity.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(503, waiting.join().statusCode(), "the held request was not acknowledged either");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> server.get("/health/readiness", null).statusCode() == 503);

        broker.start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> post().statusCode() == 202);
        accepted.add(postAccepted());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> server.get("/health/readiness", null).statusCode() == 200);

        try (KafkaTestClient kafka = new KafkaTestClient(broker.bootstrapServers())) {
            List<ConsumerRecord<String, byte[]>> onTopic = kafka.readUntil(Topics.RESULTS.name(),
                    r -> accepted.contains(r.key()),
                    found -> new HashSet<>(found.stream().map(ConsumerRecord::key).toList()).size()
                            == accepted.size(), Duration.ofSeconds(60));
            assertEquals(accepted, new HashSet<>(onTopic.stream().map(ConsumerRecord::key).toList()),
                    "every 202 is on the topic after the outage");
        }
    }

    private static HttpResponse<String> post() {
        return server.post("/v1/results", "ph-outage", "application/json",
                IngestServer.result("O-" + UUID.randomUUID()));
    }

    private static String postAccepted() {
        HttpResponse<String> response = post();
        assertEquals(202, response.statusCode(), response.body());
        Matcher matcher = RESULT_ID.matcher(response.body());
        assertTrue(matcher.find());
        return matcher.group(1);
    }
}
