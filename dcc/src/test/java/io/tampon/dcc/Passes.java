package io.tampon.dcc;

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
import java.util.UUID;

/** Test fixtures: a development identity made once, and realistic certificates. */
final class Passes {

    static final Instant NOW = Instant.parse("2026-11-27T10:15:30Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Duration VALIDITY = Duration.ofHours(72);
    static final DevPki.SigningIdentity IDENTITY = DevPki.generate("FR", NOW.minus(Duration.ofDays(1)),
            Duration.ofDays(365), new SecureRandom());

    private Passes() {
    }

    static HcertEncoder encoder() {
        return encoder(IDENTITY);
    }

    static HcertEncoder encoder(DevPki.SigningIdentity identity) {
        return new HcertEncoder(new Es256Signer(identity.keyPair().getPrivate(), Kid.of(identity.dsc())), "FR",
                VALIDITY, CLOCK);
    }

    static TestCertificate certificate(String family, String given, String dob) {
        UUID resultId = UUID.nameUUIDFromBytes((family + given + dob).getBytes());
        return new TestCertificate(family, given, dob, TestType.RAPID_ANTIGEN, "1232", null,
                NOW.minus(Duration.ofHours(2)), TestResult.NOT_DETECTED, "Pharmacie du Marché", "FR",
                "Ministère de la Santé", Uvci.forResult("FR", "TPN", resultId));
    }

    static TestCertificate certificate() {
        return certificate("Lefèvre-Dupont", "Amélie", "1984-03-07");
    }
}
