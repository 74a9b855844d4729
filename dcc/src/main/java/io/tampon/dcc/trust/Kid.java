package io.tampon.dcc.trust;

import io.tampon.dcc.DccError;
import io.tampon.dcc.DccException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/** The HCERT key identifier: the first 8 bytes of SHA-256 over the DSC's DER encoding (HCERT §3.3.1). */
public final class Kid {

    private Kid() {
    }

    public static byte[] of(X509Certificate certificate) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return Arrays.copyOf(hash, 8);
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new DccException(DccError.KEY_INVALID, "cannot compute the kid of a certificate", e);
        }
    }
}
