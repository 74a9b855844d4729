package io.tampon.dcc.trust;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/**
 * The trust list as Tampon publishes it ({@code GET /trust-list} of signing-service), so any verifier can check our
 * passes:
 * <pre>
 * {"csca": "&lt;DER base64&gt;",
 *  "dscs": [{"kid": "&lt;base64&gt;", "country": "FR", "certificate": "&lt;DER base64&gt;",
 *            "notBefore": "2026-01-01T00:00:00Z", "notAfter": "2027-01-01T00:00:00Z"}]}
 * </pre>
 */
public final class TrustListDocument {

    private TrustListDocument() {
    }

    public static String toJson(String country, X509Certificate csca, List<X509Certificate> dscs) {
        Base64.Encoder base64 = Base64.getEncoder();
        StringBuilder json = new StringBuilder("{\"csca\":\"").append(base64.encodeToString(der(csca)))
                .append("\",\"dscs\":[");
        for (int i = 0; i < dscs.size(); i++) {
            X509Certificate dsc = dscs.get(i);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"kid\":\"").append(base64.encodeToString(Kid.of(dsc)))
                    .append("\",\"country\":\"").append(country)
                    .append("\",\"certificate\":\"").append(base64.encodeToString(der(dsc)))
                    .append("\",\"notBefore\":\"").append(dsc.getNotBefore().toInstant())
                    .append("\",\"notAfter\":\"").append(dsc.getNotAfter().toInstant()).append("\"}");
        }
        return json.append("]}").toString();
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
