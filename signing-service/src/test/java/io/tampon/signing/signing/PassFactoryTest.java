package io.tampon.signing.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tampon.contracts.events.Language;
import io.tampon.contracts.events.PassSigned;
import io.tampon.contracts.events.Patient;
import io.tampon.contracts.events.ResultReceived;
import io.tampon.contracts.events.TestKind;
import io.tampon.contracts.events.TestOutcome;
import io.tampon.dcc.HcertEncoder;
import io.tampon.dcc.HcertVerifier;
import io.tampon.dcc.VerifiedPass;
import io.tampon.dcc.cose.Es256Signer;
import io.tampon.dcc.payload.Uvci;
import io.tampon.dcc.trust.DevPki;
import io.tampon.dcc.trust.Kid;
import io.tampon.dcc.trust.TrustList;
import io.tampon.signing.config.SigningProperties;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PassFactoryTest {

    static final Instant RECEIVED = Instant.parse("2026-11-27T09:30:00Z");
    static final DevPki.SigningIdentity IDENTITY = DevPki.generate("FR", RECEIVED.minus(Duration.ofDays(1)),
            Duration.ofDays(365), new SecureRandom());
    static final SigningProperties PROPERTIES = new SigningProperties("FR", "Ministère de la Santé", "TPN",
            Duration.ofHours(72), new SigningProperties.Keys(Path.of("unused"), "dsc-1", null, null, false));

    private final PassFactory factory = new PassFactory(new HcertEncoder(new Es256Signer(
            IDENTITY.keyPair().getPrivate(), Kid.of(IDENTITY.dsc())), "FR", Duration.ofHours(72),
            Clock.fixed(RECEIVED.plusSeconds(3600), ZoneOffset.UTC)), PROPERTIES);

    static ResultReceived result(UUID id, TestKind kind, String deviceId) {
        return new ResultReceived(1, id, "pharmacy-1", "ext-" + id, RECEIVED, RECEIVED.minusSeconds(1800), kind,
                deviceId, kind == TestKind.NAAT ? "RT-PCR" : null, TestOutcome.NEGATIVE, "Pharmacie des Lilas",
                new Patient("Lefèvre-Dupont", "Amélie", "1984-03-07", "+33612345678", "amelie@example.org",
                        Language.FR));
    }

    @Test
    void signsAResultIntoAVerifiablePassIssuedWhenTheResultWasAccepted() throws Exception {
        UUID id = UUID.randomUUID();
        PassSigned pass = factory.sign(result(id, TestKind.RAPID_ANTIGEN, "1232"));

        VerifiedPass verified = new HcertVerifier(TrustList.of(IDENTITY.dsc()),
                Clock.fixed(RECEIVED.plusSeconds(60), ZoneOffset.UTC)).verify(pass.hc1());
        assertEquals(id, pass.resultId());
        assertEquals(RECEIVED, pass.issuedAt(), "issue time is the acceptance time, not the signing time");
        assertEquals(RECEIVED.plus(Duration.ofHours(72)), pass.expiresAt());
        assertEquals(pass.uvci(), Uvci.forResult("FR", "TPN", id));
        Map<?, ?> test = (Map<?, ?>) ((List<?>) verified.payload().get("t")).get(0);
        assertEquals("LP217198-3", test.get("tt"));
        assertEquals("1232", test.get("ma"));
        assertEquals("260415000", test.get("tr"));
        assertEquals("Ministère de la Santé", test.get("is"));
        assertEquals(pass.uvci(), test.get("ci"));
        assertEquals("+33612345678", pass.mobile());
    }

    @Test
    void signingTheSameResultTwiceGivesTheSamePass() throws Exception {
        ResultReceived result = result(UUID.randomUUID(), TestKind.NAAT, null);
        assertEquals(factory.sign(result), factory.sign(result));
    }

    @Test
    void rejectsAResultThatCanNeverBecomeAPassNamingTheFields() {
        RejectedResultException e = assertThrows(RejectedResultException.class,
                () -> factory.sign(result(UUID.randomUUID(), TestKind.RAPID_ANTIGEN, null)));
        assertTrue(e.reason().startsWith("INVALID_RESULT"), e.reason());
        assertTrue(e.reason().contains("deviceId"), e.reason());
        assertTrue(!e.reason().contains("Lefèvre"), "no personal data in the reason");
    }
}
