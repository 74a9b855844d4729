package io.tampon.dcc.qr;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.tampon.dcc.DccError;
import io.tampon.dcc.DccException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Reads the text of a QR code in an image (PNG, JPEG...). Tries ZXing's detector (as a camera app would), then the
 * "pure barcode" mode that reads a clean, axis-aligned rendering directly: ZXing's finder-pattern search misses
 * ~1-7 % of perfect synthetic codes (see docs/benchmarks.md), pure mode none.
 */
public final class QrReader {

    private static final Map<DecodeHintType, Object> HINTS = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);
    private static final Map<DecodeHintType, Object> PURE = Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE);

    private QrReader() {
    }

    public static String read(byte[] image) {
        try {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
            if (decoded == null) {
                throw new DccException(DccError.QR_FAILED, "not a readable image");
            }
            return read(decoded);
        } catch (IOException e) {
            throw new DccException(DccError.QR_FAILED, "not a readable image", e);
        }
    }

    public static String read(BufferedImage image) {
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        ReaderException last = null;
        for (var attempt : List.of(
                new Object[] {new HybridBinarizer(source), HINTS},
                new Object[] {new HybridBinarizer(source), PURE},
                new Object[] {new GlobalHistogramBinarizer(source), HINTS})) {
            try {
                @SuppressWarnings("unchecked")
                Map<DecodeHintType, Object> hints = (Map<DecodeHintType, Object>) attempt[1];
                return new QRCodeReader().decode(new BinaryBitmap((com.google.zxing.Binarizer) attempt[0]), hints)
                        .getText();
            } catch (ReaderException e) {
                last = e;
            }
        }
        throw new DccException(DccError.QR_FAILED, last instanceof NotFoundException
                ? "no QR code found in the image" : "the QR code cannot be read", last);
    }

    /** ZXing's detector only, as a phone camera app works: for measuring how findable a rendering is. */
    public static boolean detectable(BufferedImage image) {
        try {
            new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    HINTS);
            return true;
        } catch (ReaderException e) {
            return false;
        }
    }
}
