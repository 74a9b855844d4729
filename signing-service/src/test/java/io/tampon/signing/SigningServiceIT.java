package io.tampon.signing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import io.tampon.contracts.Topics;
import io.tampon.contracts.events.EventHeaders;
import io.tampon.contracts.events.Language;
import io.tampon.contracts.events.PassSigned;
import io.tampon.contracts.events.Patient;
import io.tampon.contracts.events.ResultReceived;
import io.tampon.contracts.events.TestKind;
import io.tampon.contracts.events.TestOutcome;
import io.tampon.dcc.HcertVerifier;
import io.tampon.dcc.trust.DevPki;
import io.tampon.dcc.trust.KeyUsagePolicy;
import io.tampon.dcc.trust.Pkcs12Store;
import io.tampon.dcc.trust.TrustList;
import io.tampon.infra.LocalInfrastructure;
import io.tampon.infra.junit.LocalInfraTest;
import io.tampon.infra.kafka.KafkaTestClient;
import io.tampon.stage.ResultStageRepository;
import io.tampon.stage.ResultStatus;
import io.tampon.stage.Stage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@LocalInfraTest
class SigningServiceIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static LocalInfrastructure infra;
    private static KafkaTestClient kafka;
    private static CqlSession cql;

    @TempDir
    static Path keys;

    @BeforeAll
    static void connect(LocalInfrastructure shared) {
        infra = shared;
        kafka = new KafkaTestClient(infra.kafkaBootstrapServers());
        cql = infra.newCqlSession();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
        cql.close();
    }

    @Test
    void resultsInBecomePassesThatVerifyAgainstThePublishedTrustList() throws Exception {
        List<ResultReceived> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(result(UUID.randomUUID(), i % 2 == 0 ? TestKind.RAPID_ANTIGEN : TestKind.NAAT, "1232"));
        }
        results.forEach(SigningServiceIT::produce);

        try (ConfigurableApplicationContext service = start("it-verify-" + UUID.randomUUID(),
                keys.resolve("verify.p12"), "dsc-1")) {
            List<PassSigned> passes = passesFor(keysOf(results), 1);
            TrustList trust = trustList(service);
            ResultStageRepository stages = new ResultStageRepository(cql, ConsistencyLevel.ONE);
            for (PassSigned pass : passes) {
                Clock at = Clock.fixed(pass.issuedAt().plusSeconds(60), ZoneOffset.UTC);
                assertEquals("TEST", new HcertVerifier(trust, at).verify(pass.hc1()).type().name());
                assertEquals(Stage.SIGNED, await().atMost(WAIT).until(
                        () -> stages.find(pass.resultId()).map(ResultStatus::stage).orElse(null),
                        stage -> stage == Stage.SIGNED));
            }
            String metrics = get(service, "/actuator/prometheus");
            // What the issue asks to be exported: records (signed and dead-lettered), sign latency, batch size, lag.
            for (String metric : List.of("tampon_signing_records_total{outcome=\"signed\"",
                    "tampon_signing_records_total{outcome=\"dead_lettered\"", "tampon_signing_sign_seconds_count",
                    "tampon_signing_batch_size_count", "kafka_consumer_fetch_manager_records_lag")) {
                assertTrue(metrics.contains(metric), metric + " is exported");
            }
            assertTrue(get(service, "/actuator/health/readiness").contains("UP"));
            assertTrue(get(service, "/actuator/health/liveness").contains("UP"));
        }
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsReasonAndTheRecordsAfterItAreSigned() {
        UUID before = UUID.randomUUID();
        UUID garbage = UUID.randomUUID();
        UUID invalid = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        String topic = Topics.RESULTS.name();
        // One partition, in this order: the poison sits between two good records.
        kafka.send(topic, 3, before.toString(), JSON.writeValueAsBytes(result(before, TestKind.NAAT, null)));
        kafka.send(topic, 3, garbage.toString(), "{\"schemaVersion\":1,\"resultId\":".getBytes(StandardCharsets.UTF_8));
        kafka.send(topic, 3, invalid.toString(),
                JSON.writeValueAsBytes(result(invalid, TestKind.RAPID_ANTIGEN, null)));
        kafka.send(topic, 3, after.toString(), JSON.writeValueAsBytes(result(after, TestKind.NAAT, null)));

        try (ConfigurableApplicationContext service = start("it-poison-" + UUID.randomUUID(),
                keys.resolve("poison.p12"), "dsc-1")) {
            passesFor(Set.of(before.toString(), after.toString()), 1);
            List<ConsumerRecord<String, byte[]>> dead = kafka.readUntil(Topics.RESULTS.deadLetter().orElseThrow()
                    .name(), r -> r.key().equals(garbage.toString()) || r.key().equals(invalid.toString()),
                    found -> found.stream().map(ConsumerRecord::key).collect(Collectors.toSet()).size() == 2, WAIT);
            for (ConsumerRecord<String, byte[]> record : dead) {
                assertEquals(topic, header(record, EventHeaders.DLT_ORIGINAL_TOPIC));
                assertEquals("3", header(record, EventHeaders.DLT_ORIGINAL_PARTITION));
                assertEquals("signing-service", header(record, EventHeaders.DLT_SERVICE));
                String reason = header(record, EventHeaders.DLT_REASON);
                assertTrue(record.key().equals(garbage.toString()) ? reason.startsWith("UNREADABLE")
                        : reason.contains("deviceId"), reason);
            }
            ResultStageRepository stages = new ResultStageRepository(cql, ConsistencyLevel.ONE);
            ResultStatus failed = await().atMost(WAIT).until(() -> stages.find(invalid).orElse(null),
                    status -> status != null && status.stage() == Stage.FAILED);
            assertTrue(failed.failureReason().contains("deviceId"), failed.failureReason());
            assertEquals("pharmacy-it", failed.pharmacyId());
        }
    }

    @Test
    void aRestartMidStreamLosesNothingAndReprocessingGivesByteIdenticalPasses() {
        List<ResultReceived> results = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            results.add(result(UUID.randomUUID(), TestKind.RAPID_ANTIGEN, "1232"));
        }
        results.forEach(SigningServiceIT::produce);
        Set<String> keys = keysOf(results);
        String group = "it-restart-" + UUID.randomUUID();
        Path keystore = SigningServiceIT.keys.resolve("restart.p12");

        try (ConfigurableApplicationContext first = start(group, keystore, "dsc-1")) {
            kafka.readUntil(Topics.PASSES_SIGNED.name(), r -> keys.contains(r.key()), found -> found.size() >= 40,
                    WAIT);
        } // stopped while the rest is still waiting in the topic
        try (ConfigurableApplicationContext second = start(group, keystore, "dsc-1")) {
            assertEveryKeyOnceAfterDedupeAndIdentical(keys, 1);
        }
        // A new group re-reads everything, as after offsets were lost: every pass is signed again, identically.
        try (ConfigurableApplicationContext replay = start(group + "-replay", keystore, "dsc-1")) {
            assertEveryKeyOnceAfterDedupeAndIdentical(keys, 2);
        }
    }

    @Test
    void aRotatedKeyKeepsPassesOfTheOldKeyVerifiable() throws Exception {
        Path keystore = keys.resolve("rotation.p12");
        ResultReceived old = result(UUID.randomUUID(), TestKind.NAAT, null);
        produce(old);
        PassSigned oldPass;
        try (ConfigurableApplicationContext service = start("it-rotation-1-" + UUID.randomUUID(), keystore,
                "dsc-1")) {
            oldPass = passesFor(Set.of(old.resultId().toString()), 1).get(0);
        }
        char[] password = "tampon-dev-only".toCharArray();
        DevPki.Csca csca = Pkcs12Store.loadCsca(keystore, "csca", password).orElseThrow();
        Pkcs12Store.save(keystore, "dsc-2", password, DevPki.issueDsc(csca, "FR", Instant.now().minusSeconds(60),
                Duration.ofDays(365), new SecureRandom(), List.of(KeyUsagePolicy.TEST_ISSUANCE_OID)));

        ResultReceived fresh = result(UUID.randomUUID(), TestKind.NAAT, null);
        produce(fresh);
        try (ConfigurableApplicationContext service = start("it-rotation-2-" + UUID.randomUUID(), keystore,
                "dsc-2")) {
            PassSigned newPass = passesFor(Set.of(fresh.resultId().toString()), 1).stream()
                    .filter(p -> !p.kid().equals(oldPass.kid())).findFirst().orElseThrow();
            assertNotEquals(oldPass.kid(), newPass.kid());
            TrustList trust = trustList(service);
            assertEquals(2, trust.size(), "both DSCs are published");
            for (PassSigned pass : List.of(oldPass, newPass)) {
                new HcertVerifier(trust, Clock.fixed(pass.issuedAt().plusSeconds(60), ZoneOffset.UTC))
                        .verify(pass.hc1());
            }
        }
    }

    private static void assertEveryKeyOnceAfterDedupeAndIdentical(Set<String> keys, int copiesAtLeast) {
        List<ConsumerRecord<String, byte[]>> records = kafka.readUntil(Topics.PASSES_SIGNED.name(),
                r -> keys.contains(r.key()), found -> found.stream().collect(Collectors.groupingBy(
                        ConsumerRecord::key, Collectors.counting())).values().stream()
                        .filter(n -> n >= copiesAtLeast).count() == keys.size(), WAIT);
        Map<String, List<ConsumerRecord<String, byte[]>>> byKey = records.stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key));
        assertEquals(keys, byKey.keySet(), "every result has its pass");
        for (List<ConsumerRecord<String, byte[]>> copies : byKey.values()) {
            for (ConsumerRecord<String, byte[]> copy : copies) {
                assertArrayEquals(copies.get(0).value(), copy.value(), "copies of one pass are byte-identical");
            }
        }
    }

    private static ConfigurableApplicationContext start(String group, Path keystore, String activeAlias) {
        return new SpringApplicationBuilder(SigningApplication.class).run(infra.serviceArguments(Map.of(
                "spring.kafka.consumer.group-id", group,
                "tampon.signing.keys.keystore", keystore.toString(),
                "tampon.signing.keys.active-alias", activeAlias)));
    }

    private static List<PassSigned> passesFor(Set<String> keys, int copies) {
        List<ConsumerRecord<String, byte[]>> records = kafka.readUntil(Topics.PASSES_SIGNED.name(),
                r -> keys.contains(r.key()),
                found -> new HashSet<>(found.stream().map(ConsumerRecord::key).toList()).size() == keys.size()
                        && found.size() >= copies * keys.size(), WAIT);
        return records.stream().map(r -> JSON.readValue(r.value(), PassSigned.class)).toList();
    }

    private static TrustList trustList(ConfigurableApplicationContext service) throws Exception {
        JsonNode document = JSON.readTree(get(service, "/trust-list"));
        X509Certificate csca = certificate(document.get("csca").asString());
        List<X509Certificate> dscs = new ArrayList<>();
        for (JsonNode dsc : document.get("dscs")) {
            X509Certificate certificate = certificate(dsc.get("certificate").asString());
            certificate.verify(csca.getPublicKey()); // every published DSC is certified by the published CSCA
            assertEquals("FR", dsc.get("country").asString());
            dscs.add(certificate);
        }
        return TrustList.of(dscs);
    }

    private static String get(ConfigurableApplicationContext service, String path) throws Exception {
        String port = service.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path);
        return response.body();
    }

    private static X509Certificate certificate(String base64) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static Set<String> keysOf(List<ResultReceived> results) {
        return results.stream().map(r -> r.resultId().toString()).collect(Collectors.toSet());
    }

    private static void produce(ResultReceived result) {
        kafka.send(Topics.RESULTS.name(), null, result.resultId().toString(), JSON.writeValueAsBytes(result));
    }

    static ResultReceived result(UUID id, TestKind kind, String deviceId) {
        Instant received = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new ResultReceived(1, id, "pharmacy-it", "ext-" + id, received, received.minusSeconds(1800), kind,
                deviceId, kind == TestKind.NAAT ? "RT-PCR" : null, TestOutcome.NEGATIVE, "Pharmacie des Lilas",
                new Patient("Lefèvre-Dupont", "Amélie", "1984-03-07", "+33612345678", null, Language.FR));
    }
}
