package io.tampon.dcc.encoding;

import io.tampon.dcc.DccError;
import io.tampon.dcc.DccException;

/**
 * Base45 (RFC 9285): the alphabet is exactly the QR code's alphanumeric set, so an {@code HC1:} string fits the
 * QR alphanumeric mode (5.5 bits per character).
 */
public final class Base45 {

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".toCharArray();
    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUES[ALPHABET[i]] = i;
        }
    }

    private Base45() {
    }

    public static String encode(byte[] bytes) {
        char[] out = new char[bytes.length / 2 * 3 + (bytes.length % 2) * 2];
        int o = 0;
        int i = 0;
        for (; i + 1 < bytes.length; i += 2) {
            int n = ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
            out[o++] = ALPHABET[n % 45];
            out[o++] = ALPHABET[(n / 45) % 45];
            out[o++] = ALPHABET[n / 2025];
        }
        if (i < bytes.length) {
            int n = bytes[i] & 0xff;
            out[o++] = ALPHABET[n % 45];
            out[o] = ALPHABET[n / 45];
        }
        return new String(out);
    }

    public static byte[] decode(CharSequence text) {
        int length = text.length();
        if (length % 3 == 1) {
            throw invalid("length " + length + " is not a valid Base45 length");
        }
        byte[] out = new byte[length / 3 * 2 + (length % 3 == 2 ? 1 : 0)];
        int o = 0;
        int i = 0;
        for (; i + 2 < length; i += 3) {
            int n = value(text, i) + value(text, i + 1) * 45 + value(text, i + 2) * 2025;
            if (n > 0xffff) {
                throw invalid("triplet at " + i + " exceeds 65535");
            }
            out[o++] = (byte) (n >> 8);
            out[o++] = (byte) n;
        }
        if (i < length) {
            int n = value(text, i) + value(text, i + 1) * 45;
            if (n > 0xff) {
                throw invalid("final pair exceeds 255");
            }
            out[o] = (byte) n;
        }
        return out;
    }

    private static int value(CharSequence text, int index) {
        char c = text.charAt(index);
        int v = c < 128 ? VALUES[c] : -1;
        if (v < 0) {
            throw invalid("character at " + index + " is not in the Base45 alphabet");
        }
        return v;
    }

    private static DccException invalid(String why) {
        return new DccException(DccError.BASE45_INVALID, why);
    }
}
