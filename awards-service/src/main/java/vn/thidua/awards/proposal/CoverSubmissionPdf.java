package vn.thidua.awards.proposal;

import java.time.format.DateTimeFormatter;
import vn.thidua.awards.document.PdfLayout;

/** Renders a {@link CoverSubmission} as the PDF that heads the dossier (tờ trình đề nghị khen thưởng). */
public final class CoverSubmissionPdf {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final PdfLayout layout = new PdfLayout();

    public byte[] render(CoverSubmission cover) {
        // a person is proposed by their own unit, which then heads and signs the submission; a unit by its cluster
        String proposer = cover.personName() != null ? cover.unitName() : cover.clusterName();
        return layout.render("Tờ trình đề nghị tặng " + cover.awardName() + " năm " + cover.year(), document -> {
            layout.header(document, proposer, cover.place() + ", ngày " + cover.date().getDayOfMonth() + " tháng "
                    + cover.date().getMonthValue() + " năm " + cover.date().getYear());
            layout.centered(document, "TỜ TRÌNH", layout.title, 18);
            layout.centered(document, "Về việc đề nghị tặng " + cover.awardName() + " năm " + cover.year(), layout.strong, 4);
            layout.centered(document, "Kính gửi: " + cover.recipient() + " (qua " + cover.receivingBody() + ")", layout.normal, 10);
            layout.line(document, "Căn cứ " + cover.legalBasis() + " (ngày " + DAY.format(cover.legalBasisDate()) + ");", 14);
            if (cover.ruleSetChosenBecause() != null) {
                layout.line(document, "(" + cover.ruleSetChosenBecause() + ")", 2);
            }
            if (cover.rank() != null) {
                layout.line(document, "Căn cứ kết quả chấm điểm, xếp hạng thi đua năm " + cover.year() + " của " + cover.clusterName() + ";", 2);
            }
            if (cover.voteDate() != null) {
                layout.line(document, "Căn cứ biên bản kiểm phiếu suy tôn ngày " + DAY.format(cover.voteDate()) + ",", 2);
            }
            StringBuilder proposal = new StringBuilder(proposer).append(" kính đề nghị ").append(cover.recipient())
                    .append(" xem xét, tặng ").append(cover.awardName()).append(" năm ").append(cover.year()).append(" cho ");
            if (cover.personName() != null) {
                proposal.append(cover.personName()).append(", ");
            }
            proposal.append(cover.unitName()).append(" (mã định danh ").append(cover.unitCode()).append(")");
            if (cover.rank() != null && cover.total() != null) {
                proposal.append(", đơn vị xếp thứ ").append(cover.rank()).append(" với ").append(PdfLayout.number(cover.total())).append(" điểm");
            }
            layout.line(document, proposal.append(".").toString(), 10);
            layout.heading(document, "Các hình thức khen thưởng đã nhận:", 10);
            if (cover.earlierAwards().isEmpty()) {
                layout.line(document, "- Chưa có trong sổ khen thưởng.", 2);
            }
            for (String award : cover.earlierAwards()) {
                layout.line(document, "- " + award, 2);
            }
            layout.heading(document, "Hồ sơ kèm theo:", 10);
            for (String attachment : cover.attachments()) {
                layout.line(document, "- " + attachment, 2);
            }
            layout.signatures(document, "Nơi nhận:\n- Như trên;\n- Lưu.", "TM. " + proposer.toUpperCase(java.util.Locale.ROOT)
                    + (cover.personName() != null ? "\nTHỦ TRƯỞNG ĐƠN VỊ" : "\nCỤM TRƯỞNG") + "\n(Ký, ghi rõ họ tên)");
        });
    }
}
