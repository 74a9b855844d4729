package io.tampon.dcc.payload;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Unique vaccination certificate/assertion identifiers (eHN UVCI guidelines, Annex 2, option 3: opaque).
 * {@code URN:UVCI:01:<country>:<opaque id>#<check>}, the check character being Luhn mod N over the whole identifier
 * before '#' (prefix included), with N = 38 and the code points of the alphabet {@code A-Z 0-9 / :} in that order
 * (DCC schema FAQ "UVCI checksum"; the official test vectors of AT, DK, FR, GR, LT and SI agree).
 *
 * <p>The opaque part is derived from the result id, so a result re-processed after a crash gets the same
 * identifier, and the pass's bytes stay identical.
 */
public final class Uvci {

    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/:";
    private static final int N = ALPHABET.length();
    // Compiled once: String.matches compiles its pattern on every call, and this runs once per pass.
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern ISSUER_PREFIX = Pattern.compile("[A-Z0-9]{1,5}");

    private Uvci() {
    }

    /** E.g. {@code URN:UVCI:01:FR:TPN2F0Y9XQ3M1K8ZJ6H4C7B5A#K}; {@code issuerPrefix} is 1–5 letters or digits. */
    public static String forResult(String country, String issuerPrefix, UUID resultId) {
        if (!COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException("country must be two upper-case letters");
        }
        if (!ISSUER_PREFIX.matcher(issuerPrefix).matches()) {
            throw new IllegalArgumentException("issuer prefix must be 1-5 upper-case letters or digits");
        }
        byte[] bytes = ByteBuffer.allocate(16).putLong(resultId.getMostSignificantBits())
                .putLong(resultId.getLeastSignificantBits()).array();
        String opaque = issuerPrefix + new BigInteger(1, bytes).toString(36).toUpperCase(Locale.ROOT);
        String body = "URN:UVCI:01:" + country + ":" + opaque;
        return body + "#" + checkCharacter(body);
    }

    /** True if {@code uvci} ends with '#' and the right check character. */
    public static boolean hasValidCheck(String uvci) {
        int hash = uvci.lastIndexOf('#');
        if (hash < 0 || hash != uvci.length() - 2) {
            return false;
        }
        try {
            return checkCharacter(uvci.substring(0, hash)) == uvci.charAt(hash + 1);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Luhn mod N: double every second code point from the right, fold with base N, sum, complement. */
    static char checkCharacter(String input) {
        int factor = 2;
        int sum = 0;
        for (int i = input.length() - 1; i >= 0; i--) {
            int codePoint = ALPHABET.indexOf(input.charAt(i));
            if (codePoint < 0) {
                throw new IllegalArgumentException("character outside the UVCI alphabet at " + i);
            }
            int addend = factor * codePoint;
            factor = factor == 2 ? 1 : 2;
            sum += addend / N + addend % N;
        }
        return ALPHABET.charAt((N - sum % N) % N);
    }
}
