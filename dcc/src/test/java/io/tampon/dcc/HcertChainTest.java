package io.tampon.dcc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tampon.dcc.cose.CoseSign1;
import io.tampon.dcc.payload.CertificateType;
import io.tampon.dcc.payload.TestCertificate;
import io.tampon.dcc.payload.TestResult;
import io.tampon.dcc.payload.TestType;
import io.tampon.dcc.trust.DevPki;
import io.tampon.dcc.trust.Kid;
import io.tampon.dcc.trust.TrustList;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HcertChainTest {

    private final TrustList trust = TrustList.of(Passes.IDENTITY.dsc());

    @Test
    void aSignedPassVerifiesAndCarriesItsPayload() {
        EncodedPass pass = Passes.encoder().encode(Passes.certificate());

        VerifiedPass verified = new HcertVerifier(trust, Passes.CLOCK).verify(pass.hc1());

        assertEquals(CertificateType.TEST, verified.type());
        assertEquals(Passes.certificate().toPayload(), verified.payload());
        assertEquals("FR", verified.claims().issuer());
        assertEquals(Passes.NOW, verified.claims().issuedAt());
        assertEquals(Passes.NOW.plus(Passes.VALIDITY), verified.claims().expiresAt());
        assertEquals(Passes.IDENTITY.dsc(), verified.dsc());
        Map<?, ?> name = (Map<?, ?>) verified.payload().get("nam");
        assertEquals("LEFEVRE<DUPONT", name.get("fnt"));
        assertEquals("AMELIE", name.get("gnt"));
    }

    @Test
    void keepsEveryIntermediateAndFollowsTheSpecLayout() {
        EncodedPass pass = Passes.encoder().encode(Passes.certificate());
        assertTrue(pass.hc1().startsWith("HC1:"));
        assertEquals("HC1:" + pass.base45(), pass.hc1());
        assertEquals(0x78, pass.compressed()[0] & 0xff, "zlib header");
        assertEquals(0xd2, pass.cose()[0] & 0xff, "COSE_Sign1 tag 18");
        CoseSign1 cose = CoseSign1.parse(pass.cose());
        assertEquals(-7L, cose.protectedHeader().get(1L), "alg ES256 in the protected header");
        assertArrayEquals(Kid.of(Passes.IDENTITY.dsc()), (byte[]) cose.protectedHeader().get(4L));
        assertEquals(64, cose.signature().length, "raw r||s");
        assertArrayEquals(pass.cwt(), cose.payload());
    }

    @Test
    void signingTheSameInputTwiceGivesTheSameBytes() {
        EncodedPass first = Passes.encoder().encode(Passes.certificate());
        EncodedPass second = Passes.encoder().encode(Passes.certificate());
        assertEquals(first.hc1(), second.hc1());
        assertArrayEquals(first.cose(), second.cose());
    }

    @Test
    void anUnknownKidFailsWithItsOwnCode() {
        DevPki.SigningIdentity other = DevPki.generate("FR", Passes.NOW.minus(Duration.ofDays(1)),
                Duration.ofDays(30), new SecureRandom());
        String hc1 = Passes.encoder(other).encode(Passes.certificate()).hc1();
        assertEquals(DccError.KID_UNKNOWN, assertThrows(DccException.class,
                () -> new HcertVerifier(trust, Passes.CLOCK).verify(hc1)).error());
    }

    @Test
    void anExpiredOrNotYetValidPassFailsWithItsOwnCode() {
        String hc1 = Passes.encoder().encode(Passes.certificate()).hc1();
        Clock later = Clock.fixed(Passes.NOW.plus(Passes.VALIDITY).plusSeconds(1), ZoneOffset.UTC);
        Clock earlier = Clock.fixed(Passes.NOW.minusSeconds(1), ZoneOffset.UTC);
        assertEquals(DccError.EXPIRED, assertThrows(DccException.class,
                () -> new HcertVerifier(trust, later).verify(hc1)).error());
        assertEquals(DccError.NOT_YET_VALID, assertThrows(DccException.class,
                () -> new HcertVerifier(trust, earlier).verify(hc1)).error());
    }

    @Test
    void anExpiredSigningCertificateFailsWithItsOwnCode() {
        DevPki.SigningIdentity shortLived = DevPki.generate("FR", Passes.NOW.minus(Duration.ofDays(10)),
                Duration.ofDays(5), new SecureRandom());
        String hc1 = Passes.encoder(shortLived).encode(Passes.certificate()).hc1();
        assertEquals(DccError.DSC_NOT_VALID, assertThrows(DccException.class,
                () -> new HcertVerifier(TrustList.of(shortLived.dsc()), Passes.CLOCK).verify(hc1)).error());
    }

    @Test
    void aSignerForVaccinationsOnlyCannotIssueTests() {
        DevPki.SigningIdentity vaccinationsOnly = DevPki.generate("FR", Passes.NOW.minus(Duration.ofDays(1)),
                Duration.ofDays(30), new SecureRandom(), List.of("1.3.6.1.4.1.0.1847.2021.1.2"));
        String hc1 = Passes.encoder(vaccinationsOnly).encode(Passes.certificate()).hc1();
        assertEquals(DccError.KEY_USAGE_MISMATCH, assertThrows(DccException.class,
                () -> new HcertVerifier(TrustList.of(vaccinationsOnly.dsc()), Passes.CLOCK).verify(hc1)).error());
    }

    @Test
    void refusesToBuildAPassFromIncompleteInput() {
        DccException e = assertThrows(DccException.class, () -> new TestCertificate("", "A", "84-03-07",
                TestType.RAPID_ANTIGEN, null, null, Passes.NOW, TestResult.NOT_DETECTED, "tc", "FRA", "is", "ci"));
        assertEquals(DccError.PAYLOAD_INVALID, e.error());
        assertTrue(e.getMessage().contains("family name"), e.getMessage());
        assertTrue(e.getMessage().contains("dob"), e.getMessage());
        assertTrue(e.getMessage().contains("device id"), e.getMessage());
        assertTrue(e.getMessage().contains("country"), e.getMessage());
    }

    @Test
    void refusesFieldsLongerThanTheSchemasEightyCharacters() {
        String eighty = "a".repeat(80);
        new TestCertificate("Martin", eighty, "1990", TestType.NAAT, null, eighty, Passes.NOW,
                TestResult.DETECTED, eighty, "FR", "Ministère", "URN:UVCI:01:FR:X#A");
        DccException e = assertThrows(DccException.class, () -> new TestCertificate("Martin", eighty + "b", "1990",
                TestType.NAAT, null, "RT-PCR", Passes.NOW, TestResult.DETECTED, eighty + "b", "FR", "Ministère",
                "URN:UVCI:01:FR:X#A"));
        assertEquals(DccError.PAYLOAD_INVALID, e.error());
        assertTrue(e.getMessage().contains("tc is longer than 80 characters"), e.getMessage());
        assertTrue(e.getMessage().contains("gn is longer than 80 characters"), e.getMessage());
        assertTrue(!e.getMessage().contains("nm is longer"), e.getMessage());
    }

    @Test
    void aNaatCertificateCarriesItsTestNameAndNoDevice() {
        TestCertificate naat = new TestCertificate("Martin", "Léa", "1990", TestType.NAAT, null, "RT-PCR Cobas",
                Passes.NOW, TestResult.DETECTED, "Labo", "FR", "Ministère", "URN:UVCI:01:FR:X#A");
        Map<?, ?> test = (Map<?, ?>) ((List<?>) naat.toPayload().get("t")).get(0);
        assertEquals("LP6464-4", test.get("tt"));
        assertEquals("RT-PCR Cobas", test.get("nm"));
        assertEquals("260373001", test.get("tr"));
        assertTrue(!test.containsKey("ma"));
    }
}
