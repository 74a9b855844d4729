package io.tampon.dcc.cbor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tampon.dcc.DccError;
import io.tampon.dcc.DccException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CborTest {

    /** RFC 8949 Appendix A examples. */
    @ParameterizedTest
    @CsvSource({"0, 00", "23, 17", "24, 1818", "1000, 1903e8", "1000000, 1a000f4240",
            "1000000000000, 1b000000e8d4a51000", "-1, 20", "-1000, 3903e7"})
    void encodesIntegersInTheirShortestForm(long value, String hex) {
        assertEquals(hex, HexFormat.of().formatHex(CborWriter.encode(value)));
        assertEquals(value, CborReader.decode(HexFormat.of().parseHex(hex)));
    }

    @Test
    void roundTripsThePayloadShapes() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(1L, "FR");
        map.put(-260L, Map.of(1L, List.of("é", new byte[] {1, 2}, true, false)));
        map.put("tag", new CborTag(18, List.of()));
        Object decoded = CborReader.decode(CborWriter.encode(map));
        Map<?, ?> back = (Map<?, ?>) decoded;
        assertEquals("FR", back.get(1L));
        List<?> list = (List<?>) ((Map<?, ?>) back.get(-260L)).get(1L);
        assertEquals("é", list.get(0));
        assertArrayEquals(new byte[] {1, 2}, (byte[]) list.get(1));
        assertEquals(new CborTag(18, List.of()), back.get("tag"));
    }

    @Test
    void decodesIndefiniteLengthsAndHalfFloats() {
        // {_ "a": [_ 1, 2], "b": (_ h'01', h'02')} and 1.5 as a half float
        Map<?, ?> map = (Map<?, ?>) CborReader.decode(HexFormat.of().parseHex("bf61619f0102ff61625f41014102ffff"));
        assertEquals(List.of(1L, 2L), map.get("a"));
        assertArrayEquals(new byte[] {1, 2}, (byte[]) map.get("b"));
        assertEquals(1.5, CborReader.decode(HexFormat.of().parseHex("f93e00")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "18", "1a0000", "5b00000000ffffffff00", "8301", "a10102ff", "ff", "a2010201",
            "0000", "62c328", "9f01", "1f", "f0"})
    void rejectsMalformedInputWithOneErrorCode(String hex) {
        DccException e = assertThrows(DccException.class, () -> CborReader.decode(HexFormat.of().parseHex(hex)));
        assertEquals(DccError.CBOR_INVALID, e.error());
    }

    @Test
    void capsNestingDepth() {
        byte[] deep = new byte[1000];
        java.util.Arrays.fill(deep, (byte) 0x81); // [[[[...
        assertEquals(DccError.CBOR_INVALID, assertThrows(DccException.class, () -> CborReader.decode(deep)).error());
    }
}
