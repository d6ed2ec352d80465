package vn.thidua.awards.proposal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.thidua.platform.web.Table;

/**
 * The list of proposals that goes with a cover submission (danh sách đề nghị khen thưởng kèm theo
 * tờ trình), as the Board prints and files it: Vietnamese headers, one numbered line per proposal.
 */
final class ProposalListTable {
    static final List<String> HEADERS = List.of("TT", "Tên tập thể", "Mã định danh", "Cụm/khối thi đua", "Hình thức khen thưởng", "Năm",
            "Điểm", "Xếp hạng", "Trạng thái / Số quyết định");
    /** A list with persons in it: the name column names a person, then the unit that proposed them. */
    static final List<String> WITH_PERSONS = List.of("TT", "Tên tập thể, cá nhân", "Mã định danh", "Cụm/khối thi đua", "Hình thức khen thưởng",
            "Năm", "Điểm", "Xếp hạng", "Trạng thái / Số quyết định");
    static final String SHEET = "Danh sách";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** One proposal, names resolved; {@code personName} for a person's, null for a unit's. */
    record Line(String unitName, String unitCode, String clusterName, String awardName, int year, BigDecimal total, Integer rank,
                ProposalStatus status, String decisionNumber, LocalDate decisionDate, String decidingAuthority, String personName) {
        Line(String unitName, String unitCode, String clusterName, String awardName, int year, BigDecimal total, Integer rank,
             ProposalStatus status, String decisionNumber, LocalDate decisionDate, String decidingAuthority) {
            this(unitName, unitCode, clusterName, awardName, year, total, rank, status, decisionNumber, decisionDate, decidingAuthority, null);
        }

        String name() {
            return personName == null ? unitName : personName + " (" + unitName + ")";
        }
    }

    private ProposalListTable() {
    }

    /** @param filters what the list was narrowed to, each as a line under the title ("Hình thức khen thưởng: …") */
    static Table of(int year, List<String> filters, List<Line> lines) {
        List<String> titles = new ArrayList<>();
        titles.add("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM " + year);
        titles.add("(Kèm theo Tờ trình đề nghị khen thưởng)");
        titles.addAll(filters);
        List<List<Object>> rows = new ArrayList<>();
        int number = 1;
        for (Line line : lines) {
            List<Object> row = new ArrayList<>();
            row.add(number++);
            row.add(line.name());
            row.add(line.unitCode());
            row.add(line.clusterName());
            row.add(line.awardName());
            row.add(line.year());
            row.add(line.total() == null ? "" : line.total());
            row.add(line.rank() == null ? "" : line.rank());
            row.add(statusText(line));
            rows.add(row);
        }
        return new Table(titles, lines.stream().anyMatch(line -> line.personName() != null) ? WITH_PERSONS : HEADERS, rows);
    }

    /** Where the proposal stands, in the words of the printed list; a decided (or revoked) one names its decision. */
    static String statusText(Line line) {
        String decision = line.decisionNumber() == null ? "" : "Quyết định số " + line.decisionNumber()
                + (line.decisionDate() == null ? "" : " ngày " + DAY.format(line.decisionDate()))
                + (line.decidingAuthority() == null ? "" : " của " + line.decidingAuthority());
        return switch (line.status()) {
            case DRAFT -> "Đang soạn hồ sơ";
            case SUBMITTED -> "Đã trình";
            case RETURNED -> "Trả lại để bổ sung";
            case UNDER_APPRAISAL -> "Đang thẩm định";
            case APPRAISED -> "Đã thẩm định";
            case COUNCIL_REVIEW -> "Hội đồng Thi đua - Khen thưởng đang xét";
            case RECOMMENDED -> "Hội đồng Thi đua - Khen thưởng đề nghị";
            case FORWARDED -> "Đã trình cấp trên (qua Bộ Nội vụ)";
            case DECIDED -> decision;
            case REJECTED -> "Không được khen thưởng";
            case REVOKED -> "Đã hủy bỏ: " + decision;
        };
    }

    /** The status as a filter line names it. */
    static String statusName(ProposalStatus status) {
        return switch (status) {
            case DECIDED -> "Đã có quyết định";
            case REVOKED -> "Đã hủy bỏ";
            default -> statusText(new Line(null, null, null, null, 0, null, null, status, null, null, null));
        };
    }
}
