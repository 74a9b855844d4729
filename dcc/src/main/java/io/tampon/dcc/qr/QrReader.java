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
import java.util.Map;
import javax.imageio.ImageIO;

/** Reads the text of a QR code in an image (PNG, JPEG...), as a verifier's camera would. */
public final class QrReader {

    private static final Map<DecodeHintType, Object> HINTS = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);

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
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), HINTS).getText();
        } catch (NotFoundException e) {
            try {
                return new QRCodeReader().decode(new BinaryBitmap(new GlobalHistogramBinarizer(source)), HINTS)
                        .getText();
            } catch (ReaderException again) {
                throw new DccException(DccError.QR_FAILED, "no QR code found in the image", again);
            }
        } catch (ReaderException e) {
            throw new DccException(DccError.QR_FAILED, "the QR code cannot be read", e);
        }
    }
}
