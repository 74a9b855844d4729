package io.tampon.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import io.tampon.contracts.Topics;
import io.tampon.contracts.events.EventHeaders;
import io.tampon.contracts.events.Language;
import io.tampon.contracts.events.PassIssued;
import io.tampon.dcc.EncodedPass;
import io.tampon.dcc.HcertEncoder;
import io.tampon.dcc.HcertVerifier;
import io.tampon.dcc.cose.Es256Signer;
import io.tampon.dcc.payload.TestCertificate;
import io.tampon.dcc.payload.TestResult;
import io.tampon.dcc.payload.TestType;
import io.tampon.dcc.payload.Uvci;
import io.tampon.dcc.qr.QrReader;
import io.tampon.dcc.qr.QrRenderer;
import io.tampon.dcc.trust.DevPki;
import io.tampon.dcc.trust.Kid;
import io.tampon.dcc.trust.TrustList;
import io.tampon.infra.LocalInfrastructure;
import io.tampon.infra.junit.LocalInfraTest;
import io.tampon.infra.kafka.KafkaTestClient;
import io.tampon.infra.sms.SmsMessage;
import io.tampon.stage.ResultStageRepository;
import io.tampon.stage.ResultStatus;
import io.tampon.stage.Stage;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

@LocalInfraTest
class NotificationServiceIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(90);
    // Short, so that taking over a dead worker's claim fits in a test; no send here takes a fraction of it.
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(15);
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final DevPki.SigningIdentity IDENTITY = DevPki.generate("FR", NOW.minus(Duration.ofDays(1)),
            Duration.ofDays(365), new SecureRandom());
    private static final HcertEncoder ENCODER = new HcertEncoder(new Es256Signer(IDENTITY.keyPair().getPrivate(),
            Kid.of(IDENTITY.dsc())), "FR", Duration.ofHours(72), Clock.fixed(NOW, ZoneOffset.UTC));
    private static LocalInfrastructure infra;
    private static KafkaTestClient kafka;
    private static CqlSession cql;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void start(LocalInfrastructure shared) {
        infra = shared;
        kafka = new KafkaTestClient(infra.kafkaBootstrapServers());
        cql = infra.newCqlSession();
        service = new SpringApplicationBuilder(NotificationApplication.class).run(infra.serviceArguments(Map.of(
                "tampon.notification.group", "it-notification-" + UUID.randomUUID(),
                "tampon.notification.claim-timeout", CLAIM_TIMEOUT.toSeconds() + "s",
                "spring.mail.port", Integer.toString(infra.mail().smtpPort()),
                "tampon.notification.sms.url", infra.sms().url(),
                "tampon.notification.sms.password", LocalInfrastructure.SMS_PASSWORD)));
    }

    @AfterAll
    static void stop() {
        service.close();
        kafka.close();
        cql.close();
    }

    @Test
    void anIssuedPassReachesThePatientOnceByEmailAndOnceBySmsEvenWhenTheEventComesTwice() throws Exception {
        Issued issued = issue("+33611111111", "patient-" + UUID.randomUUID() + "@example.org", Language.FR);
        publish(issued.event());
        publish(issued.event()); // a re-delivered event: still one message per channel

        MimeMessage email = awaitEmail(issued.event().email());
        assertEquals("Votre certificat de test COVID-19 est prêt", email.getSubject());
        byte[] inlineQr = inlineImage(email);
        String hc1 = QrReader.read(inlineQr);
        assertEquals(issued.hc1(), hc1, "the inline QR decodes to the pass");
        new HcertVerifier(TrustList.of(IDENTITY.dsc()), Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC)).verify(hc1);
        assertTrue(body(email).contains("/p/" + issued.event().linkToken()), "the private link is in the email");

        SmsMessage sms = awaitSms(issued.event().mobile(), 1).get(0);
        assertTrue(sms.text().endsWith("/p/" + issued.event().linkToken()), sms.text());

        ResultStageRepository stages = new ResultStageRepository(cql, ConsistencyLevel.ONE);
        await().atMost(WAIT).until(() -> stages.find(issued.event().resultId()).map(ResultStatus::stage)
                .orElse(null) == Stage.NOTIFIED);
        // Give the duplicate every chance to (wrongly) produce a second message: the claims must stop it.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
        assertEquals(1, emailsTo(issued.event().email()).size());
        assertEquals(1, smsTo(issued.event().mobile()).size());
    }

    @Test
    void aThrottlingGatewayIsRetriedAndTheSmsArrivesOnceWhileEmailIsUnaffected() throws Exception {
        infra.sms().failNext(3, 429);
        Issued issued = issue("+33622222222", "throttled-" + UUID.randomUUID() + "@example.org", Language.EN);
        publish(issued.event());
        MimeMessage email = awaitEmail(issued.event().email());
        assertEquals("Your COVID-19 test certificate is ready", email.getSubject());
        List<SmsMessage> sms = awaitSms(issued.event().mobile(), 1);
        assertEquals(1, sms.size());
        assertTrue(sms.get(0).text().startsWith("Your COVID-19 test certificate is ready"));
    }

    @Test
    void aGatewayOutageDelaysOnlySmsAndTheMessageIsSentAfterItRecovers() throws Exception {
        infra.sms().failNext(6, 503);
        Issued issued = issue("+33633333333", "outage-" + UUID.randomUUID() + "@example.org", Language.FR);
        publish(issued.event());
        awaitEmail(issued.event().email());
        // Six refusals take ~25 s of back-off: the email got through while the SMS consumer was still waiting.
        assertTrue(smsTo(issued.event().mobile()).isEmpty(), "email was not held back by the SMS outage");
        assertEquals(1, awaitSms(issued.event().mobile(), 1).size(), "delivered once the gateway recovered");
    }

    @Test
    void anInvalidAddressGoesToTheDeadLetterTopicAndTheResultIsFailed() throws Exception {
        Issued issued = issue(null, "not an address@@example", Language.FR);
        publish(issued.event());
        var dead = kafka.readUntil(Topics.PASSES_ISSUED.deadLetter().orElseThrow().name(),
                r -> r.key().equals(issued.event().resultId().toString()), found -> !found.isEmpty(), WAIT);
        String reason = new String(dead.get(0).headers().lastHeader(EventHeaders.DLT_REASON).value(),
                StandardCharsets.UTF_8);
        assertTrue(reason.contains("EMAIL_ADDRESS_INVALID"), reason);
        ResultStageRepository stages = new ResultStageRepository(cql, ConsistencyLevel.ONE);
        ResultStatus status = await().atMost(WAIT).until(() -> stages.find(issued.event().resultId()).orElse(null),
                s -> s != null && s.stage() == Stage.FAILED);
        assertTrue(status.failureReason().contains("EMAIL_ADDRESS_INVALID"), status.failureReason());
    }

    @Test
    void aMessageSentBeforeItsStageWasRecordedIsNotSentAgainAndTheResultStillBecomesNotified() throws Exception {
        // A worker sent on both channels and marked them SENT, then failed to record NOTIFIED (Cassandra timed out,
        // or the pod died): the event is re-delivered.
        Issued issued = issue("+33644444444", "sent-before-" + UUID.randomUUID() + "@example.org", Language.FR);
        for (String channel : List.of("EMAIL", "SMS")) {
            cql.execute(cql.prepare("INSERT INTO notification_claims (pass_id, channel, status, claimed_at, sent_at, "
                    + "provider_id) VALUES (?, ?, 'SENT', ?, ?, 'earlier')").bind(issued.event().passId(), channel,
                    NOW, NOW));
        }
        publish(issued.event());

        ResultStageRepository stages = new ResultStageRepository(cql, ConsistencyLevel.ONE);
        await().atMost(WAIT).until(() -> stages.find(issued.event().resultId()).map(ResultStatus::stage)
                .orElse(null) == Stage.NOTIFIED);
        assertTrue(emailsTo(issued.event().email()).isEmpty(), "sent before: not again");
        assertTrue(smsTo(issued.event().mobile()).isEmpty(), "sent before: not again");
    }

    @Test
    void aClaimLeftByADeadWorkerHoldsItsMessageUntilTheClaimTimesOutThenItIsSentOnce() throws Exception {
        Issued issued = issue("+33655555555", "held-" + UUID.randomUUID() + "@example.org", Language.EN);
        Instant claimed = Instant.now();
        cql.execute(cql.prepare("INSERT INTO notification_claims (pass_id, channel, status, claimed_at) "
                + "VALUES (?, 'SMS', 'CLAIMED', ?)").bind(issued.event().passId(), claimed));
        publish(issued.event());

        awaitEmail(issued.event().email());
        SmsMessage sms = awaitSms(issued.event().mobile(), 1).get(0);
        assertTrue(Instant.now().isAfter(claimed.plus(CLAIM_TIMEOUT)), "sent only once the claim had timed out");
        assertTrue(sms.text().endsWith("/p/" + issued.event().linkToken()), sms.text());
        ResultStageRepository stages = new ResultStageRepository(cql, ConsistencyLevel.ONE);
        await().atMost(WAIT).until(() -> stages.find(issued.event().resultId()).map(ResultStatus::stage)
                .orElse(null) == Stage.NOTIFIED);
        assertEquals(1, smsTo(issued.event().mobile()).size());
        assertEquals("SENT", cql.execute("SELECT status FROM notification_claims WHERE pass_id = ? AND channel = 'SMS'",
                issued.event().passId()).one().getString("status"));
    }

    private record Issued(PassIssued event, String hc1) {
    }

    /** A pass as qr-service leaves it: its row in Cassandra, and the event. */
    private static Issued issue(String mobile, String email, Language language) {
        UUID resultId = UUID.randomUUID();
        EncodedPass pass = ENCODER.encode(new TestCertificate("Lefèvre-Dupont", "Amélie", "1984-03-07",
                TestType.NAAT, null, "RT-PCR", NOW.minusSeconds(1800), TestResult.NOT_DETECTED, "Pharmacie",
                "FR", "Ministère", Uvci.forResult("FR", "TPN", resultId)), NOW);
        UUID passId = PassIssued.passIdFor(resultId);
        cql.execute(cql.prepare("INSERT INTO passes (pass_id, result_id, hc1, qr_png) VALUES (?, ?, ?, ?)")
                .bind(passId, resultId, pass.hc1(), ByteBuffer.wrap(new QrRenderer().png(pass.hc1(), 4))));
        PassIssued event = new PassIssued(1, passId, resultId, "pharmacy-it", "token-" + UUID.randomUUID(),
                pass.issuedAt(), pass.expiresAt(), mobile, email, language);
        return new Issued(event, pass.hc1());
    }

    private static void publish(PassIssued event) {
        kafka.send(Topics.PASSES_ISSUED.name(), null, event.resultId().toString(), JSON.writeValueAsBytes(event));
    }

    private static MimeMessage awaitEmail(String to) {
        return await().atMost(WAIT).until(() -> emailsTo(to), list -> !list.isEmpty()).get(0);
    }

    private static List<MimeMessage> emailsTo(String to) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : infra.mail().received()) {
            if (message.getAllRecipients()[0].toString().equals(to)) {
                found.add(message);
            }
        }
        return found;
    }

    private static List<SmsMessage> awaitSms(String to, int count) {
        return await().atMost(WAIT).until(() -> smsTo(to), list -> list.size() >= count);
    }

    private static List<SmsMessage> smsTo(String to) {
        return infra.sms().received().stream().filter(m -> m.to().equals(to)).toList();
    }

    private static byte[] inlineImage(Part part) throws Exception {
        if (part.isMimeType("image/png")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            part.getDataHandler().writeTo(out);
            return out.toByteArray();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                byte[] found = inlineImage(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String body(Part part) throws Exception {
        if (part.isMimeType("text/*")) {
            return part.getContent().toString();
        }
        StringBuilder text = new StringBuilder();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(body(multipart.getBodyPart(i)));
            }
        }
        return text.toString();
    }
}
