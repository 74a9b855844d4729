package io.tampon.ingest.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The direct reading must agree with {@link OffsetDateTime#parse} on every value, valid or not. */
class InstantParserTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-27T08:30:00+01:00", "2026-11-27T08:30:00Z", "2026-11-27T08:30:00.5Z",
            "2026-11-27T08:30:00.123456789-05:30", "2024-02-29T23:59:59+18:00", "2026-01-01T00:00:00-18:00",
            "1969-12-31T23:59:59.999Z", "2026-11-27T08:30:00-00:00"})
    void theCommonShapesAreReadDirectlyAndAgree(String text) {
        assertNotNull(InstantParser.fastPath(text), text);
        assertEquals(OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.SECONDS),
                InstantParser.parseToSecond(text).truncatedTo(ChronoUnit.SECONDS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-27T08:30+01:00", "2026-11-27T08:30:00+01:00:30", "+12026-11-27T08:30:00Z",
            "2026-11-27T08:30:00.Z", "2026-11-27T08:30:00z"})
    void otherValidShapesTakeTheParsersPath(String text) {
        assertEquals(null, InstantParser.fastPath(text));
        assertEquals(OffsetDateTime.parse(text).toInstant(), InstantParser.parseToSecond(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-29T08:30:00Z", "2026-11-31T08:30:00Z", "2026-13-01T08:30:00Z",
            "2026-11-27T24:00:00Z", "2026-11-27T08:60:00Z", "2026-11-27T08:30:60Z", "2026-11-27T08:30:00+19:00",
            "2026-11-27T08:30:00+18:01", "2026-11-27T08:30:00+01:60", "2026-11-27T08:30:00",
            "2026-11-27T08:30:00.1234567890Z", "2026-11-27 08:30:00Z",
            "2026-11-27T08:30:00+0100", "２０２６-11-27T08:30:00Z", "2026-11-27T08:30:00Z ", ""})
    void invalidValuesAreRefusedAsTheParserRefusesThem(String text) {
        assertEquals(null, InstantParser.fastPath(text));
        assertThrows(DateTimeParseException.class, () -> OffsetDateTime.parse(text));
        assertThrows(DateTimeParseException.class, () -> InstantParser.parseToSecond(text));
    }

    @Test
    void randomlyMangledValuesAgreeWithTheParser() {
        Random random = new Random(20261128);
        String base = "2024-02-29T23:59:59.123+05:30";
        String replacements = "0123456789-+:.TZ x";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder(base);
            for (int edits = 1 + random.nextInt(2); edits > 0; edits--) {
                text.setCharAt(random.nextInt(text.length()), replacements.charAt(random.nextInt(replacements.length())));
            }
            if (random.nextInt(4) == 0) {
                text.setLength(random.nextInt(text.length()));
            }
            String value = text.toString();
            Object expected;
            try {
                expected = OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.SECONDS);
            } catch (DateTimeParseException e) {
                expected = "refused";
            }
            Object actual;
            try {
                actual = InstantParser.parseToSecond(value).truncatedTo(ChronoUnit.SECONDS);
            } catch (DateTimeParseException e) {
                actual = "refused";
            }
            assertEquals(expected, actual, value);
        }
    }
}
