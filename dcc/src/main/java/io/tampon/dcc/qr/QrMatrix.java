package io.tampon.dcc.qr;

import java.util.Arrays;

/** The modules of a QR code, dark = true, without quiet zone. */
public final class QrMatrix {

    private final int size;
    private final boolean[] dark;
    private final int version;

    QrMatrix(int size, boolean[] dark, int version) {
        this.size = size;
        this.dark = dark;
        this.version = version;
    }

    public int size() {
        return size;
    }

    public int version() {
        return version;
    }

    public boolean isDark(int x, int y) {
        return dark[y * size + x];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QrMatrix m && m.size == size && Arrays.equals(m.dark, dark);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dark);
    }
}
