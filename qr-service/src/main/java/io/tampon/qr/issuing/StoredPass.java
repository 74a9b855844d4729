package io.tampon.qr.issuing;

import io.tampon.dcc.HcertVerifier;
import io.tampon.dcc.cwt.CwtClaims;
import io.tampon.dcc.payload.PayloadNormalizer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A pass as the patient page shows it: the QR and the few facts printed beside it, read from the signed payload
 * itself so the page can never disagree with the code.
 */
public record StoredPass(UUID passId, UUID resultId, String hc1, byte[] qrPng, Instant issuedAt, Instant expiresAt,
                         String familyName, String givenName, String testType, String sampleCollectedAt,
                         String testResult, String language) {

    /** Reads the page's facts out of the HC1 payload (already signed by signing-service). */
    static StoredPass of(UUID passId, UUID resultId, String hc1, byte[] qrPng, String language) {
        CwtClaims claims = HcertVerifier.decodeUnverified(hc1);
        Map<Object, Object> payload = PayloadNormalizer.normalize(claims.dcc());
        Map<?, ?> name = (Map<?, ?>) payload.get("nam");
        Map<?, ?> test = (Map<?, ?>) ((List<?>) payload.get("t")).get(0);
        return new StoredPass(passId, resultId, hc1, qrPng, claims.issuedAt(), claims.expiresAt(),
                (String) name.get("fn"), (String) name.get("gn"), (String) test.get("tt"), (String) test.get("sc"),
                (String) test.get("tr"), language);
    }

    @Override
    public String toString() {
        return "StoredPass[" + passId + "]";
    }
}
