package io.tampon.dcc.trust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tampon.dcc.DccError;
import io.tampon.dcc.DccException;
import io.tampon.dcc.payload.CertificateType;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pkcs12StoreTest {

    @Test
    void savesAndLoadsASigningIdentity(@TempDir Path dir) {
        DevPki.SigningIdentity identity = DevPki.generate("FR", Instant.now(), Duration.ofDays(30),
                new SecureRandom());
        Path file = dir.resolve("dsc.p12");
        Pkcs12Store.save(file, "dsc-1", "s3cret".toCharArray(), identity);

        DevPki.SigningIdentity loaded = Pkcs12Store.load(file, "dsc-1", "s3cret".toCharArray());
        assertEquals(identity.dsc(), loaded.dsc());
        assertEquals(identity.csca(), loaded.csca());
        assertArrayEquals(identity.keyPair().getPrivate().getEncoded(), loaded.keyPair().getPrivate().getEncoded());
    }

    @Test
    void aWrongPasswordFailsWithoutRevealingIt(@TempDir Path dir) {
        DevPki.SigningIdentity identity = DevPki.generate("FR", Instant.now(), Duration.ofDays(30),
                new SecureRandom());
        Path file = dir.resolve("dsc.p12");
        Pkcs12Store.save(file, "dsc-1", "s3cret".toCharArray(), identity);
        DccException e = assertThrows(DccException.class, () -> Pkcs12Store.load(file, "dsc-1", "wrong".toCharArray()));
        assertEquals(DccError.KEY_INVALID, e.error());
        assertTrue(!e.getMessage().contains("wrong") && !e.getMessage().contains("s3cret"));
    }

    @Test
    void theDevelopmentDscIsCertifiedByItsCscaForTestsOnly() throws Exception {
        DevPki.SigningIdentity identity = DevPki.generate("FR", Instant.now(), Duration.ofDays(30),
                new SecureRandom());
        identity.dsc().verify(identity.csca().getPublicKey());
        assertEquals(EnumSet.of(CertificateType.TEST), KeyUsagePolicy.allowedTypes(identity.dsc()));
        DevPki.SigningIdentity any = DevPki.generate("FR", Instant.now(), Duration.ofDays(30), new SecureRandom(),
                List.of());
        assertEquals(EnumSet.allOf(CertificateType.class), KeyUsagePolicy.allowedTypes(any.dsc()));
    }
}
