package vn.thidua.devstack;

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
import java.util.List;
import java.util.Locale;

/**
 * The demo's achievement report (báo cáo thành tích) of a unit for a year: one A4 page written with
 * OpenPDF in the Liberation Sans it ships (embedded, as the standard PDF fonts have no Vietnamese).
 * Its facts are the demo's own — the year-end report, the ranking and the vote, or the member
 * statistics — and it says on its face that it is demo material, not an official document.
 */
final class AchievementReportPdf {
    private static final String FONT = "/font-fallback/LiberationSans-Regular.ttf";

    /** What the report of a flag states; {@code rank}, {@code total} and the votes as the proposal carries them. */
    record Facts(String unitName, String unitCode, String clusterName, int year, String awardName, Integer rank, BigDecimal total,
                 int votesFor, int electorate) {
    }

    /** Any report: the unit's profile (section I) and its achievements, one numbered paragraph each (section II). */
    record Report(String unitName, String unitCode, int year, String awardName, String profile, List<String> achievements) {
    }

    private AchievementReportPdf() {
    }

    /** The report of a flag: the unit led its cluster, and says how it scored and was voted. */
    static byte[] render(Facts facts) {
        String ranking = facts.rank() == null ? "chưa có kết quả chấm điểm"
                : "xếp thứ " + facts.rank() + " với " + number(facts.total()) + " điểm";
        return render(new Report(facts.unitName(), facts.unitCode(), facts.year(), facts.awardName(),
                facts.unitName() + " (mã định danh " + facts.unitCode() + "), thành viên " + facts.clusterName()
                        + " của tỉnh Thanh Hóa, đơn vị dẫn đầu cụm năm " + facts.year() + ".",
                List.of("Hoàn thành 100% chỉ tiêu công tác năm theo giao ước thi đua; nhân rộng 21 mô hình, điển hình "
                                + "tiên tiến, vượt kế hoạch đã đăng ký (20 mô hình).",
                        "Đổi mới nội dung và hình thức tuyên truyền, giáo dục hướng về cơ sở; đoàn viên tích cực tham gia "
                                + "công tác xã hội, từ thiện và xây dựng các mô hình, điển hình tiên tiến.",
                        "Đẩy mạnh phong trào thi đua yêu nước, trọng tâm là xây dựng nông thôn mới gắn với văn minh đô thị.",
                        "Kết quả chấm điểm thi đua năm " + facts.year() + " của " + facts.clusterName() + ": " + ranking
                                + "; được " + facts.votesFor() + "/" + facts.electorate() + " đơn vị thành viên suy tôn dẫn đầu cụm.")));
    }

    static byte[] render(Report facts) {
        BaseFont base = font();
        Font normal = new Font(base, 11);
        Font strong = new Font(base, 12, Font.BOLD);
        Font title = new Font(base, 15, Font.BOLD);
        Font note = new Font(base, 9, Font.ITALIC);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 42, 42, 42);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Báo cáo thành tích năm " + facts.year() + " – " + facts.unitName());
            document.addCreator("Thi đua devstack (demo data)");
            document.open();

            PdfPTable header = new PdfPTable(new float[] {1, 1.3f});
            header.setWidthPercentage(100);
            // the issuer on two lines, as administrative documents set it: "LIÊN ĐOÀN LAO ĐỘNG / TỈNH THANH HÓA"
            header.addCell(plain(facts.unitName().toUpperCase(Locale.forLanguageTag("vi-VN")).replaceFirst(" TỈNH ", "\nTỈNH "), strong));
            header.addCell(plain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", strong));
            document.add(header);

            paragraph(document, "BÁO CÁO THÀNH TÍCH NĂM " + facts.year(), title, Element.ALIGN_CENTER, 24);
            paragraph(document, "Đề nghị tặng " + facts.awardName(), strong, Element.ALIGN_CENTER, 4);

            paragraph(document, "I. Sơ lược về đơn vị", strong, Element.ALIGN_LEFT, 18);
            paragraph(document, facts.profile(), normal, Element.ALIGN_LEFT, 4);

            paragraph(document, "II. Thành tích đạt được", strong, Element.ALIGN_LEFT, 12);
            for (int i = 0; i < facts.achievements().size(); i++) {
                paragraph(document, (i + 1) + ". " + facts.achievements().get(i), normal, Element.ALIGN_LEFT, 4);
            }

            PdfPTable signature = new PdfPTable(new float[] {1, 1.3f});
            signature.setWidthPercentage(100);
            signature.setSpacingBefore(24);
            signature.addCell(plain("", normal));
            signature.addCell(plain("THỦ TRƯỞNG ĐƠN VỊ\n(ký, ghi rõ họ tên, đóng dấu)", strong));
            document.add(signature);

            paragraph(document, "Tài liệu minh họa của dữ liệu demo (./thidua up), không phải văn bản chính thức.", note,
                    Element.ALIGN_LEFT, 48);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot lay out the achievement report", e);
        }
        return out.toByteArray();
    }

    private static void paragraph(Document document, String text, Font font, int alignment, float spacingBefore) throws DocumentException {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setAlignment(alignment);
        paragraph.setSpacingBefore(spacingBefore);
        document.add(paragraph);
    }

    private static PdfPCell plain(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        cell.setBorder(PdfPCell.NO_BORDER);
        return cell;
    }

    /** Vietnamese style: decimal comma, no trailing zeros. */
    private static String number(BigDecimal value) {
        return value == null ? "?" : value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static BaseFont font() {
        try (InputStream in = BaseFont.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("OpenPDF's fallback font " + FONT + " is missing from the class path");
            }
            return BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot load " + FONT, e);
        }
    }
}
