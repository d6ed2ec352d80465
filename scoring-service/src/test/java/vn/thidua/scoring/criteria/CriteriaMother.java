package vn.thidua.scoring.criteria;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.thidua.platform.clusters.ClusterYear;

/** Criteria sets in memory, without a database, for the plain tests of criteria sets and score sheets. */
public final class CriteriaMother {
    public static final Instant NOW = Instant.parse("2016-12-01T02:00:00Z");
    public static final String BOARD_OFFICER = "can-bo-ban";
    public static final String LDLD = "000.00.32.H56";
    public static final String MTTQ = "000.00.31.H56";

    private CriteriaMother() {
    }

    /** Cluster 7 of 2016 (id 7) with its two members, or with none. */
    public static ClusterYear cluster(List<String> members) {
        return new ClusterYear(7, "CUM-07", "Cụm thi đua số 7", "CLUSTER", 2016, LDLD, null, members, 0);
    }

    /** Two groups adding up to 100: I.1 (40, evidence required), I.2 (20), II.1 (30), II.2 (bonus 15), II.3 (penalty 10). */
    public static CriteriaDefinition definition() {
        return new CriteriaDefinition("Bảng chấm điểm cụm 7 năm 2016", 100, BigDecimal.TEN, true, true, BoardReviewer.BOARD,
                new CriteriaDefinition.Deadlines(LocalDate.of(2016, 12, 5), LocalDate.of(2016, 12, 10), LocalDate.of(2016, 12, 13)),
                List.of(new CriteriaDefinition.Band("Xuất sắc", BigDecimal.valueOf(90))),
                List.of(TieBreak.GROUP_FIRST), null,
                List.of(new CriteriaDefinition.GroupDefinition("I", "Thực hiện nhiệm vụ chính trị", BigDecimal.valueOf(60),
                                List.of(criterion("I.1", CriterionKind.STANDARD, 40, true), criterion("I.2", CriterionKind.STANDARD, 20, false))),
                        new CriteriaDefinition.GroupDefinition("II", "Công tác thi đua, khen thưởng", BigDecimal.valueOf(40),
                                List.of(criterion("II.1", CriterionKind.STANDARD, 30, false), criterion("II.2", CriterionKind.BONUS, 15, false),
                                        criterion("II.3", CriterionKind.PENALTY, 10, false)))));
    }

    private static CriteriaDefinition.CriterionDefinition criterion(String code, CriterionKind kind, int max, boolean evidence) {
        return new CriteriaDefinition.CriterionDefinition(code, "Tiêu chí " + code, null, kind, BigDecimal.valueOf(max), evidence);
    }

    /** A draft of cluster 7 with id 1, its criteria numbered 1 to 5 as a database would. */
    public static CriteriaSet draft() {
        CriteriaSet set = CriteriaSet.draft(7, definition(), NOW);
        set.id = 1L;
        long next = 0;
        for (Criterion criterion : set.criteria()) {
            criterion.id = ++next;
        }
        return set;
    }

    public static CriteriaSet published() {
        CriteriaSet set = draft();
        set.publish(java.util.Optional.of(cluster(List.of(LDLD, MTTQ))), BOARD_OFFICER, NOW);
        return set;
    }

    public static CriteriaSet closed() {
        CriteriaSet set = published();
        set.close(BOARD_OFFICER, NOW);
        return set;
    }

    public static Criterion criterion(CriteriaSet set, String code) {
        return set.criteria().stream().filter(c -> c.code.equals(code)).findFirst().orElseThrow();
    }
}
