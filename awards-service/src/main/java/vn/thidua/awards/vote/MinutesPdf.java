package vn.thidua.awards.vote;

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
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import vn.thidua.awards.catalogue.RuleSetDefinition.VotingBasis;
import vn.thidua.awards.vote.VoteResult.CandidateResult;
import vn.thidua.awards.vote.VoteResult.ContestResult;

/**
 * Renders {@link Minutes} as the PDF the Board files (biên bản kiểm phiếu). The font is the
 * Liberation Sans that OpenPDF ships, embedded, because the standard PDF fonts have no Vietnamese.
 */
public final class MinutesPdf {
    private static final String FONT = "/font-fallback/LiberationSans-Regular.ttf";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final BaseFont BASE = loadFont();

    private final Font normal = new Font(BASE, 11);
    private final Font small = new Font(BASE, 9);
    private final Font strong = new Font(BASE, 12, Font.BOLD);
    private final Font title = new Font(BASE, 15, Font.BOLD);

    public byte[] render(Minutes minutes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 42, 42, 42);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Biên bản kiểm phiếu " + minutes.clusterName() + " " + minutes.year());
            document.addCreator("Thi đua awards-service");
            document.open();
            header(document, minutes);
            body(document, minutes);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot lay out the minutes", e);
        }
        return out.toByteArray();
    }

    private void header(Document document, Minutes minutes) throws DocumentException {
        PdfPTable top = new PdfPTable(new float[] {1, 1.3f});
        top.setWidthPercentage(100);
        top.addCell(plain(minutes.clusterName().toUpperCase(java.util.Locale.ROOT), strong, Element.ALIGN_CENTER));
        top.addCell(plain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", strong, Element.ALIGN_CENTER));
        document.add(top);
        centered(document, minutes.published() ? "BIÊN BẢN KIỂM PHIẾU" : "BIÊN BẢN KIỂM PHIẾU (DỰ THẢO - CHƯA CÔNG BỐ)", title, 18);
        centered(document, subject(minutes), strong, 4);
        if (minutes.runoff()) {
            centered(document, "(Bỏ phiếu lại)", normal, 2);
        }
    }

    private void body(Document document, Minutes minutes) throws DocumentException {
        VoteResult result = minutes.result();
        line(document, "Căn cứ: " + minutes.legalBasis() + " (ngày " + DAY.format(minutes.legalBasisDate()) + ").", 14);
        line(document, "Hình thức: " + (minutes.secret() ? "bỏ phiếu kín" : "biểu quyết") + "; mỗi đơn vị thành viên một phiếu.", 2);
        line(document, "Bắt đầu bỏ phiếu lúc " + time(minutes.openedAt()) + "; kết thúc lúc " + time(minutes.closedAt()) + ".", 2);
        line(document, "Đơn vị thành viên có quyền bỏ phiếu: " + minutes.roll().size() + "; số đơn vị đã bỏ phiếu (có mặt): "
                + minutes.present().size() + ".", 8);
        line(document, "Các đơn vị đã bỏ phiếu: " + names(minutes, minutes.present()) + ".", 2);
        List<String> absent = minutes.roll().stream().filter(unit -> !minutes.present().contains(unit)).toList();
        line(document, "Các đơn vị không bỏ phiếu: " + (absent.isEmpty() ? "không có" : names(minutes, absent)) + ".", 2);
        line(document, "Số phiếu thu về: " + result.ballotsCast() + "; số phiếu hợp lệ: " + result.ballotsCast() + ".", 2);
        line(document, "Túc số: " + percent(result.quorumPercent()) + " số đơn vị thành viên - "
                + (result.quorumMet() ? "đạt." : "KHÔNG đạt; cuộc bỏ phiếu không có giá trị."), 2);
        line(document, "Tỷ lệ trúng cử: " + (result.strictlyAbove() ? "trên " : "từ ") + percent(result.thresholdPercent())
                + (result.strictlyAbove() ? "" : " trở lên") + " " + (result.basis() == VotingBasis.ALL_MEMBERS
                ? "tổng số đơn vị thành viên" : "số đơn vị có mặt") + " (" + result.basisCount() + ").", 2);
        for (ContestResult contest : result.contests()) {
            contest(document, minutes, contest);
        }
        line(document, "Kết luận: " + conclusion(minutes), 14);
        PdfPTable signatures = new PdfPTable(2);
        signatures.setWidthPercentage(100);
        signatures.setSpacingBefore(24);
        signatures.addCell(plain("ĐẠI DIỆN BAN THI ĐUA - KHEN THƯỞNG\n(Ký, ghi rõ họ tên)", strong, Element.ALIGN_CENTER));
        signatures.addCell(plain("TRƯỞNG BAN KIỂM PHIẾU\n(Ký, ghi rõ họ tên)", strong, Element.ALIGN_CENTER));
        document.add(signatures);
    }

    private void contest(Document document, Minutes minutes, ContestResult contest) throws DocumentException {
        Paragraph heading = new Paragraph(contestTitle(minutes, contest), strong);
        heading.setSpacingBefore(12);
        document.add(heading);
        PdfPTable table = new PdfPTable(new float[] {0.5f, 4, 1, 1.2f, 1.2f, 1.2f, 1.6f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        for (String column : List.of("TT", "Đơn vị", "Đồng ý", "Không đồng ý", "Không biểu thị", "Tỷ lệ đồng ý", "Kết quả")) {
            table.addCell(cell(column, small, Element.ALIGN_CENTER));
        }
        int row = 1;
        for (CandidateResult candidate : contest.candidates()) {
            table.addCell(cell(Integer.toString(row++), normal, Element.ALIGN_CENTER));
            table.addCell(cell(minutes.nameOf(candidate.unitCode()) + "\n" + candidate.unitCode(), normal, Element.ALIGN_LEFT));
            table.addCell(cell(Integer.toString(candidate.votesFor()), normal, Element.ALIGN_CENTER));
            table.addCell(cell(Integer.toString(candidate.votesAgainst()), normal, Element.ALIGN_CENTER));
            table.addCell(cell(Integer.toString(candidate.abstentions()), normal, Element.ALIGN_CENTER));
            table.addCell(cell(percent(candidate.percentFor()), normal, Element.ALIGN_CENTER));
            table.addCell(cell(candidate.elected() ? "Trúng cử" : candidate.reachedThreshold() ? "Đạt tỷ lệ" : "Không đạt", normal,
                    Element.ALIGN_CENTER));
        }
        document.add(table);
    }

    private static String subject(Minutes minutes) {
        return minutes.purpose() == Purpose.LEAD_AND_PROPOSE
                ? "Suy tôn đơn vị dẫn đầu " + minutes.clusterName() + " năm " + minutes.year() + " đề nghị tặng " + minutes.awardName()
                : "Bầu cụm trưởng, cụm phó " + minutes.clusterName() + " năm " + minutes.leadsYear();
    }

    private static String contestTitle(Minutes minutes, ContestResult contest) {
        String places = contest.seats() > 1 ? " (" + contest.seats() + " đơn vị)" : "";
        return switch (contest.contest()) {
            case LEAD -> "Suy tôn đơn vị dẫn đầu, đề nghị tặng " + minutes.awardName() + places;
            case LEADER -> "Bầu cụm trưởng năm " + minutes.leadsYear();
            case DEPUTY -> "Bầu cụm phó năm " + minutes.leadsYear();
        };
    }

    private static String conclusion(Minutes minutes) {
        VoteResult result = minutes.result();
        if (result.outcome() == VoteResult.Outcome.NO_QUORUM) {
            return "không đủ túc số; phải tổ chức bỏ phiếu lại.";
        }
        StringBuilder text = new StringBuilder();
        for (ContestResult contest : result.contests()) {
            String what = switch (contest.contest()) {
                case LEAD -> "dẫn đầu, đề nghị tặng " + minutes.awardName();
                case LEADER -> "cụm trưởng năm " + minutes.leadsYear();
                case DEPUTY -> "cụm phó năm " + minutes.leadsYear();
            };
            if (!contest.elected().isEmpty()) {
                text.append(names(minutes, contest.elected())).append(" trúng cử ").append(what).append("; ");
            }
            if (!contest.filled()) {
                text.append("chưa có đơn vị trúng cử ").append(what);
                text.append(contest.runoffCandidates().isEmpty() ? "" : ", bỏ phiếu lại giữa " + names(minutes, contest.runoffCandidates()));
                text.append("; ");
            }
        }
        return text.length() == 0 ? "không có đơn vị trúng cử." : text.substring(0, text.length() - 2) + ".";
    }

    private static String names(Minutes minutes, List<String> units) {
        return units.stream().map(minutes::nameOf).collect(Collectors.joining(", "));
    }

    private static String time(java.time.ZonedDateTime at) {
        return at == null ? "-" : DateTimeFormatter.ofPattern("HH 'giờ' mm', ngày' dd/MM/yyyy").format(at);
    }

    private static String percent(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',') + "%";
    }

    private void line(Document document, String text, float spacingBefore) throws DocumentException {
        Paragraph paragraph = new Paragraph(text, normal);
        paragraph.setSpacingBefore(spacingBefore);
        document.add(paragraph);
    }

    private static void centered(Document document, String text, Font font, float spacingBefore) throws DocumentException {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setAlignment(Element.ALIGN_CENTER);
        paragraph.setSpacingBefore(spacingBefore);
        document.add(paragraph);
    }

    private static PdfPCell plain(String text, Font font, int alignment) {
        PdfPCell cell = cell(text, font, alignment);
        cell.setBorder(PdfPCell.NO_BORDER);
        return cell;
    }

    private static PdfPCell cell(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(4);
        return cell;
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
