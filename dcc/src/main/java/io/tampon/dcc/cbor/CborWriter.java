package io.tampon.dcc.cbor;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Deterministic CBOR encoding (RFC 8949): definite lengths, shortest integer forms, map entries in the order the
 * caller gives. Same input, same bytes, which the pipeline needs for idempotent re-signing.
 *
 * <p>Supported values: {@code null}, {@link Boolean}, {@link Integer}/{@link Long}/{@link BigInteger} (64-bit range),
 * {@link String}, {@code byte[]}, {@link List}, {@link Map} and {@link CborTag}. Not thread-safe; cheap to create,
 * and {@link #reset()} lets a thread reuse one.
 */
public final class CborWriter {

    private final ByteArrayOutputStream out;

    public CborWriter() {
        this(256);
    }

    public CborWriter(int initialCapacity) {
        this.out = new ByteArrayOutputStream(initialCapacity);
    }

    public static byte[] encode(Object value) {
        return new CborWriter().write(value).toByteArray();
    }

    public CborWriter reset() {
        out.reset();
        return this;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    public CborWriter write(Object value) {
        if (value == null) {
            out.write(0xf6);
        } else if (value instanceof Boolean b) {
            out.write(b ? 0xf5 : 0xf4);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            writeInteger(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            writeInteger(big.longValueExact());
        } else if (value instanceof String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            writeHead(3, utf8.length);
            out.writeBytes(utf8);
        } else if (value instanceof byte[] bytes) {
            writeHead(2, bytes.length);
            out.writeBytes(bytes);
        } else if (value instanceof List<?> list) {
            writeHead(4, list.size());
            for (Object item : list) {
                write(item);
            }
        } else if (value instanceof Map<?, ?> map) {
            writeHead(5, map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                write(entry.getKey());
                write(entry.getValue());
            }
        } else if (value instanceof CborTag tagged) {
            writeHead(6, tagged.tag());
            write(tagged.value());
        } else {
            throw new IllegalArgumentException("no CBOR encoding for " + value.getClass().getName());
        }
        return this;
    }

    private void writeInteger(long value) {
        if (value >= 0) {
            writeHead(0, value);
        } else {
            writeHead(1, -1 - value);
        }
    }

    private void writeHead(int majorType, long argument) {
        int major = majorType << 5;
        if (argument < 24) {
            out.write(major | (int) argument);
        } else if (argument <= 0xff) {
            out.write(major | 24);
            out.write((int) argument);
        } else if (argument <= 0xffff) {
            out.write(major | 25);
            writeBigEndian(argument, 2);
        } else if (argument <= 0xffffffffL) {
            out.write(major | 26);
            writeBigEndian(argument, 4);
        } else {
            out.write(major | 27);
            writeBigEndian(argument, 8);
        }
    }

    private void writeBigEndian(long value, int bytes) {
        for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift) & 0xff);
        }
    }
}
