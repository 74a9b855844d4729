package io.tampon.dcc.cbor;

import io.tampon.dcc.DccError;
import io.tampon.dcc.DccException;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict, bounded CBOR decoder (RFC 8949) into plain Java values: {@link Long} (or {@link BigInteger} beyond 63
 * bits), {@link String}, {@code byte[]}, {@link List}, {@link LinkedHashMap}, {@link Boolean}, {@code null},
 * {@link Double} and {@link CborTag}. Definite and indefinite lengths are both accepted, as real passes use both.
 *
 * <p>Hostile input is expected (a QR code is user input): every length is checked against the bytes left, nesting
 * depth is capped, trailing bytes are an error, and every failure is a {@link DccException} with
 * {@link DccError#CBOR_INVALID}.
 */
public final class CborReader {

    private static final int MAX_DEPTH = 32;
    private static final Object BREAK = new Object();

    private final byte[] data;
    private int position;

    private CborReader(byte[] data) {
        this.data = data;
    }

    /** Decodes exactly one data item that spans all of {@code data}. */
    public static Object decode(byte[] data) {
        CborReader reader = new CborReader(data);
        Object value = reader.read(0);
        if (value == BREAK) {
            throw invalid("unexpected break");
        }
        if (reader.position != data.length) {
            throw invalid((data.length - reader.position) + " trailing bytes");
        }
        return value;
    }

    private Object read(int depth) {
        if (depth > MAX_DEPTH) {
            throw invalid("nesting deeper than " + MAX_DEPTH);
        }
        int initial = nextByte();
        int major = initial >>> 5;
        int info = initial & 0x1f;
        if (initial == 0xff) {
            return BREAK;
        }
        switch (major) {
            case 0:
                return unsignedToNumber(argument(info));
            case 1: {
                long n = argument(info);
                if (n < 0) { // beyond 63 bits: -1 - n as a BigInteger
                    return BigInteger.ONE.negate().subtract(new BigInteger(Long.toUnsignedString(n)));
                }
                return -1L - n;
            }
            case 2:
                return info == 31 ? readChunks(2, depth) : readBytes(length(info));
            case 3:
                return utf8(info == 31 ? readChunks(3, depth) : readBytes(length(info)));
            case 4:
                return readArray(info, depth);
            case 5:
                return readMap(info, depth);
            case 6: {
                long tag = argument(info);
                Object value = read(depth + 1);
                if (value == BREAK) {
                    throw invalid("break inside a tag");
                }
                return new CborTag(tag, value);
            }
            default:
                return simpleOrFloat(info);
        }
    }

    private List<Object> readArray(int info, int depth) {
        List<Object> list = new ArrayList<>();
        if (info == 31) {
            for (Object item = read(depth + 1); item != BREAK; item = read(depth + 1)) {
                list.add(item);
            }
            return list;
        }
        int size = length(info);
        for (int i = 0; i < size; i++) {
            Object item = read(depth + 1);
            if (item == BREAK) {
                throw invalid("break inside a definite-length array");
            }
            list.add(item);
        }
        return list;
    }

    private Map<Object, Object> readMap(int info, int depth) {
        Map<Object, Object> map = new LinkedHashMap<>();
        long size = info == 31 ? Long.MAX_VALUE : length(info);
        for (long i = 0; i < size; i++) {
            Object key = read(depth + 1);
            if (key == BREAK) {
                if (info == 31) {
                    return map;
                }
                throw invalid("break inside a definite-length map");
            }
            Object value = read(depth + 1);
            if (value == BREAK) {
                throw invalid("map key without a value");
            }
            if (key instanceof byte[] || key instanceof List || key instanceof Map) {
                throw invalid("unsupported map key type");
            }
            if (map.put(key, value) != null) {
                throw invalid("duplicate map key");
            }
        }
        return map;
    }

    private byte[] readChunks(int major, int depth) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        while (true) {
            int initial = nextByte();
            if (initial == 0xff) {
                return joined.toByteArray();
            }
            if (initial >>> 5 != major || (initial & 0x1f) == 31) {
                throw invalid("bad chunk in an indefinite-length string");
            }
            joined.writeBytes(readBytes(length(initial & 0x1f)));
        }
    }

    private Object simpleOrFloat(int info) {
        switch (info) {
            case 20:
                return Boolean.FALSE;
            case 21:
                return Boolean.TRUE;
            case 22:
            case 23:
                return null;
            case 25:
                return halfToDouble((int) readBigEndian(2));
            case 26:
                return (double) Float.intBitsToFloat((int) readBigEndian(4));
            case 27:
                return Double.longBitsToDouble(readBigEndian(8));
            default:
                if (info < 20) {
                    throw invalid("unassigned simple value " + info);
                }
                throw invalid("unsupported simple value encoding " + info);
        }
    }

    private static double halfToDouble(int half) {
        int exponent = (half >> 10) & 0x1f;
        int mantissa = half & 0x3ff;
        double value;
        if (exponent == 0) {
            value = mantissa * Math.pow(2, -24);
        } else if (exponent != 31) {
            value = (mantissa + 1024) * Math.pow(2, exponent - 25);
        } else {
            value = mantissa == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        return (half & 0x8000) != 0 ? -value : value;
    }

    private static Object unsignedToNumber(long n) {
        return n >= 0 ? (Object) n : new BigInteger(Long.toUnsignedString(n));
    }

    private long argument(int info) {
        if (info < 24) {
            return info;
        }
        return switch (info) {
            case 24 -> readBigEndian(1);
            case 25 -> readBigEndian(2);
            case 26 -> readBigEndian(4);
            case 27 -> readBigEndian(8);
            default -> throw invalid("reserved additional information " + info);
        };
    }

    private int length(int info) {
        long length = argument(info);
        if (length < 0 || length > data.length - position) {
            throw invalid("length " + Long.toUnsignedString(length) + " exceeds the " + (data.length - position)
                    + " bytes left");
        }
        return (int) length;
    }

    private long readBigEndian(int bytes) {
        if (data.length - position < bytes) {
            throw invalid("truncated");
        }
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value = (value << 8) | (data[position++] & 0xff);
        }
        return value;
    }

    private byte[] readBytes(int length) {
        byte[] bytes = new byte[length];
        System.arraycopy(data, position, bytes, 0, length);
        position += length;
        return bytes;
    }

    private int nextByte() {
        if (position >= data.length) {
            throw invalid("truncated");
        }
        return data[position++] & 0xff;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("text string is not valid UTF-8");
        }
    }

    private static DccException invalid(String why) {
        return new DccException(DccError.CBOR_INVALID, why);
    }
}
