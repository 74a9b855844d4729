package io.tampon.qr;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import io.tampon.contracts.Topics;
import io.tampon.contracts.events.EventHeaders;
import io.tampon.contracts.events.Language;
import io.tampon.contracts.events.PassIssued;
import io.tampon.contracts.events.PassSigned;
import io.tampon.dcc.HcertVerifier;
import io.tampon.dcc.qr.QrReader;
import io.tampon.dcc.trust.DevPki;
import io.tampon.dcc.trust.TrustList;
import io.tampon.infra.LocalInfrastructure;
import io.tampon.infra.junit.LocalInfraTest;
import io.tampon.infra.kafka.KafkaTestClient;
import io.tampon.stage.ResultStageRepository;
import io.tampon.stage.ResultStatus;
import io.tampon.stage.Stage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

@LocalInfraTest
class QrServiceIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Instant NOW = QrServiceITSupport.NOW;
    private static final DevPki.SigningIdentity IDENTITY = QrServiceITSupport.IDENTITY;
    private static LocalInfrastructure infra;
    private static KafkaTestClient kafka;
    private static CqlSession cql;
    private final HttpClient http = HttpClient.newHttpClient();

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
    void signedPassesBecomeStoredScannablePassesWithAPrivatePage() throws Exception {
        List<PassSigned> signed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            signed.add(signedPass(UUID.randomUUID()));
        }
        signed.forEach(QrServiceIT::produce);
        Set<String> keys = signed.stream().map(p -> p.resultId().toString()).collect(Collectors.toSet());

        try (ConfigurableApplicationContext service = start("it-qr-" + UUID.randomUUID())) {
            List<PassIssued> issued = issuedFor(keys, 1);
            ResultStageRepository stages = new ResultStageRepository(cql, ConsistencyLevel.ONE);
            for (PassIssued event : issued) {
                PassSigned source = signed.stream().filter(s -> s.resultId().equals(event.resultId())).findFirst()
                        .orElseThrow();
                assertEquals(PassIssued.passIdFor(event.resultId()), event.passId());
                assertEquals(source.mobile(), event.mobile());
                assertEquals(Language.FR, event.language());

                HttpResponse<String> page = get(service, "/p/" + event.linkToken(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, page.statusCode());
                assertTrue(page.body().contains("Lefèvre-Dupont"), page.body());
                assertTrue(page.body().contains("<html lang=\"fr\""), page.body());
                assertTrue(page.body().contains("Négatif"), page.body());
                HttpResponse<String> english = get(service, "/p/" + event.linkToken() + "?lang=en",
                        HttpResponse.BodyHandlers.ofString());
                assertTrue(english.body().contains("Negative (not detected)"), english.body());

                byte[] png = get(service, "/p/" + event.linkToken() + "/qr.png",
                        HttpResponse.BodyHandlers.ofByteArray()).body();
                String hc1 = QrReader.read(png);
                assertEquals(source.hc1(), hc1, "the stored PNG decodes to the exact HC1 string");
                new HcertVerifier(TrustList.of(IDENTITY.dsc()), Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC))
                        .verify(hc1);
                byte[] pdf = get(service, "/p/" + event.linkToken() + "/pass.pdf",
                        HttpResponse.BodyHandlers.ofByteArray()).body();
                try (PDDocument document = Loader.loadPDF(pdf)) {
                    assertEquals(1, document.getNumberOfPages(), "a one-page PDF");
                    assertTrue(new PDFTextStripper().getText(document).contains("Lefèvre-Dupont"));
                }
                String svg = get(service, "/p/" + event.linkToken() + "/qr.svg",
                        HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(svg.startsWith("<svg") && svg.contains("<path"), svg);
                int ttl = cql.execute(cql.prepare("SELECT TTL(hc1) AS ttl FROM passes WHERE pass_id = ?")
                        .bind(event.passId())).one().getInt("ttl");
                long expected = Duration.between(Instant.now(), event.expiresAt()).plus(Duration.ofDays(30))
                        .toSeconds();
                assertTrue(Math.abs(ttl - expected) < 300, "the row expires with the pass plus the retention: "
                        + ttl + " s, expected about " + expected + " s");
                assertEquals(Stage.ISSUED, await().atMost(WAIT).until(() -> stages.find(event.resultId())
                        .map(ResultStatus::stage).orElse(null), stage -> stage == Stage.ISSUED));
            }
            assertEquals(404, get(service, "/p/" + Base64.getUrlEncoder().withoutPadding().encodeToString(
                    new byte[32]), HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(404, get(service, "/p/garbage", HttpResponse.BodyHandlers.ofString()).statusCode());
            String metrics = get(service, "/actuator/prometheus", HttpResponse.BodyHandlers.ofString()).body();
            for (String metric : List.of("tampon_qr_passes_total{outcome=\"issued\"", "tampon_qr_render_seconds",
                    "tampon_qr_write_seconds", "kafka_consumer_fetch_manager_records_lag")) {
                assertTrue(metrics.contains(metric), metric + " is exported");
            }
        }
        // Re-processing (a new consumer group re-reads the topic) gives identical events: links stay valid.
        try (ConfigurableApplicationContext replay = start("it-qr-replay-" + UUID.randomUUID())) {
            List<ConsumerRecord<String, byte[]>> copies = kafka.readUntil(Topics.PASSES_ISSUED.name(),
                    r -> keys.contains(r.key()), found -> found.size() >= 2 * keys.size(), WAIT);
            Map<String, List<ConsumerRecord<String, byte[]>>> byKey = copies.stream()
                    .collect(Collectors.groupingBy(ConsumerRecord::key));
            for (List<ConsumerRecord<String, byte[]>> same : byKey.values()) {
                assertArrayEquals(same.get(0).value(), same.get(1).value());
            }
        }
    }

    @Test
    void anUndecodableSignedPassGoesToTheDeadLetterTopicWithItsReason() {
        UUID bad = UUID.randomUUID();
        UUID good = UUID.randomUUID();
        kafka.send(Topics.PASSES_SIGNED.name(), 1, bad.toString(), ("{\"schemaVersion\":1,\"resultId\":\"" + bad
                + "\",\"hc1\":\"HC1:NOT-A-PASS\"}").getBytes(StandardCharsets.UTF_8));
        kafka.send(Topics.PASSES_SIGNED.name(), 1, good.toString(), JSON.writeValueAsBytes(signedPass(good)));
        try (ConfigurableApplicationContext service = start("it-qr-dlt-" + UUID.randomUUID())) {
            issuedFor(Set.of(good.toString()), 1);
            ConsumerRecord<String, byte[]> dead = kafka.readUntil(Topics.PASSES_SIGNED.deadLetter().orElseThrow()
                    .name(), r -> r.key().equals(bad.toString()), found -> !found.isEmpty(), WAIT).get(0);
            String reason = new String(dead.headers().lastHeader(EventHeaders.DLT_REASON).value(),
                    StandardCharsets.UTF_8);
            assertTrue(reason.contains("not a renderable PassSigned"), reason);
        }
    }

    private static PassSigned signedPass(UUID resultId) {
        return QrServiceITSupport.signedPass(resultId);
    }

    private static void produce(PassSigned pass) {
        kafka.send(Topics.PASSES_SIGNED.name(), null, pass.resultId().toString(), JSON.writeValueAsBytes(pass));
    }

    private static List<PassIssued> issuedFor(Set<String> keys, int copies) {
        return kafka.readUntil(Topics.PASSES_ISSUED.name(), r -> keys.contains(r.key()),
                        found -> found.stream().map(ConsumerRecord::key).collect(Collectors.toSet()).size()
                                == keys.size() && found.size() >= copies * keys.size(), WAIT).stream()
                .map(r -> JSON.readValue(r.value(), PassIssued.class)).toList();
    }

    private <T> HttpResponse<T> get(ConfigurableApplicationContext service, String path,
                                    HttpResponse.BodyHandler<T> handler) throws Exception {
        String port = service.getEnvironment().getProperty("local.server.port");
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), handler);
    }

    private static ConfigurableApplicationContext start(String group) {
        return new SpringApplicationBuilder(QrApplication.class).run(infra.serviceArguments(Map.of(
                "spring.kafka.consumer.group-id", group,
                "tampon.qr.link-secret", "integration-test-link-secret-32-bytes!!")));
    }
}
