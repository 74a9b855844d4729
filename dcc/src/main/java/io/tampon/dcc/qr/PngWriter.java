package io.tampon.dcc.qr;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a QR matrix as a 1-bit greyscale PNG (ISO/IEC 15948). A QR code is black and white, so one bit per pixel
 * and scanlines that repeat for every pixel row of a module compress to a few kilobytes; general-purpose writers
 * (ImageIO via ZXing's MatrixToImageWriter) convert every pixel's colour and are several times slower.
 */
final class PngWriter {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final ThreadLocal<Deflater> DEFLATER =
            ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));

    private PngWriter() {
    }

    static byte[] write(QrMatrix matrix, int moduleSize, int quietZone) {
        if (moduleSize < 1 || moduleSize > 64) {
            throw new IllegalArgumentException("module size must be 1-64 pixels");
        }
        int modules = matrix.size() + 2 * quietZone;
        int width = modules * moduleSize;
        int rowBytes = (width + 7) / 8;
        byte[] raw = new byte[(rowBytes + 1) * width];
        byte[] scanline = new byte[rowBytes];
        int offset = 0;
        for (int my = 0; my < modules; my++) {
            java.util.Arrays.fill(scanline, (byte) 0xff); // white
            int y = my - quietZone;
            if (y >= 0 && y < matrix.size()) {
                for (int x = 0; x < matrix.size(); x++) {
                    if (matrix.isDark(x, y)) {
                        int px = (x + quietZone) * moduleSize;
                        for (int p = px; p < px + moduleSize; p++) {
                            scanline[p >> 3] &= (byte) ~(0x80 >>> (p & 7));
                        }
                    }
                }
            }
            for (int r = 0; r < moduleSize; r++) {
                raw[offset++] = 0; // filter type None
                System.arraycopy(scanline, 0, raw, offset, rowBytes);
                offset += rowBytes;
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(4096);
        png.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, width);
        header[8] = 1; // bit depth
        header[9] = 0; // greyscale
        chunk(png, "IHDR", header);
        chunk(png, "IDAT", deflate(raw));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = DEFLATER.get();
        deflater.reset();
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 8 + 64);
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        png.writeBytes(length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        byte[] crcBytes = new byte[4];
        putInt(crcBytes, 0, (int) crc.getValue());
        png.writeBytes(crcBytes);
    }

    private static void putInt(byte[] target, int offset, int value) {
        target[offset] = (byte) (value >>> 24);
        target[offset + 1] = (byte) (value >>> 16);
        target[offset + 2] = (byte) (value >>> 8);
        target[offset + 3] = (byte) value;
    }
}
