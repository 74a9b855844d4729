package io.tampon.qr;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import io.tampon.contracts.Topics;
import io.tampon.contracts.events.PassIssued;
import io.tampon.contracts.events.PassSigned;
import io.tampon.infra.LocalInfrastructure;
import io.tampon.infra.ServerSet;
import io.tampon.infra.cassandra.CassandraNode;
import io.tampon.infra.junit.LocalInfraTest;
import io.tampon.infra.kafka.KafkaTestClient;
import io.tampon.infra.process.FreePorts;
import io.tampon.infra.process.JvmProfile;
import io.tampon.schema.SchemaMigrator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Cassandra node of its own (the build's shared one must not be stopped): while it is down, qr-service stops
 * making progress without skipping or dead-lettering anything, and it catches up by itself once the node is back.
 */
@LocalInfraTest
class CassandraOutageIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    @Test
    void passesSignedDuringAnOutageAreAllStoredOnceCassandraIsBack(LocalInfrastructure infra) {
        CassandraNode node = new CassandraNode(dir.resolve("cassandra"), FreePorts.next(), JvmProfile.TEST).start();
        node.awaitReady(Duration.ofMinutes(3));
        try (CqlSession session = node.newSession(null)) {
            new SchemaMigrator(session, ServerSet.KEYSPACE, ServerSet.LOCAL_REPLICATION).migrate();
        }
        try (node; KafkaTestClient kafka = new KafkaTestClient(infra.kafkaBootstrapServers());
             ConfigurableApplicationContext service = new SpringApplicationBuilder(QrApplication.class)
                     .run(infra.serviceArguments(Map.of(
                             // The node of its own, not the shared one.
                             "tampon.cassandra.contact-point", "127.0.0.1:" + node.contactPoint().getPort(),
                             "spring.kafka.consumer.group-id", "it-qr-outage-" + UUID.randomUUID(),
                             "tampon.qr.link-secret", "integration-test-link-secret-32-bytes!!")))) {
            Set<String> before = produce(kafka, 5);
            awaitIssued(kafka, before);

            node.stop();
            Set<String> during = produce(kafka, 10);
            // Give the service time to try: it must neither issue nor dead-letter anything without its database.
            await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(9)).until(() -> true);
            assertEquals(Set.of(), keysOn(kafka, Topics.PASSES_SIGNED.deadLetter().orElseThrow().name(), during),
                    "an outage is not a reason to dead-letter");

            node.start();
            node.awaitReady(Duration.ofMinutes(3));
            awaitIssued(kafka, during);
            try (CqlSession session = node.newSession(ServerSet.KEYSPACE)) {
                for (String key : during) {
                    UUID passId = PassIssued.passIdFor(UUID.fromString(key));
                    assertTrue(session.execute("SELECT pass_id FROM passes WHERE pass_id = ?", passId).one() != null,
                            "pass of " + key + " is stored");
                }
            }
        }
    }

    private static Set<String> produce(KafkaTestClient kafka, int count) {
        Set<String> keys = new HashSet<>();
        IntStream.range(0, count).forEach(i -> {
            UUID id = UUID.randomUUID();
            PassSigned pass = QrServiceITSupport.signedPass(id);
            kafka.send(Topics.PASSES_SIGNED.name(), null, id.toString(), JSON.writeValueAsBytes(pass));
            keys.add(id.toString());
        });
        return keys;
    }

    private static void awaitIssued(KafkaTestClient kafka, Set<String> keys) {
        kafka.readUntil(Topics.PASSES_ISSUED.name(), r -> keys.contains(r.key()),
                found -> found.stream().map(ConsumerRecord::key).collect(Collectors.toSet()).size() == keys.size(),
                Duration.ofMinutes(3));
    }

    private static Set<String> keysOn(KafkaTestClient kafka, String topic, Set<String> keys) {
        List<ConsumerRecord<String, byte[]>> found = kafka.readUntil(topic, r -> keys.contains(r.key()),
                any -> true, Duration.ofSeconds(5));
        return found.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    }
}
