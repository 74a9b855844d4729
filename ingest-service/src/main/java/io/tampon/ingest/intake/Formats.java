package io.tampon.ingest.intake;

/**
 * The shapes the validator checks, read character by character. Each is exactly a regular expression, kept beside
 * it here and in {@code FormatsTest}, which holds the two to the same answers; they run on every field of every
 * posted result, and the regex engine was ~7 % of the request thread's samples.
 */
final class Formats {

    private Formats() {
    }

    /** {@code [A-Za-z0-9._:/-]{1,64}}: a pharmacy's own reference. */
    static boolean externalRef(String value) {
        int n = value.length();
        if (n < 1 || n > 64) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == ':' || c == '/' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** {@code \+[1-9]\d{6,14}}: an E.164 number. */
    static boolean e164(String value) {
        int n = value.length();
        if (n < 8 || n > 16 || value.charAt(0) != '+' || value.charAt(1) == '0') {
            return false;
        }
        return digits(value, 1, n);
    }

    /** {@code (19|20)\d\d(-\d\d){0,2}}: a year, year-month or date of birth. */
    static boolean dateOfBirth(String value) {
        int n = value.length();
        if (n != 4 && n != 7 && n != 10 || !value.startsWith("19") && !value.startsWith("20")
                || !digits(value, 2, 4)) {
            return false;
        }
        for (int at = 4; at < n; at += 3) {
            if (value.charAt(at) != '-' || !digits(value, at + 1, at + 3)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code [^@\s]{1,64}@[^@\s]{1,190}\.[^@\s]{2,63}}: one {@code @} after 1–64 characters, no white space, and a
     * dot in the domain with 1–190 characters before it and 2–63 after it.
     */
    static boolean email(String value) {
        int n = value.length();
        int at = -1;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '@') {
                if (at >= 0) {
                    return false;
                }
                at = i;
            } else if (c == ' ' || c >= '\t' && c <= '\r') { // \s: space, \t, \n, \u000B, \f, \r
                return false;
            }
        }
        if (at < 1 || at > 64) {
            return false;
        }
        for (int dot = at + 2; dot < n; dot++) {
            int before = dot - at - 1;
            int after = n - dot - 1;
            if (value.charAt(dot) == '.' && before <= 190 && after >= 2 && after <= 63) {
                return true;
            }
        }
        return false;
    }

    private static boolean digits(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
