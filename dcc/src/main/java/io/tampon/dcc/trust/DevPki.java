package io.tampon.dcc.trust;

import io.tampon.dcc.DccError;
import io.tampon.dcc.DccException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A development PKI: a country signing CA (CSCA) and a document signer (DSC) it certifies, both EC P-256, the DSC
 * restricted to test certificates by its extended key usage. For the local run and tests only: production keys come
 * from the national PKI, never from here.
 */
public final class DevPki {

    private DevPki() {
    }

    /** A signer: its key pair and certificate chain (DSC first, then the CSCA). */
    public record SigningIdentity(KeyPair keyPair, X509Certificate dsc, X509Certificate csca) {
    }

    /** A country signing CA that can certify new DSCs (key rotation). */
    public record Csca(KeyPair keyPair, X509Certificate certificate) {
    }

    public static SigningIdentity generate(String country, Instant notBefore, Duration dscValidity,
                                           SecureRandom random) {
        return generate(country, notBefore, dscValidity, random, List.of(KeyUsagePolicy.TEST_ISSUANCE_OID));
    }

    /** @param extendedKeyUsages the DSC's HCERT key usage OIDs; empty means "may sign every type" */
    public static SigningIdentity generate(String country, Instant notBefore, Duration dscValidity,
                                           SecureRandom random, List<String> extendedKeyUsages) {
        Csca csca = createCsca(country, notBefore, dscValidity.multipliedBy(4), random);
        return issueDsc(csca, country, notBefore, dscValidity, random, extendedKeyUsages);
    }

    public static Csca createCsca(String country, Instant notBefore, Duration validity, SecureRandom random) {
        try {
            KeyPair keys = ecKeyPair(random);
            X500Name name = new X500Name("C=" + country + ",O=Tampon development,CN=Tampon dev CSCA");
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name, serial(random),
                    Date.from(notBefore), Date.from(notBefore.plus(validity)), name, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            return new Csca(keys, new JcaX509CertificateConverter().getCertificate(holder));
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new DccException(DccError.KEY_INVALID, "cannot generate the development CSCA", e);
        }
    }

    /** A new DSC certified by {@code csca}: how keys rotate without changing what verifiers anchor on. */
    public static SigningIdentity issueDsc(Csca csca, String country, Instant notBefore, Duration validity,
                                           SecureRandom random, List<String> extendedKeyUsages) {
        try {
            KeyPair keys = ecKeyPair(random);
            X500Name issuer = X500Name.getInstance(csca.certificate().getSubjectX500Principal().getEncoded());
            X500Name name = new X500Name("C=" + country + ",O=Tampon development,CN=Tampon dev DSC "
                    + notBefore.getEpochSecond() + "-" + Long.toHexString(random.nextLong() & 0xffffff));
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial(random),
                    Date.from(notBefore), Date.from(notBefore.plus(validity)), name, keys.getPublic());
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            if (!extendedKeyUsages.isEmpty()) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        extendedKeyUsages.stream().map(oid -> KeyPurposeId.getInstance(new ASN1ObjectIdentifier(oid)))
                                .toArray(KeyPurposeId[]::new)));
            }
            X509CertificateHolder holder = builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(csca.keyPair().getPrivate()));
            return new SigningIdentity(keys, new JcaX509CertificateConverter().getCertificate(holder),
                    csca.certificate());
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new DccException(DccError.KEY_INVALID, "cannot issue a development DSC", e);
        }
    }

    private static KeyPair ecKeyPair(SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        return generator.generateKeyPair();
    }

    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(64, random).add(BigInteger.ONE);
    }
}
