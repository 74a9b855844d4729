package io.tampon.dcc;

import io.tampon.dcc.cwt.CwtClaims;
import io.tampon.dcc.payload.CertificateType;
import java.security.cert.X509Certificate;
import java.util.Map;

/** A pass whose whole chain decoded and whose signature, times and key usage checked out. */
public record VerifiedPass(Map<Object, Object> payload, CertificateType type, CwtClaims claims, X509Certificate dsc) {

    @Override
    public String toString() {
        return "VerifiedPass[" + type + ", issuer " + claims.issuer() + ", expires " + claims.expiresAt() + "]";
    }
}
