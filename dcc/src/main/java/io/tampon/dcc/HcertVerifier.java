package io.tampon.dcc;

import io.tampon.dcc.cose.CoseSign1;
import io.tampon.dcc.cose.CoseVerifier;
import io.tampon.dcc.cwt.CwtClaims;
import io.tampon.dcc.encoding.Base45;
import io.tampon.dcc.encoding.ContextIdentifier;
import io.tampon.dcc.encoding.Zlib;
import io.tampon.dcc.payload.CertificateType;
import io.tampon.dcc.payload.DccSchema;
import io.tampon.dcc.payload.PayloadNormalizer;
import io.tampon.dcc.trust.KeyUsagePolicy;
import io.tampon.dcc.trust.TrustList;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decodes and verifies an {@code HC1:} string the way an EU DCC verifier app does: every step either succeeds or
 * fails with its {@link DccError}.
 */
public final class HcertVerifier {

    private final TrustList trustList;
    private final Clock clock;

    public HcertVerifier(TrustList trustList, Clock clock) {
        this.trustList = Objects.requireNonNull(trustList, "trustList");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public VerifiedPass verify(String hc1) {
        CoseSign1 cose = CoseSign1.parse(unwrap(hc1));
        X509Certificate dsc = CoseVerifier.verify(cose, trustList);
        CwtClaims claims = CwtClaims.decode(cose.payload());
        Map<Object, Object> payload = PayloadNormalizer.normalize(claims.dcc());
        List<String> violations = DccSchema.violations(payload);
        if (!violations.isEmpty()) {
            throw new DccException(DccError.SCHEMA_INVALID, String.join("; ", violations));
        }
        CertificateType type = CertificateType.of(payload);
        Instant now = clock.instant();
        claims.checkValidAt(now);
        checkDscValidAt(dsc, now);
        KeyUsagePolicy.check(dsc, type);
        return new VerifiedPass(payload, type, claims, dsc);
    }

    /** Prefix, Base45, zlib: the COSE bytes inside a QR text, without any verification. */
    public static byte[] unwrap(String hc1) {
        return Zlib.inflate(Base45.decode(ContextIdentifier.strip(hc1)));
    }

    /** The claims and payload of a pass, unverified: for display and diagnostics only. */
    public static CwtClaims decodeUnverified(String hc1) {
        return CwtClaims.decode(CoseSign1.parse(unwrap(hc1)).payload());
    }

    public static void checkDscValidAt(X509Certificate dsc, Instant at) {
        try {
            dsc.checkValidity(Date.from(at));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new DccException(DccError.DSC_NOT_VALID, "the DSC is not valid at " + at);
        }
    }
}
