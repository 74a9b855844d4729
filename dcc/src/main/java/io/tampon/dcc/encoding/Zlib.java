package io.tampon.dcc.encoding;

import io.tampon.dcc.DccError;
import io.tampon.dcc.DccException;
import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * zlib (RFC 1950) deflate and inflate. A {@link Deflater} is costly to create, so each thread keeps one; inflating
 * is capped because the input comes from a QR code that anyone can craft (a decompression bomb).
 */
public final class Zlib {

    /** Real passes inflate to well under 4 KiB; 64 KiB leaves room without letting a bomb through. */
    public static final int DEFAULT_MAX_INFLATED_BYTES = 64 * 1024;

    private static final ThreadLocal<Deflater> DEFLATER =
            ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_COMPRESSION));
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[8192]);

    private Zlib() {
    }

    /** Best compression: every byte saved makes the QR code smaller and easier to scan. */
    public static byte[] deflate(byte[] data) {
        Deflater deflater = DEFLATER.get();
        deflater.reset();
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = BUFFER.get();
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        return out.toByteArray();
    }

    public static byte[] inflate(byte[] compressed) {
        return inflate(compressed, DEFAULT_MAX_INFLATED_BYTES);
    }

    public static byte[] inflate(byte[] compressed, int maxBytes) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 3);
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DccException(DccError.COMPRESSION_INVALID, "truncated zlib stream");
                }
                if (out.size() + n > maxBytes) {
                    throw new DccException(DccError.COMPRESSION_LIMIT_EXCEEDED,
                            "inflated data exceeds " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            if (inflater.getRemaining() > 0) {
                throw new DccException(DccError.COMPRESSION_INVALID, "trailing bytes after the zlib stream");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new DccException(DccError.COMPRESSION_INVALID, "not a zlib stream: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }
}
