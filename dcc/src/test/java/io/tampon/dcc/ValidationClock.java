package io.tampon.dcc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** The test vectors' VALIDATIONCLOCK in all its real formats: Z, +02:00, +0200, any fraction, or no zone (UTC). */
final class ValidationClock {

    private ValidationClock() {
    }

    static Instant parse(String text) {
        String t = text.strip();
        if (t.matches(".*[+-]\\d{4}$")) {
            t = t.substring(0, t.length() - 2) + ":" + t.substring(t.length() - 2);
        } else if (!t.endsWith("Z") && !t.matches(".*[+-]\\d{2}:\\d{2}$")) {
            t = t + "Z";
        }
        return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }
}
