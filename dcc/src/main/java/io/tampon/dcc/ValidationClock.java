package io.tampon.dcc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Instants as people and the official test vectors write them (VALIDATIONCLOCK): Z, +02:00, +0200, any fraction,
 * or no zone at all, read as UTC.
 */
public final class ValidationClock {

    private ValidationClock() {
    }

    public static Instant parse(String text) {
        String t = text.strip();
        if (t.matches(".*[+-]\\d{4}$")) {
            t = t.substring(0, t.length() - 2) + ":" + t.substring(t.length() - 2);
        } else if (!t.endsWith("Z") && !t.matches(".*[+-]\\d{2}:\\d{2}$")) {
            t = t + "Z";
        }
        return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }
}
