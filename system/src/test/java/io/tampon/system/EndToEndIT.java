package io.tampon.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tampon.contracts.Topics;
import io.tampon.contracts.events.PassIssued;
import io.tampon.dcc.HcertVerifier;
import io.tampon.dcc.VerifiedPass;
import io.tampon.dcc.qr.QrReader;
import io.tampon.dcc.trust.TrustList;
import io.tampon.infra.ServerSet;
import io.tampon.infra.cassandra.CassandraNode;
import io.tampon.infra.kafka.KafkaTestClient;
import io.tampon.infra.sms.SmsMessage;
import io.tampon.stage.ResultStageRepository;
import io.tampon.stage.ResultStatus;
import io.tampon.stage.Stage;
import io.tampon.system.demo.Demo;
import io.tampon.system.demo.DemoPharmacies;
import io.tampon.system.demo.DemoReport;
import io.tampon.system.demo.ResultPoster.Outcome;
import io.tampon.system.demo.SampleResults;
import io.tampon.system.demo.SampleResults.Kind;
import io.tampon.system.demo.SampleResults.Mix;
import io.tampon.system.demo.SampleResults.Sample;
import io.tampon.system.monitor.ConsumerLag;
import io.tampon.system.run.LocalSystem;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole system, started exactly as {@code ./tampon run} starts it (its own broker, node, sinks and the four
 * services' jars as processes): a result posted by a pharmacy becomes a verifiable pass in the patient's hands,
 * and a volume of results with duplicates and mistakes ends with every patient told exactly once per channel.
 */
class EndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("https?://\\S+/p/[A-Za-z0-9_-]+");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalSystem system;
    private static CqlSession cql;
    private static ResultStageRepository stages;

    @BeforeAll
    static void startTheWholeSystem() throws Exception {
        Path root = Path.of(System.getProperty("tampon.project.root", "..")).toAbsolutePath().normalize();
        Path data = root.resolve("system").resolve("target").resolve("e2e-" + System.currentTimeMillis());
        system = LocalSystem.start(new LocalSystem.Options(root, data, false, 20, true), System.out);
        cql = CassandraNode.newSession(system.servers().cassandra().contactPoint(), ServerSet.KEYSPACE);
        stages = new ResultStageRepository(cql, ConsistencyLevel.ONE);
    }

    @AfterAll
    static void stop() {
        if (cql != null) {
            cql.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aPostedResultBecomesAVerifiablePassInThePatientsEmailAndAnSmsLinkToItsPage() throws Exception {
        String email = "amelie-" + UUID.randomUUID() + "@example.org";
        String mobile = "+3367" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        String body = JSON.writeValueAsString(Map.of("externalRef", "E2E-" + UUID.randomUUID(),
                "sampleCollectedAt", Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS)
                        .toString(),
                "testType", "RAPID_ANTIGEN", "deviceId", "1232", "result", "NEGATIVE",
                "testCentre", "Pharmacie des Lilas", "patient", Map.of("familyName", "Lefèvre-Dupont",
                        "givenName", "Amélie", "dateOfBirth", "1984-03-07", "mobile", mobile, "email", email,
                        "language", "fr")));
        String ingest = system.url("ingest-service");
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(ingest + "/v1/results"))
                .header("Authorization", "Bearer " + DemoPharmacies.DEV.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, accepted.statusCode(), accepted.body());
        String location = accepted.headers().firstValue("Location").orElseThrow();
        UUID resultId = UUID.fromString(JSON.readTree(accepted.body()).path("resultId").asText());

        // The pharmacy follows the status API until the patient has been told.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(
                () -> status(ingest + location), node -> "NOTIFIED".equals(node.path("stage").asText()));

        // The email's inline QR holds an HC1 pass that verifies against the signing service's trust list.
        MimeMessage mail = await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email), Optional::isPresent)
                .orElseThrow();
        String hc1 = QrReader.read(inlinePng(mail).orElseThrow(() -> new AssertionError("no inline QR")));
        assertTrue(hc1.startsWith("HC1:"), hc1);
        VerifiedPass pass = new HcertVerifier(trustList(system.url("signing-service")), Clock.systemUTC())
                .verify(hc1);
        assertEquals("TEST", pass.type().name());
        assertTrue(pass.payload().toString().contains("LEFEVRE<DUPONT"), "the patient's own pass");

        // The SMS carries the private link; it opens the patient's page, showing that same pass.
        SmsMessage sms = await().atMost(Duration.ofSeconds(30)).until(() -> smsTo(mobile), Optional::isPresent)
                .orElseThrow();
        Matcher link = LINK.matcher(sms.text());
        assertTrue(link.find(), sms.text());
        assertTrue(link.group().startsWith(system.url("qr-service") + "/p/"), link.group());
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(link.group())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Amélie Lefèvre-Dupont"), page.body());
        HttpResponse<byte[]> qr = HTTP.send(HttpRequest.newBuilder(URI.create(link.group() + "/qr.png")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, qr.statusCode());
        assertEquals(hc1, QrReader.read(qr.body()), "the page shows the pass the email carried");
        assertEquals(PassIssued.passIdFor(resultId), passIdOf(resultId));

        // And the newcomer finds both messages as files in the inbox folder.
        await().atMost(Duration.ofSeconds(10)).until(() -> filesNamed(system.inbox().orElseThrow().mailDir(), email) == 1
                && filesNamed(system.inbox().orElseThrow().smsDir(), mobile) == 1);
    }

    @Test
    void twoThousandResultsWithDuplicatesAndMistakesEndNotifiedExactlyOncePerChannel() throws Exception {
        Mix mix = new Mix(1_880, 60, 40, 20);
        List<Sample> samples = SampleResults.generate(mix, DemoPharmacies.all(20),
                "V" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(), Instant.now(), 20261127L);
        assertEquals(2_000, samples.size());

        DemoReport report = new Demo(system.url("ingest-service"), stages, System.out)
                .run(samples, Duration.ofMinutes(10));

        // The edge: every valid, duplicate and undeliverable one accepted under its name-based id, every mistake
        // refused with the fields to fix.
        for (Outcome outcome : report.outcomes()) {
            Sample sample = outcome.sample();
            if (sample.kind() == Kind.INVALID) {
                assertFalse(outcome.accepted(), sample.toString());
                assertFalse(outcome.invalidFields().isEmpty(), sample.toString());
            } else {
                assertEquals(sample.resultId(), outcome.resultId(), sample.toString());
            }
        }
        assertEquals(2_000, report.outcomes().size());
        assertEquals(40, report.rejected());

        // The pipeline: every valid result notified, every undeliverable one FAILED with the provider's reason.
        assertEquals(mix.valid() + mix.undeliverable(), report.counts().total());
        assertEquals(mix.valid(), report.counts().notified(), report.summary());
        assertEquals(mix.undeliverable(), report.counts().failed(), report.summary());
        for (Sample sample : samples.stream().filter(s -> s.kind() == Kind.UNDELIVERABLE).toList()) {
            ResultStatus status = stages.find(sample.resultId()).orElseThrow();
            assertEquals(Stage.FAILED, status.stage());
            assertTrue(status.failureReason().contains("SMS_REFUSED_400"), status.failureReason());
        }
        // Every stage on the way recorded, read afresh: each service writes its own, none may go missing.
        for (Sample sample : samples.stream().filter(s -> s.kind() != Kind.INVALID).toList()) {
            ResultStatus status = stages.find(sample.resultId()).orElseThrow();
            assertNotNull(status.receivedAt(), "received_at of " + sample);
            assertNotNull(status.signedAt(), "signed_at of " + sample);
            assertNotNull(status.issuedAt(), "issued_at of " + sample);
        }
        assertEquals(mix.valid() + mix.undeliverable(), report.counts().signed(), report.summary());
        assertEquals(mix.valid() + mix.undeliverable(), report.counts().issued(), report.summary());

        // The duplicates really went through the pipeline twice: two records under one key on the results topic.
        Set<String> duplicated = samples.stream().filter(s -> s.kind() == Kind.DUPLICATE)
                .map(s -> s.resultId().toString()).collect(Collectors.toSet());
        try (KafkaTestClient kafka = new KafkaTestClient(system.servers().kafka().bootstrapServers())) {
            kafka.readUntil(Topics.RESULTS.name(), r -> duplicated.contains(r.key()),
                    found -> found.stream().collect(Collectors.groupingBy(r -> r.key(), Collectors.counting()))
                            .values().stream().filter(n -> n >= 2).count() == duplicated.size(),
                    Duration.ofSeconds(60));
        }

        // Once every consumer group has caught up, nothing is left to send: count what the patients received.
        awaitNoLag();
        Map<String, Integer> emails = new HashMap<>();
        for (MimeMessage message : system.mail().received()) {
            for (Address to : message.getAllRecipients()) {
                emails.merge(to.toString(), 1, Integer::sum);
            }
        }
        Map<String, Integer> texts = new HashMap<>();
        for (SmsMessage message : system.sms().received()) {
            texts.merge(message.to(), 1, Integer::sum);
        }
        List<Sample> valid = samples.stream().filter(s -> s.kind() == Kind.VALID).toList();
        for (Sample sample : valid) {
            if (sample.email() != null) {
                assertEquals(1, emails.getOrDefault(sample.email(), 0), "one email for " + sample);
            }
            if (sample.mobile() != null) {
                assertEquals(1, texts.getOrDefault(sample.mobile(), 0), "one SMS for " + sample);
            }
        }
        for (Sample sample : samples.stream().filter(s -> s.kind() == Kind.UNDELIVERABLE).toList()) {
            assertEquals(0, texts.getOrDefault(sample.mobile(), 0), "the provider refused " + sample);
        }

        // Cassandra agrees: one stored pass per valid result and one SENT claim per channel the patient gave.
        for (Sample sample : valid) {
            UUID passId = PassIssued.passIdFor(sample.resultId());
            assertEquals(sample.resultId(), cql.execute("SELECT result_id FROM passes WHERE pass_id = ?", passId)
                    .one().getUuid("result_id"));
            for (String channel : List.of("EMAIL", "SMS")) {
                var claim = cql.execute("SELECT status FROM notification_claims WHERE pass_id = ? AND channel = ?",
                        passId, channel).one();
                boolean given = "EMAIL".equals(channel) ? sample.email() != null : sample.mobile() != null;
                if (given) {
                    assertNotNull(claim, channel + " claim of " + sample);
                    assertEquals("SENT", claim.getString("status"), channel + " claim of " + sample);
                } else {
                    assertNull(claim, "nothing to send on " + channel + " for " + sample);
                }
            }
        }
    }

    private static void awaitNoLag() {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.servers().kafka().bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            ConsumerLag lag = new ConsumerLag(admin);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> ConsumerLag.total(lag.read(ConsumerLag.PIPELINE)) == 0);
        }
    }

    private static JsonNode status(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + DemoPharmacies.DEV.apiKey()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static Optional<MimeMessage> mailTo(String address) throws Exception {
        for (MimeMessage message : system.mail().received()) {
            for (Address to : message.getAllRecipients()) {
                if (to.toString().equals(address)) {
                    return Optional.of(message);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<SmsMessage> smsTo(String mobile) {
        return system.sms().received().stream().filter(m -> m.to().equals(mobile)).findFirst();
    }

    private static Optional<byte[]> inlinePng(Part part) throws Exception {
        if (part.isMimeType("image/png")) {
            return Optional.of(part.getInputStream().readAllBytes());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Optional<byte[]> found = inlinePng(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static TrustList trustList(String signingUrl) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(signingUrl + "/trust-list"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        JsonNode document = JSON.readTree(response.body());
        X509Certificate csca = certificate(document.path("csca").asText());
        List<X509Certificate> dscs = new ArrayList<>();
        for (JsonNode dsc : document.path("dscs")) {
            X509Certificate certificate = certificate(dsc.path("certificate").asText());
            certificate.verify(csca.getPublicKey());
            dscs.add(certificate);
        }
        return TrustList.of(dscs);
    }

    private static X509Certificate certificate(String base64) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }

    private static UUID passIdOf(UUID resultId) {
        return cql.execute("SELECT pass_id FROM passes WHERE pass_id = ?", PassIssued.passIdFor(resultId)).one()
                .getUuid("pass_id");
    }

    private static long filesNamed(Path dir, String recipient) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().contains(recipient)).count();
        }
    }
}
