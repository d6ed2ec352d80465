package vn.thidua.awards.submission;

import com.lowagie.text.Element;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.thidua.awards.catalogue.AwardType;
import vn.thidua.awards.catalogue.RuleSet;
import vn.thidua.awards.document.DocumentSettings;
import vn.thidua.awards.document.PdfLayout;
import vn.thidua.awards.proposal.Proposal;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.clusters.ClusterYear;

/**
 * The tờ trình of the Chairman of the Provincial People's Committee to the Prime Minister (through the Ministry of
 * Home Affairs): the candidates by award, each with the cluster/block it led, its score and rank there, and the
 * Council's ballot result, and the documents each dossier holds (law-2025.md §4).
 */
@ApplicationScoped
public class SubmissionPdf {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final PdfLayout layout = new PdfLayout();
    private final DocumentSettings documents;
    private final ClusterDirectory clusters;

    public SubmissionPdf(DocumentSettings documents, ClusterDirectory clusters) {
        this.documents = documents;
        this.clusters = clusters;
    }

    byte[] render(ProvincialSubmission submission, List<Proposal> candidates) {
        Map<String, String> units = SubmissionService.unitNames(candidates);
        // whom it goes to and what it rests on come from the candidates' awards and the rule sets that judged them
        String recipient = candidates.stream().map(p -> AwardType.<AwardType>findById(p.awardTypeCode)).map(a -> a.decidingAuthority)
                .distinct().collect(Collectors.joining(", "));
        List<String> bases = candidates.stream().map(p -> RuleSet.<RuleSet>findById(p.ruleSetId)).map(r -> r.legalBasis).distinct().toList();
        String title = "Tờ trình đề nghị " + recipient + " khen thưởng năm " + submission.year;
        return layout.render(title, document -> {
            layout.header(document, "ỦY BAN NHÂN DÂN TỈNH\nSố: " + submission.number, documents.place() + ", ngày "
                    + submission.signedOn.getDayOfMonth() + " tháng " + submission.signedOn.getMonthValue() + " năm "
                    + submission.signedOn.getYear());
            layout.centered(document, "TỜ TRÌNH", layout.title, 18);
            layout.centered(document, "Về việc đề nghị tặng thưởng các hình thức khen thưởng cấp Nhà nước năm " + submission.year,
                    layout.strong, 4);
            layout.centered(document, "Kính gửi: " + recipient + " (qua Bộ Nội vụ)", layout.normal, 10);
            for (int i = 0; i < bases.size(); i++) {
                layout.line(document, "Căn cứ " + bases.get(i) + ";", i == 0 ? 14 : 2);
            }
            layout.line(document, "Căn cứ kết quả xét của Hội đồng Thi đua - Khen thưởng tỉnh (biên bản kèm theo hồ sơ từng trường hợp);", 2);
            layout.line(document, "Ủy ban nhân dân tỉnh kính đề nghị " + recipient + " xem xét, tặng thưởng cho "
                    + candidates.size() + " tập thể sau:", 10);
            var table = layout.table(new float[] {0.5f, 3.2f, 2.2f, 2.4f, 1.2f, 2.5f}, "TT", "Tập thể", "Hình thức",
                    "Cụm/khối (dẫn đầu)", "Điểm, hạng", "Kết quả bỏ phiếu của Hội đồng");
            int row = 1;
            for (Proposal p : candidates) {
                AwardType award = AwardType.findById(p.awardTypeCode);
                String cluster = clusters.find(p.clusterId).map(ClusterYear::name).orElse(p.clusterCode);
                table.addCell(PdfLayout.cell(String.valueOf(row++), layout.small, Element.ALIGN_CENTER));
                table.addCell(PdfLayout.cell(units.getOrDefault(p.unitCode, p.unitCode) + " (" + p.unitCode + ")", layout.small,
                        Element.ALIGN_LEFT));
                table.addCell(PdfLayout.cell(award == null ? p.awardTypeCode : award.name, layout.small, Element.ALIGN_LEFT));
                table.addCell(PdfLayout.cell(cluster, layout.small, Element.ALIGN_LEFT));
                table.addCell(PdfLayout.cell(p.rankingTotal == null ? "" : PdfLayout.number(p.rankingTotal)
                        + (p.rankingRank == null ? "" : ", hạng " + p.rankingRank), layout.small, Element.ALIGN_CENTER));
                table.addCell(PdfLayout.cell(p.councilResult == null ? "" : p.councilResult, layout.small, Element.ALIGN_LEFT));
            }
            document.add(table);
            layout.heading(document, "Hồ sơ kèm theo mỗi trường hợp:", 10);
            layout.line(document, "- Báo cáo thành tích có xác nhận của cấp trình;", 2);
            layout.line(document, "- Biên bản họp Hội đồng Thi đua - Khen thưởng tỉnh, có kết quả bỏ phiếu;", 2);
            layout.line(document, "- Biên bản kiểm phiếu suy tôn của cụm, khối thi đua.", 2);
            layout.line(document, "Hồ sơ được gửi điện tử qua Hệ thống quản lý hồ sơ thi đua, khen thưởng của Bộ Nội vụ.", 8);
            layout.signatures(document, "Nơi nhận:\n- Như trên;\n- Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương);\n- Lưu: VT, "
                    + documents.receivingBody() + ".", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\n" + submission.signedBy);
            layout.line(document, "Ký ngày " + DAY.format(submission.signedOn), 4);
        });
    }
}
