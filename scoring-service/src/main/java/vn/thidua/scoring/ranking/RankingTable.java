package vn.thidua.scoring.ranking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.thidua.platform.clusters.ClusterYear;
import vn.thidua.platform.web.Table;
import vn.thidua.platform.units.KnownUnit;

/** The ranking laid out as the Board prints it for the review conference, headers in Vietnamese. */
final class RankingTable {
    private RankingTable() {
    }

    static Table of(RankingService.ClusterRanking ranking, Optional<ClusterYear> cluster) {
        List<String> groupCodes = ranking.set().groups.stream().map(group -> group.code).toList();
        Map<String, String> names = KnownUnit.namesOf(ranking.units().stream().map(Ranking.RankedUnit::unitCode).toList());
        List<String> titles = new ArrayList<>();
        titles.add("BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA");
        cluster.ifPresent(c -> titles.add(c.name() + " – năm " + c.year()));
        titles.add(ranking.set().title + (ranking.provisional() ? " (tạm tính, chưa khóa sổ)" : ""));
        List<String> headers = new ArrayList<>(List.of("Hạng", "Mã đơn vị", "Tên đơn vị"));
        ranking.set().groups.forEach(group -> headers.add("Nhóm " + group.code + " (tối đa " + group.maxPoints.stripTrailingZeros().toPlainString() + ")"));
        headers.addAll(List.of("Điểm thưởng (tính)", "Điểm trừ", "Tổng điểm", "Xếp loại", "Ghi chú"));
        List<List<Object>> rows = new ArrayList<>();
        for (Ranking.RankedUnit unit : ranking.units()) {
            List<Object> row = new ArrayList<>(List.of(unit.rank(), unit.unitCode(), names.getOrDefault(unit.unitCode(), "")));
            for (String group : groupCodes) {
                Ranking.Points points = unit.groups().getOrDefault(group, Ranking.Points.ZERO);
                row.add(points.standard());
            }
            row.add(unit.bonusCounted());
            row.add(unit.finalPoints().penalty());
            row.add(unit.total());
            row.add(unit.band() == null ? "" : unit.band());
            row.add(note(unit.tieBreak(), ranking.set().womenShareThresholdPercent));
            rows.add(row);
        }
        return new Table(titles, headers, rows);
    }

    private static String note(String tieBreak, BigDecimal womenShareThresholdPercent) {
        if (tieBreak == null) {
            return "";
        }
        return switch (tieBreak) {
            case "GROUP_FIRST" -> "Bằng điểm; phân định theo điểm nhóm tiêu chí thứ nhất";
            case "FEWER_PENALTIES" -> "Bằng điểm; phân định theo điểm trừ ít hơn";
            case "MORE_BONUS" -> "Bằng điểm; phân định theo điểm thưởng nhiều hơn";
            // the rule names a unit only when the set has a threshold (its validation requires one)
            case "WOMEN_SHARE" -> "Bằng điểm; ưu tiên tập thể có tỷ lệ nữ từ "
                    + womenShareThresholdPercent.stripTrailingZeros().toPlainString() + "% trở lên";
            default -> "Đồng hạng";
        };
    }
}
