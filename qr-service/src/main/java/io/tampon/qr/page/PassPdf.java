package io.tampon.qr.page;

import io.tampon.qr.issuing.StoredPass;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** The pass as a one-page A4 PDF (Apache PDFBox): the QR large enough to scan from paper, and the page's facts. */
final class PassPdf {

    private static final float MARGIN = 56;

    private PassPdf() {
    }

    static byte[] render(StoredPass pass, PatientPage.Facts facts) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDImageXObject qr = LosslessFactory.createFromImage(document,
                    ImageIO.read(new ByteArrayInputStream(pass.qrPng())));
            float width = page.getMediaBox().getWidth();
            float top = page.getMediaBox().getHeight() - MARGIN;
            float qrSize = 340; // 12 cm: comfortably scannable from paper
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                text(content, bold, 20, MARGIN, top - 20, facts.title());
                content.drawImage(qr, (width - qrSize) / 2, top - 60 - qrSize, qrSize, qrSize);
                float y = top - 100 - qrSize;
                for (String[] line : facts.lines()) {
                    text(content, bold, 12, MARGIN, y, line[0]);
                    text(content, regular, 12, MARGIN + 150, y, line[1]);
                    y -= 22;
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the PDF", e);
        }
    }

    private static void text(PDPageContentStream content, PDType1Font font, float size, float x, float y,
                             String text) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(winAnsi(text));
        content.endText();
    }

    /** The standard PDF fonts cover Latin-1 (é, ü, ß...); anything beyond is folded to its base letter. */
    static String winAnsi(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c < 0x100) {
                out.append(c);
            } else {
                String folded = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                char base = folded.charAt(0);
                out.append(base < 0x100 ? base : '?');
            }
        }
        return out.toString();
    }
}
