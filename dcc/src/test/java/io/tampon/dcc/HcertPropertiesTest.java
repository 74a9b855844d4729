package io.tampon.dcc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tampon.dcc.encoding.Base45;
import io.tampon.dcc.encoding.ContextIdentifier;
import io.tampon.dcc.encoding.Zlib;
import io.tampon.dcc.payload.TestCertificate;
import io.tampon.dcc.payload.TestResult;
import io.tampon.dcc.payload.TestType;
import io.tampon.dcc.payload.Uvci;
import io.tampon.dcc.trust.TrustList;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class HcertPropertiesTest {

    private static final HcertEncoder ENCODER = Passes.encoder();
    private static final HcertVerifier VERIFIER = new HcertVerifier(TrustList.of(Passes.IDENTITY.dsc()),
            Passes.CLOCK);
    private static final EncodedPass REFERENCE = ENCODER.encode(Passes.certificate());

    @Property(tries = 150)
    void encodeThenVerifyReturnsTheSamePayload(@ForAll("certificates") TestCertificate certificate) {
        EncodedPass pass = ENCODER.encode(certificate);
        assertEquals(certificate.toPayload(), VERIFIER.verify(pass.hc1()).payload());
    }

    @Property(tries = 100)
    void signingTwiceGivesIdenticalBytes(@ForAll("certificates") TestCertificate certificate) {
        assertEquals(ENCODER.encode(certificate).hc1(), ENCODER.encode(certificate).hc1());
    }

    @Property(tries = 300)
    void anyFlippedBitInTheCoseBytesFailsVerification(@ForAll @IntRange(min = 0, max = 100_000) int position) {
        byte[] cose = REFERENCE.cose().clone();
        int bit = position % (cose.length * 8);
        cose[bit / 8] ^= (byte) (1 << (bit % 8));
        String tampered = ContextIdentifier.add(Base45.encode(Zlib.deflate(cose)));
        assertThrows(DccException.class, () -> VERIFIER.verify(tampered));
    }

    @Property(tries = 300)
    void base45RoundTripsAnyBytes(@ForAll @Size(max = 600) byte[] bytes) {
        assertArrayEquals(bytes, Base45.decode(Base45.encode(bytes)));
    }

    @Provide
    Arbitrary<TestCertificate> certificates() {
        Arbitrary<String> names = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzéèëàçöüßøåæ -'")
                .ofMinLength(1).ofMaxLength(40).filter(s -> !s.isBlank())
                .map(s -> Character.toUpperCase(s.strip().charAt(0)) + s.strip().substring(1));
        Arbitrary<String> dob = Arbitraries.integers().between(0, 45_000)
                .map(days -> LocalDate.of(1901, 1, 1).plusDays(days).toString());
        Arbitrary<TestType> type = Arbitraries.of(TestType.class);
        Arbitrary<TestResult> result = Arbitraries.of(TestResult.class);
        Arbitrary<Integer> hoursAgo = Arbitraries.integers().between(0, 48);
        return Combinators.combine(names, names, dob, type, result, hoursAgo).as((family, given, birth, t, r, h) ->
                new TestCertificate(family, given, birth, t, t == TestType.RAPID_ANTIGEN ? "1232" : null,
                        t == TestType.NAAT ? "RT-PCR" : null, Passes.NOW.minus(Duration.ofHours(h)), r,
                        "Pharmacie des Lilas", "FR", "Ministère de la Santé",
                        Uvci.forResult("FR", "TPN", UUID.nameUUIDFromBytes((family + given + birth).getBytes()))));
    }
}
