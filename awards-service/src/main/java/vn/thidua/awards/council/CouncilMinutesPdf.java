package vn.thidua.awards.council;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.PdfPTable;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.thidua.awards.catalogue.CouncilReview;
import vn.thidua.awards.council.CouncilResult.Outcome;
import vn.thidua.awards.document.PdfLayout;

/**
 * Renders {@link CouncilMinutes} as the minutes the Council files (biên bản họp xét khen thưởng), which go
 * into each candidate's dossier for the higher level (law-2025.md §4): who sat, the quorum and its source,
 * and one row per candidate with the cluster or block it leads and the ballot's result.
 */
public final class CouncilMinutesPdf {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final PdfLayout layout = new PdfLayout();

    public byte[] render(CouncilMinutes minutes) {
        return layout.render("Biên bản họp xét khen thưởng năm " + minutes.year(), document -> {
            layout.header(document, "Hội đồng Thi đua - Khen thưởng tỉnh", minutes.province() + ", ngày " + minutes.heldOn().getDayOfMonth()
                    + " tháng " + minutes.heldOn().getMonthValue() + " năm " + minutes.heldOn().getYear());
            layout.centered(document, "BIÊN BẢN HỌP XÉT KHEN THƯỞNG", layout.title, 18);
            layout.centered(document, (minutes.body() == CouncilReview.Body.COUNCIL ? "Phiên họp Hội đồng" : "Phiên họp Thường trực Hội đồng")
                    + " xét đề nghị khen thưởng năm " + minutes.year(), layout.strong, 4);
            body(document, minutes);
        });
    }

    private void body(Document document, CouncilMinutes minutes) throws DocumentException {
        layout.line(document, "Hội đồng: " + minutes.termName() + " (thành lập theo " + minutes.termDecision() + " ngày "
                + DAY.format(minutes.termDecisionDate()) + ").", 14);
        layout.line(document, "Thời gian: ngày " + DAY.format(minutes.heldOn()) + ". Địa điểm: " + minutes.place() + ".", 2);
        layout.line(document, "Hình thức: bỏ phiếu kín; mỗi thành viên một phiếu.", 2);
        String whoSits = minutes.body() == CouncilReview.Body.COUNCIL ? "thành viên Hội đồng" : "thành viên Thường trực Hội đồng";
        layout.line(document, "Tổng số " + whoSits + ": " + minutes.roll().size() + "; có mặt: " + minutes.present().size()
                + "; có ý kiến bằng văn bản: " + minutes.written().size() + ".", 8);
        layout.line(document, "Thành viên có mặt: " + list(minutes.present()) + ".", 2);
        layout.line(document, "Thành viên vắng có ý kiến bằng văn bản: " + list(minutes.written()) + ".", 2);
        List<String> absent = minutes.roll().stream().filter(m -> !minutes.present().contains(m) && !minutes.written().contains(m)).toList();
        layout.line(document, "Thành viên vắng không có ý kiến: " + list(absent) + ".", 2);
        for (CouncilMinutes.Rules rules : minutes.rules()) {
            layout.line(document, "Xét " + rules.awardName() + " theo " + rules.citation() + ": túc số " + rules.quorum() + " " + whoSits
                    + " tham gia (" + (rules.writtenOpinionsCount() ? "tính cả" : "không tính") + " ý kiến bằng văn bản), tham gia "
                    + rules.takingPart() + "/" + minutes.roll().size() + " - " + (rules.quorumMet() ? "đạt" : "KHÔNG đạt") + "; tỷ lệ đề nghị: "
                    + (rules.strictlyAbove() ? "trên " : "từ ") + rules.threshold() + (rules.strictlyAbove() ? "" : " trở lên") + " "
                    + (rules.allMembers() ? "tổng số thành viên" : "số thành viên tham gia") + ".", 6);
        }
        layout.heading(document, "Kết quả bỏ phiếu", 12);
        PdfPTable table = layout.table(new float[] {0.5f, 3, 2.2f, 2.2f, 1.4f, 1, 1, 1, 1.2f, 1.6f},
                "TT", "Đơn vị", "Hình thức khen thưởng", "Cụm, khối thi đua dẫn đầu", "Điểm, hạng trong cụm", "Đồng ý", "Không đồng ý",
                "Không biểu thị", "Cơ sở / cần", "Kết quả");
        int row = 1;
        for (CouncilMinutes.Candidate candidate : minutes.candidates()) {
            CouncilResult.CandidateResult result = candidate.result();
            cell(table, Integer.toString(row++), Element.ALIGN_CENTER);
            cell(table, candidate.unitName() + "\n" + candidate.unitCode(), Element.ALIGN_LEFT);
            cell(table, candidate.awardName(), Element.ALIGN_LEFT);
            cell(table, candidate.clusterName() + "\n" + candidate.clusterCode(), Element.ALIGN_LEFT);
            cell(table, (candidate.rankingTotal() == null ? "-" : PdfLayout.number(candidate.rankingTotal())) + " điểm, hạng "
                    + (candidate.rankingRank() == null ? "-" : candidate.rankingRank()), Element.ALIGN_CENTER);
            // below the minimum of ballots no figure is written: one or two ballots' count is those members' choices
            cell(table, result.countsShown() ? Integer.toString(result.votesFor()) : "-", Element.ALIGN_CENTER);
            cell(table, result.countsShown() ? Integer.toString(result.votesAgainst()) : "-", Element.ALIGN_CENTER);
            cell(table, result.countsShown() ? Integer.toString(result.abstentions()) : "-", Element.ALIGN_CENTER);
            cell(table, result.basisCount() + " / " + result.needed(), Element.ALIGN_CENTER);
            cell(table, result.outcome() == Outcome.RECOMMENDED ? "Đề nghị khen thưởng" : result.countsShown() ? "Không đề nghị"
                    : result.outcome() == Outcome.NO_QUORUM ? "Không đủ túc số, không đề nghị"
                    : "Không đủ " + result.minimumBallotsForCounts() + " phiếu: không kiểm phiếu, không đề nghị", Element.ALIGN_CENTER);
        }
        document.add(table);
        List<String> recommended = minutes.candidates().stream().filter(c -> c.result().outcome() == Outcome.RECOMMENDED)
                .map(c -> c.unitName() + " (" + c.awardName() + ")").toList();
        layout.line(document, "Kết luận: " + (recommended.isEmpty() ? "Hội đồng không đề nghị khen thưởng đơn vị nào."
                : "Hội đồng đề nghị khen thưởng: " + String.join("; ", recommended) + "."), 14);
        layout.signatures(document, "THƯ KÝ HỘI ĐỒNG\n(Ký, ghi rõ họ tên)", "CHỦ TỊCH HỘI ĐỒNG\n(Ký, ghi rõ họ tên)");
    }

    private void cell(PdfPTable table, String text, int alignment) {
        table.addCell(PdfLayout.cell(text, layout.small, alignment));
    }

    private static String list(List<String> names) {
        return names.isEmpty() ? "không có" : String.join(", ", names);
    }
}
