package vn.thidua.scoring.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.thidua.platform.web.Table;
import vn.thidua.scoring.criteria.CriteriaSet;
import vn.thidua.scoring.criteria.Criterion;
import vn.thidua.scoring.criteria.Stage;
import vn.thidua.platform.units.KnownUnit;

/** One score sheet (phiếu chấm) as it is printed and signed: every criterion, its maximum and the points given. */
final class SheetTable {
    private SheetTable() {
    }

    static Table of(ScoreSheet sheet, CriteriaSet set, List<Score> scores) {
        Map<Long, Score> byCriterion = scores.stream().collect(Collectors.toMap(s -> s.key.criterionId(), Function.identity()));
        Map<String, String> names = KnownUnit.namesOf(sheet.scorerCode == null ? List.of(sheet.unitCode) : List.of(sheet.unitCode, sheet.scorerCode));
        List<String> titles = new ArrayList<>();
        titles.add("PHIẾU CHẤM ĐIỂM THI ĐUA – " + switch (sheet.stage) {
            case SELF -> "ĐƠN VỊ TỰ CHẤM";
            case PEER -> "CHẤM CHÉO";
            case BOARD -> "THẨM ĐỊNH";
        });
        titles.add(set.title);
        titles.add("Đơn vị được chấm: " + names.getOrDefault(sheet.unitCode, "") + " (" + sheet.unitCode + ")");
        if (sheet.stage == Stage.PEER) {
            titles.add("Đơn vị chấm: " + names.getOrDefault(sheet.scorerCode, "") + " (" + sheet.scorerCode + ")");
        }
        titles.add(sheet.status == SheetStatus.SUBMITTED ? "Đã nộp lúc " + sheet.submittedAt + " bởi " + sheet.submittedBy : "Chưa nộp");
        List<String> headers = List.of("Mã", "Nội dung tiêu chí", "Loại", "Điểm tối đa", "Điểm", "Nhận xét", "Minh chứng", "Giải trình");
        List<List<Object>> rows = new ArrayList<>();
        for (Criterion criterion : set.criteria()) {
            Score score = byCriterion.get(criterion.id);
            List<Object> row = new ArrayList<>();
            row.add(criterion.code);
            row.add(criterion.title);
            row.add(switch (criterion.kind) {
                case STANDARD -> "Điểm chuẩn";
                case BONUS -> "Điểm thưởng";
                case PENALTY -> "Điểm trừ";
            });
            row.add(criterion.maxPoints);
            row.add(score == null ? "" : score.points);
            row.add(score == null || score.comment == null ? "" : score.comment);
            row.add(score == null ? "" : String.join("\n", score.evidence));
            row.add(score == null || score.explanation == null ? "" : score.explanation);
            rows.add(row);
        }
        return new Table(titles, headers, rows);
    }
}
