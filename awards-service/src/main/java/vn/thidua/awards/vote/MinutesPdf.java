package vn.thidua.awards.vote;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.PdfPTable;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import vn.thidua.awards.catalogue.RuleSetDefinition.VotingBasis;
import vn.thidua.awards.document.PdfLayout;
import vn.thidua.awards.vote.VoteResult.CandidateResult;
import vn.thidua.awards.vote.VoteResult.ContestResult;

/** Renders {@link Minutes} as the PDF the Board files (biên bản kiểm phiếu). */
public final class MinutesPdf {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final PdfLayout layout = new PdfLayout();

    public byte[] render(Minutes minutes) {
        return layout.render("Biên bản kiểm phiếu " + minutes.clusterName() + " " + minutes.year(), document -> {
            layout.header(document, minutes.clusterName(), minutes.heldOn() == null ? null : minutes.place() + ", ngày "
                    + minutes.heldOn().getDayOfMonth() + " tháng " + minutes.heldOn().getMonthValue() + " năm " + minutes.heldOn().getYear());
            layout.centered(document, minutes.published() ? "BIÊN BẢN KIỂM PHIẾU" : "BIÊN BẢN KIỂM PHIẾU (DỰ THẢO - CHƯA CÔNG BỐ)",
                    layout.title, 18);
            layout.centered(document, subject(minutes), layout.strong, 4);
            if (minutes.runoff()) {
                layout.centered(document, "(Bỏ phiếu lại)", layout.normal, 2);
            }
            body(document, minutes);
        });
    }

    private void body(Document document, Minutes minutes) throws DocumentException {
        VoteResult result = minutes.result();
        layout.line(document, "Căn cứ: " + minutes.legalBasis() + " (ngày " + DAY.format(minutes.legalBasisDate()) + ").", 14);
        if (minutes.ruleSetChosenBecause() != null) {
            layout.line(document, "(" + minutes.ruleSetChosenBecause() + ")", 2);
        }
        layout.line(document, "Hình thức: " + (minutes.secret() ? "bỏ phiếu kín" : "biểu quyết") + "; mỗi đơn vị thành viên một phiếu.", 2);
        layout.line(document, "Bắt đầu bỏ phiếu lúc " + time(minutes.openedAt()) + "; kết thúc lúc " + time(minutes.closedAt()) + ".", 2);
        layout.line(document, "Đơn vị thành viên có quyền bỏ phiếu: " + minutes.roll().size() + "; số đơn vị đã bỏ phiếu (có mặt): "
                + minutes.present().size() + ".", 8);
        layout.line(document, "Các đơn vị đã bỏ phiếu: " + names(minutes, minutes.present()) + ".", 2);
        List<String> absent = minutes.roll().stream().filter(unit -> !minutes.present().contains(unit)).toList();
        layout.line(document, "Các đơn vị không bỏ phiếu: " + (absent.isEmpty() ? "không có" : names(minutes, absent)) + ".", 2);
        layout.line(document, "Số phiếu thu về: " + result.ballotsCast() + "; số phiếu hợp lệ: " + result.ballotsCast() + ".", 2);
        layout.line(document, "Túc số: " + share(result.quorumPercent(), result.quorumFraction()) + " số đơn vị thành viên - "
                + (result.quorumMet() ? "đạt." : "KHÔNG đạt; cuộc bỏ phiếu không có giá trị."), 2);
        layout.line(document, "Tỷ lệ trúng cử: " + (result.strictlyAbove() ? "trên " : "từ ") + share(result.thresholdPercent(), result.thresholdFraction())
                + (result.strictlyAbove() ? "" : " trở lên") + " " + (result.basis() == VotingBasis.ALL_MEMBERS
                ? "tổng số đơn vị thành viên" : "số đơn vị có mặt") + " (" + result.basisCount() + ").", 2);
        if (result.outcome() == VoteResult.Outcome.TOO_FEW_BALLOTS) {
            layout.line(document, "Số phiếu thu về ít hơn " + result.minimumBallotsForCounts()
                    + " phiếu: không kiểm phiếu theo từng đơn vị để giữ bí mật lá phiếu.", 2);
        }
        for (ContestResult contest : result.contests()) {
            contest(document, minutes, contest);
        }
        layout.line(document, "Kết luận: " + conclusion(minutes), 14);
        layout.signatures(document, "ĐẠI DIỆN BAN THI ĐUA - KHEN THƯỞNG\n(Ký, ghi rõ họ tên)", "TRƯỞNG BAN KIỂM PHIẾU\n(Ký, ghi rõ họ tên)");
    }

    private void contest(Document document, Minutes minutes, ContestResult contest) throws DocumentException {
        layout.heading(document, contestTitle(minutes, contest), 12);
        PdfPTable table = layout.table(new float[] {0.5f, 4, 1, 1.2f, 1.2f, 1.2f, 1.6f},
                "TT", "Đơn vị", "Đồng ý", "Không đồng ý", "Không biểu thị", "Tỷ lệ đồng ý", "Kết quả");
        int row = 1;
        for (CandidateResult candidate : contest.candidates()) {
            table.addCell(PdfLayout.cell(Integer.toString(row++), layout.normal, Element.ALIGN_CENTER));
            table.addCell(PdfLayout.cell(minutes.nameOf(candidate.unitCode()) + "\n" + candidate.unitCode(), layout.normal, Element.ALIGN_LEFT));
            table.addCell(PdfLayout.cell(Integer.toString(candidate.votesFor()), layout.normal, Element.ALIGN_CENTER));
            table.addCell(PdfLayout.cell(Integer.toString(candidate.votesAgainst()), layout.normal, Element.ALIGN_CENTER));
            table.addCell(PdfLayout.cell(Integer.toString(candidate.abstentions()), layout.normal, Element.ALIGN_CENTER));
            table.addCell(PdfLayout.cell(PdfLayout.percent(candidate.percentFor()), layout.normal, Element.ALIGN_CENTER));
            table.addCell(PdfLayout.cell(candidate.elected() ? "Trúng cử" : candidate.reachedThreshold() ? "Đạt tỷ lệ" : "Không đạt",
                    layout.normal, Element.ALIGN_CENTER));
        }
        document.add(table);
    }

    /** A share as the regulation states it: "2/3" or "66,67%". */
    private static String share(java.math.BigDecimal percent, String fraction) {
        return fraction != null ? fraction : PdfLayout.percent(percent);
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
        if (result.outcome() == VoteResult.Outcome.TOO_FEW_BALLOTS) {
            return "không đủ số phiếu tối thiểu để kiểm phiếu; phải tổ chức bỏ phiếu lại.";
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

    private static String time(ZonedDateTime at) {
        return at == null ? "-" : DateTimeFormatter.ofPattern("HH 'giờ' mm', ngày' dd/MM/yyyy").format(at);
    }
}
