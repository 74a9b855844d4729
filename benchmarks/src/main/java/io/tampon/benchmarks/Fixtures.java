package io.tampon.benchmarks;

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
import java.util.Random;
import java.util.UUID;

/** A realistic test certificate and a development signer, shared by the benchmarks. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final DevPki.SigningIdentity IDENTITY = DevPki.generate("FR", NOW.minus(Duration.ofDays(1)),
            Duration.ofDays(365), new SecureRandom());
    /**
     * How many different certificates the distinct-input benchmarks cycle through: a power of two, and more than a
     * CPU's branch history and caches hold for this code.
     */
    static final int DISTINCT = 4096;

    private static final String[] FAMILY_NAMES = {"Lefèvre-Dupont", "Martin", "N'Diaye", "Nguyen", "Moreau",
        "García López", "Bernard", "Haddad"};
    private static final String[] GIVEN_NAMES = {"Amélie Marie", "Jean", "Fatou", "Minh", "Chloé", "Iñaki",
        "Louis-Marie", "Yasmine"};

    private Fixtures() {
    }

    static Es256Signer signer() {
        return new Es256Signer(IDENTITY.keyPair().getPrivate(), Kid.of(IDENTITY.dsc()));
    }

    static HcertEncoder encoder() {
        return new HcertEncoder(signer(), "FR", Duration.ofHours(72), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static TestCertificate certificate() {
        return new TestCertificate("Lefèvre-Dupont", "Amélie Marie", "1984-03-07", TestType.RAPID_ANTIGEN, "1232",
                null, NOW.minusSeconds(7200), TestResult.NOT_DETECTED, "Pharmacie du Marché, Lyon 3e", "FR",
                "Ministère des Solidarités et de la Santé", Uvci.forResult("FR", "TPN", UUID.randomUUID()));
    }


    /** {@link #DISTINCT} different certificates, each with its own patient, dates, test and UVCI. */
    static TestCertificate[] distinctCertificates() {
        Random random = new Random(42);
        TestCertificate[] certificates = new TestCertificate[DISTINCT];
        for (int i = 0; i < DISTINCT; i++) {
            boolean naat = random.nextInt(4) == 0;
            certificates[i] = new TestCertificate(FAMILY_NAMES[random.nextInt(FAMILY_NAMES.length)],
                    GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)],
                    String.format("%d-%02d-%02d", 1930 + random.nextInt(90), 1 + random.nextInt(12),
                            1 + random.nextInt(28)),
                    naat ? TestType.NAAT : TestType.RAPID_ANTIGEN, naat ? null : String.valueOf(1000 + i % 900),
                    naat ? "RT-PCR" : null, NOW.minusSeconds(600 + random.nextInt(86_400)),
                    random.nextInt(20) == 0 ? TestResult.DETECTED : TestResult.NOT_DETECTED,
                    "Pharmacie n° " + random.nextInt(12_000), "FR", "Ministère des Solidarités et de la Santé",
                    Uvci.forResult("FR", "TPN", new UUID(random.nextLong(), random.nextLong())));
        }
        return certificates;
    }
}
