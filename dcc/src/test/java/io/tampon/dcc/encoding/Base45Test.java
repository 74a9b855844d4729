package io.tampon.dcc.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tampon.dcc.DccError;
import io.tampon.dcc.DccException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base45Test {

    /** RFC 9285 §4.3 and §4.4 examples. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"AB|BB8", "Hello!!|%69 VD92EX0", "base-45|UJCLQE7W581", "ietf!|QED8WEX0"})
    void matchesTheRfcExamples(String text, String base45) {
        assertEquals(base45, Base45.encode(text.getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), Base45.decode(base45));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GGW", "A", "ABCD", "abc", "BB8é", "ZZ"})
    void rejectsInvalidInput(String text) {
        DccException e = assertThrows(DccException.class, () -> Base45.decode(text));
        assertEquals(DccError.BASE45_INVALID, e.error());
    }
}
