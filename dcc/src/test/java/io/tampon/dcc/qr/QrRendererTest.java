package io.tampon.dcc.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QrRendererTest {

    /** A realistic HC1 string: ~560 characters of Base45, like a real test certificate. */
    static final String HC1 = "HC1:" + randomBase45(new Random(42), 556);

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 1, 2, 3, 4, 5, 6, 7})
    void everyMaskDecodesBackToTheExactText(int mask) {
        byte[] png = new QrRenderer(mask).png(HC1, 4);
        assertEquals(HC1, QrReader.read(png));
    }

    /**
     * The fixed default mask must be about as findable by ZXing's detector as ZXing's own mask choice. Measured on
     * 150 fixed pseudo-random HC1 strings (a seeded generator: the same inputs every run).
     */
    @Test
    void theDefaultMaskIsAsFindableAsZxingsOwnChoice() {
        Random random = new Random(2021);
        int missedFixed = 0;
        int missedAutomatic = 0;
        for (int i = 0; i < 150; i++) {
            String hc1 = "HC1:" + randomBase45(random, 540 + random.nextInt(40));
            missedFixed += QrReader.detectable(toImage(new QrRenderer().png(hc1, 4))) ? 0 : 1;
            missedAutomatic += QrReader.detectable(toImage(new QrRenderer(-1).png(hc1, 4))) ? 0 : 1;
        }
        assertTrue(missedFixed <= missedAutomatic + 3,
                "default mask missed " + missedFixed + "/150, ZXing's choice " + missedAutomatic + "/150");
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
        assertTrue(QrReader.detectable(small), "found by the detector, as a camera app would find it");
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

    static String randomBase45(Random random, int length) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
