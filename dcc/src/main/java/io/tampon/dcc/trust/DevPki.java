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

    public static SigningIdentity generate(String country, Instant notBefore, Duration dscValidity,
                                           SecureRandom random) {
        return generate(country, notBefore, dscValidity, random, List.of(KeyUsagePolicy.TEST_ISSUANCE_OID));
    }

    /** @param extendedKeyUsages the DSC's HCERT key usage OIDs; empty means "may sign every type" */
    public static SigningIdentity generate(String country, Instant notBefore, Duration dscValidity,
                                           SecureRandom random, List<String> extendedKeyUsages) {
        try {
            KeyPair cscaKeys = ecKeyPair(random);
            X500Name cscaName = new X500Name("C=" + country + ",O=Tampon development,CN=Tampon dev CSCA");
            Instant cscaNotAfter = notBefore.plus(dscValidity.multipliedBy(4));
            X509CertificateHolder csca = new JcaX509v3CertificateBuilder(cscaName, serial(random),
                    Date.from(notBefore), Date.from(cscaNotAfter), cscaName, cscaKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(cscaKeys.getPrivate()));

            KeyPair dscKeys = ecKeyPair(random);
            X500Name dscName = new X500Name("C=" + country + ",O=Tampon development,CN=Tampon dev DSC "
                    + notBefore.getEpochSecond());
            JcaX509v3CertificateBuilder dscBuilder = new JcaX509v3CertificateBuilder(cscaName, serial(random),
                    Date.from(notBefore), Date.from(notBefore.plus(dscValidity)), dscName, dscKeys.getPublic());
            dscBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            if (!extendedKeyUsages.isEmpty()) {
                dscBuilder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        extendedKeyUsages.stream().map(oid -> KeyPurposeId.getInstance(new ASN1ObjectIdentifier(oid)))
                                .toArray(KeyPurposeId[]::new)));
            }
            X509CertificateHolder dsc = dscBuilder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(cscaKeys.getPrivate()));

            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            return new SigningIdentity(dscKeys, converter.getCertificate(dsc), converter.getCertificate(csca));
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new DccException(DccError.KEY_INVALID, "cannot generate the development PKI", e);
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
