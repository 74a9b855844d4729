package io.tampon.dcc;

import java.time.Instant;

/**
 * A signed pass with every intermediate of the HCERT chain, so callers and tests can inspect each step.
 *
 * @param cwt        CBOR of the CWT claims (the COSE payload)
 * @param cose       the tagged COSE_Sign1
 * @param compressed zlib of {@code cose}
 * @param base45     Base45 of {@code compressed}
 * @param hc1        the QR code's text: {@code HC1:} + {@code base45}
 */
public record EncodedPass(byte[] cwt, byte[] cose, byte[] compressed, String base45, String hc1, byte[] kid,
                          Instant issuedAt, Instant expiresAt) {

    @Override
    public String toString() {
        // Never the HC1 text: it carries the patient's name and date of birth.
        return "EncodedPass[" + hc1.length() + " chars, issued " + issuedAt + ", expires " + expiresAt + "]";
    }
}
