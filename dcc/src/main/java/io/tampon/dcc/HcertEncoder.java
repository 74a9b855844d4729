package io.tampon.dcc;

import io.tampon.dcc.cose.CoseSign1;
import io.tampon.dcc.cose.CoseSigner;
import io.tampon.dcc.cwt.CwtClaims;
import io.tampon.dcc.encoding.Base45;
import io.tampon.dcc.encoding.ContextIdentifier;
import io.tampon.dcc.encoding.Zlib;
import io.tampon.dcc.payload.TestCertificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * The HCERT chain, payload to {@code HC1:} string: CWT → COSE_Sign1 → zlib → Base45 → prefix. Thread-safe.
 *
 * <p>Deterministic: with the same payload, issue time and key, the output is byte-identical (RFC 6979 signing,
 * fixed key order, second-precision times). The pipeline relies on it: a result processed twice yields one pass.
 */
public final class HcertEncoder {

    private final CoseSigner signer;
    private final String issuerCountry;
    private final Duration validity;
    private final Clock clock;

    public HcertEncoder(CoseSigner signer, String issuerCountry, Duration validity, Clock clock) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.issuerCountry = Objects.requireNonNull(issuerCountry, "issuerCountry");
        this.validity = Objects.requireNonNull(validity, "validity");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive");
        }
    }

    /** Signs with the clock's current time as issue time. */
    public EncodedPass encode(TestCertificate certificate) {
        return encode(certificate.toPayload(), clock.instant());
    }

    /**
     * Signs with an explicit issue time. A pipeline passes a time that belongs to the result (e.g. when it was
     * accepted), not the time of processing, so that re-processing reproduces the same bytes.
     */
    public EncodedPass encode(TestCertificate certificate, Instant issuedAt) {
        return encode(certificate.toPayload(), issuedAt);
    }

    public EncodedPass encode(Map<Object, Object> payload, Instant issuedAt) {
        Instant iat = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        Instant exp = iat.plus(validity);
        byte[] cwt = new CwtClaims(issuerCountry, iat, exp, payload).encode();
        byte[] cose = CoseSign1.sign(cwt, signer).encode();
        byte[] compressed = Zlib.deflate(cose);
        String base45 = Base45.encode(compressed);
        return new EncodedPass(cwt, cose, compressed, base45, ContextIdentifier.add(base45), signer.kid(), iat, exp);
    }
}
