package vn.thidua.awards.document;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The layout the service's documents share (minutes, cover submissions): A4, the Liberation Sans
 * that OpenPDF ships, embedded because the standard PDF fonts have no Vietnamese, and the
 * administrative-document header (issuer left, national motto right).
 */
public final class PdfLayout {
    private static final String FONT = "/font-fallback/LiberationSans-Regular.ttf";
    private static final BaseFont BASE = loadFont();

    public final Font normal = new Font(BASE, 11);
    public final Font small = new Font(BASE, 9);
    public final Font strong = new Font(BASE, 12, Font.BOLD);
    public final Font title = new Font(BASE, 15, Font.BOLD);

    /** What a document writes onto the page. */
    @FunctionalInterface
    public interface Content {
        void write(Document document) throws DocumentException;
    }

    public byte[] render(String documentTitle, Content content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 42, 42, 42);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(documentTitle);
            document.addCreator("Thi đua awards-service");
            document.open();
            content.write(document);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot lay out " + documentTitle, e);
        }
        return out.toByteArray();
    }

    /** The issuer (upper case) on the left, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc" on the right. */
    public void header(Document document, String issuer, String placeAndDate) throws DocumentException {
        PdfPTable top = new PdfPTable(new float[] {1, 1.3f});
        top.setWidthPercentage(100);
        top.addCell(plain(issuer.toUpperCase(Locale.ROOT), strong, Element.ALIGN_CENTER));
        top.addCell(plain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", strong, Element.ALIGN_CENTER));
        if (placeAndDate != null) {
            top.addCell(plain("", normal, Element.ALIGN_CENTER));
            top.addCell(plain(placeAndDate, normal, Element.ALIGN_CENTER));
        }
        document.add(top);
    }

    public void line(Document document, String text, float spacingBefore) throws DocumentException {
        paragraph(document, text, normal, Element.ALIGN_LEFT, spacingBefore);
    }

    public void heading(Document document, String text, float spacingBefore) throws DocumentException {
        paragraph(document, text, strong, Element.ALIGN_LEFT, spacingBefore);
    }

    public void centered(Document document, String text, Font font, float spacingBefore) throws DocumentException {
        paragraph(document, text, font, Element.ALIGN_CENTER, spacingBefore);
    }

    /** A table with a header row of small captions and the given relative column widths. */
    public PdfPTable table(float[] widths, String... captions) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        for (String caption : captions) {
            table.addCell(cell(caption, small, Element.ALIGN_CENTER));
        }
        return table;
    }

    /** Two signature blocks side by side. */
    public void signatures(Document document, String left, String right) throws DocumentException {
        PdfPTable signatures = new PdfPTable(2);
        signatures.setWidthPercentage(100);
        signatures.setSpacingBefore(24);
        signatures.addCell(plain(left, strong, Element.ALIGN_CENTER));
        signatures.addCell(plain(right, strong, Element.ALIGN_CENTER));
        document.add(signatures);
    }

    public static PdfPCell cell(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(4);
        return cell;
    }

    public static PdfPCell plain(String text, Font font, int alignment) {
        PdfPCell cell = cell(text, font, alignment);
        cell.setBorder(PdfPCell.NO_BORDER);
        return cell;
    }

    /** A percentage the Vietnamese way: decimal comma, no trailing zeros. */
    public static String percent(BigDecimal value) {
        return number(value) + "%";
    }

    public static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static void paragraph(Document document, String text, Font font, int alignment, float spacingBefore) throws DocumentException {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setAlignment(alignment);
        paragraph.setSpacingBefore(spacingBefore);
        document.add(paragraph);
    }

    private static BaseFont loadFont() {
        try (InputStream in = BaseFont.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("OpenPDF's fallback font " + FONT + " is missing from the class path");
            }
            return BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot read the font " + FONT, e);
        }
    }
}
