package io.tampon.dcc.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QrRendererTest {

    /** A realistic HC1 string: ~560 characters of Base45, like a real test certificate. */
    static final String HC1 = "HC1:" + randomBase45(556);

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 1, 2, 3, 4, 5, 6, 7})
    void everyMaskDecodesBackToTheExactText(int mask) {
        byte[] png = new QrRenderer(mask).png(HC1, 4);
        assertEquals(HC1, QrReader.read(png));
    }

    @Test
    void writesAValidOneBitPngOfTheExpectedSize() throws Exception {
        QrRenderer renderer = new QrRenderer();
        QrMatrix matrix = renderer.encode(HC1);
        byte[] png = renderer.png(HC1, 4);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "ImageIO reads our PNG");
        assertEquals((matrix.size() + 2 * QrRenderer.QUIET_ZONE_MODULES) * 4, image.getWidth());
        assertEquals(0xffffffff, image.getRGB(0, 0), "quiet zone is white");
        assertTrue(png.length < 8 * 1024, "a 1-bit PNG stays small: " + png.length);
        assertTrue(matrix.version() >= 15 && matrix.version() <= 20, "version " + matrix.version());
    }

    @Test
    void stillDecodesWhenDownscaledToAPhoneScreen() {
        BufferedImage big = toImage(new QrRenderer().png(HC1, 6));
        // A phone shows the code ~250 px wide; smooth scaling blurs module edges as a screen would.
        BufferedImage small = new BufferedImage(250, 250, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(big, 0, 0, 250, 250, null);
        g.dispose();
        assertEquals(HC1, QrReader.read(small));
    }

    @Test
    void writesAnSvgWithOneDarkPath() {
        String svg = new QrRenderer().svg(HC1);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertTrue(svg.contains("<path fill=\"#000\" d=\"M"));
        assertTrue(svg.endsWith("</svg>"));
    }

    private static BufferedImage toImage(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static String randomBase45(int length) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
        SecureRandom random = new SecureRandom(new byte[] {42});
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
