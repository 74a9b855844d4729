package io.tampon.qr;

import io.tampon.contracts.events.Language;
import io.tampon.contracts.events.PassSigned;
import io.tampon.dcc.EncodedPass;
import io.tampon.dcc.HcertEncoder;
import io.tampon.dcc.cose.Es256Signer;
import io.tampon.dcc.payload.TestCertificate;
import io.tampon.dcc.payload.TestResult;
import io.tampon.dcc.payload.TestType;
import io.tampon.dcc.payload.Uvci;
import io.tampon.dcc.trust.DevPki;
import io.tampon.dcc.trust.Kid;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/** Signed passes as signing-service would publish them, made with the codec and a development key. */
final class QrServiceITSupport {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final DevPki.SigningIdentity IDENTITY = DevPki.generate("FR", NOW.minus(Duration.ofDays(1)),
            Duration.ofDays(365), new SecureRandom());
    private static final HcertEncoder ENCODER = new HcertEncoder(new Es256Signer(IDENTITY.keyPair().getPrivate(),
            Kid.of(IDENTITY.dsc())), "FR", Duration.ofHours(72), Clock.fixed(NOW, ZoneOffset.UTC));

    private QrServiceITSupport() {
    }

    static PassSigned signedPass(UUID resultId) {
        String uvci = Uvci.forResult("FR", "TPN", resultId);
        EncodedPass pass = ENCODER.encode(new TestCertificate("Lefèvre-Dupont", "Amélie", "1984-03-07",
                TestType.RAPID_ANTIGEN, "1232", null, NOW.minusSeconds(1800), TestResult.NOT_DETECTED,
                "Pharmacie des Lilas", "FR", "Ministère de la Santé", uvci), NOW);
        return new PassSigned(1, resultId, "pharmacy-it", uvci, pass.hc1(),
                Base64.getEncoder().encodeToString(pass.kid()), pass.issuedAt(), pass.expiresAt(), "+33612345678",
                "amelie@example.org", Language.FR);
    }
}
