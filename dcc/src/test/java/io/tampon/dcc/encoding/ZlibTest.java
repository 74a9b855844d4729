package io.tampon.dcc.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tampon.dcc.DccError;
import io.tampon.dcc.DccException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ZlibTest {

    @Test
    void inflatesWhatItDeflates() {
        byte[] data = "a COSE message, more or less".repeat(20).getBytes();
        assertArrayEquals(data, Zlib.inflate(Zlib.deflate(data)));
    }

    @Test
    void refusesADecompressionBombWithoutInflatingIt() {
        byte[] bomb = Zlib.deflate(new byte[50 * 1024 * 1024]); // ~50 KB that would inflate to 50 MB
        DccException e = assertThrows(DccException.class, () -> Zlib.inflate(bomb));
        assertEquals(DccError.COMPRESSION_LIMIT_EXCEEDED, e.error());
    }

    @Test
    void rejectsGarbageAndTruncatedStreams() {
        assertEquals(DccError.COMPRESSION_INVALID,
                assertThrows(DccException.class, () -> Zlib.inflate(new byte[] {1, 2, 3, 4})).error());
        byte[] stream = Zlib.deflate("hello, hello, hello".getBytes());
        assertEquals(DccError.COMPRESSION_INVALID, assertThrows(DccException.class,
                () -> Zlib.inflate(Arrays.copyOf(stream, stream.length - 3))).error());
    }
}
