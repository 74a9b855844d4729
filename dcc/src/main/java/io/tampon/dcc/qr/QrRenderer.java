package io.tampon.dcc.qr;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import io.tampon.dcc.DccError;
import io.tampon.dcc.DccException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Turns an {@code HC1:} string into a QR code with ZXing, at error correction level Q as HCERT §4.3 recommends.
 * The content is all in Base45's alphabet, which is the QR alphanumeric set, so ZXing picks alphanumeric mode.
 *
 * <p>Why a fixed mask pattern by default: ZXing spends ~93 % of its encoding time scoring all eight masks to pick
 * the one with the lowest penalty. Every mask yields a valid code; the penalty only avoids patterns that could
 * confuse a poor reader. Measured here, a fixed mask makes encoding ~12× faster, and every code we render is decoded
 * back in tests, also downscaled to phone-screen size (see docs/benchmarks.md). {@code maskPattern = -1} restores
 * ZXing's own choice.
 */
public final class QrRenderer {

    /** Default mask: pattern 0 (checkerboard) breaks up large uniform areas best on average. */
    public static final int DEFAULT_MASK = 0;
    public static final int QUIET_ZONE_MODULES = 4;

    private final Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);

    public QrRenderer() {
        this(DEFAULT_MASK);
    }

    /** @param maskPattern 0–7, or -1 to let ZXing score all eight */
    public QrRenderer(int maskPattern) {
        if (maskPattern < -1 || maskPattern > 7) {
            throw new IllegalArgumentException("mask pattern must be -1 (automatic) or 0-7");
        }
        if (maskPattern >= 0) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, maskPattern);
        }
    }

    public QrMatrix encode(String text) {
        try {
            QRCode code = Encoder.encode(text, ErrorCorrectionLevel.Q, hints);
            ByteMatrix matrix = code.getMatrix();
            int size = matrix.getWidth();
            boolean[] dark = new boolean[size * size];
            byte[][] rows = matrix.getArray();
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    dark[y * size + x] = rows[y][x] == 1;
                }
            }
            return new QrMatrix(size, dark, code.getVersion().getVersionNumber());
        } catch (WriterException e) {
            throw new DccException(DccError.QR_FAILED, "cannot encode a QR code: " + e.getMessage(), e);
        }
    }

    /** A 1-bit PNG, {@code moduleSize} pixels per module, with the standard 4-module quiet zone. */
    public byte[] png(String text, int moduleSize) {
        return PngWriter.write(encode(text), moduleSize, QUIET_ZONE_MODULES);
    }

    public String svg(String text) {
        return SvgWriter.write(encode(text), QUIET_ZONE_MODULES);
    }
}
