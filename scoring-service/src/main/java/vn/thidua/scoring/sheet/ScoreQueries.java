package vn.thidua.scoring.sheet;

import io.quarkus.hibernate.orm.panache.Panache;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import vn.thidua.scoring.criteria.CriteriaSet;
import vn.thidua.scoring.criteria.CriterionKind;
import vn.thidua.scoring.criteria.Stage;

/**
 * Set-based queries over submitted sheets. The final points of a criterion follow the set's
 * rule: the Board's value if there is one, else the mean of the peers' values (without the
 * highest and the lowest when the set says so and there are at least three), else the unit's
 * own value. Only submitted sheets count.
 */
public final class ScoreQueries {
    private ScoreQueries() {
    }

    /**
     * The final rule over each stage's figures side by side: the unit's own value, the Board's,
     * and the peers' count, sum, highest and lowest, from which their (trimmed) mean follows.
     * {@code STAGE_FIGURES} is where those figures come from: the per-stage summary that submit
     * and reopen keep ({@link #FROM_SUMMARY}), or the scores themselves ({@link #FROM_SCORES}),
     * which give the same figures and let a test check the summary against them. {@code CELL}
     * narrows it to one unit and criterion, so a single score's check does not aggregate the
     * whole set; the rule itself is written once.
     */
    private static final String PER_CRITERION = """
            WITH units AS (
                SELECT DISTINCT unit_code FROM score_sheet WHERE set_id = :set /*CELL_UNIT*/
            ), stage_scores AS (
                /*STAGE_FIGURES*/
            ), per_criterion AS (
                SELECT u.unit_code, g.id AS group_id, g.position AS group_position, g.code AS group_code, c.id AS criterion_id, c.kind,
                       st.self_total AS self_points,
                       CASE WHEN COALESCE(st.peer_n, 0) = 0 THEN NULL
                            WHEN :trim AND st.peer_n >= 3 THEN (st.peer_total - st.peer_hi - st.peer_lo) / (st.peer_n - 2)
                            ELSE st.peer_total / st.peer_n END AS peer_points,
                       st.board_total AS board_points
                FROM units u
                CROSS JOIN criteria_group g
                JOIN criterion c ON c.group_id = g.id
                LEFT JOIN stage_scores st ON st.unit_code = u.unit_code AND st.criterion_id = c.id
                WHERE g.set_id = :set /*CELL_CRITERION*/
            )
            """;

    /**
     * The summary rows of the set side by side: for each member and criterion, its SELF, PEER and
     * BOARD rows (at most one each, by the summary's key), looked up rather than grouped. Grouping
     * the set's 5,400 rows with six numeric aggregates took most of a computed ranking's query;
     * three lookups by the summary's primary key give the same figures (the same types and
     * scales, so the peers' mean divides to the same digits) for a few hash joins.
     */
    private static final String FROM_SUMMARY = """
                SELECT u.unit_code, c.id AS criterion_id,
                       own.total AS self_total,
                       peers.submitted::bigint AS peer_n, peers.total AS peer_total, peers.highest AS peer_hi, peers.lowest AS peer_lo,
                       board.total AS board_total
                FROM units u
                CROSS JOIN criteria_group g
                JOIN criterion c ON c.group_id = g.id
                LEFT JOIN criterion_stage_summary own ON own.set_id = :set AND own.unit_code = u.unit_code
                     AND own.criterion_id = c.id AND own.stage = 'SELF'
                LEFT JOIN criterion_stage_summary peers ON peers.set_id = :set AND peers.unit_code = u.unit_code
                     AND peers.criterion_id = c.id AND peers.stage = 'PEER'
                LEFT JOIN criterion_stage_summary board ON board.set_id = :set AND board.unit_code = u.unit_code
                     AND board.criterion_id = c.id AND board.stage = 'BOARD'
                WHERE g.set_id = :set /*CELL_SUMMARY*/
            """;

    /** The same figures from every submitted score of the set (what the summary condenses). */
    private static final String FROM_SCORES = """
                SELECT s.unit_code, sc.criterion_id,
                       sum(sc.points) FILTER (WHERE s.stage = 'SELF') AS self_total,
                       count(*) FILTER (WHERE s.stage = 'PEER') AS peer_n,
                       sum(sc.points) FILTER (WHERE s.stage = 'PEER') AS peer_total,
                       max(sc.points) FILTER (WHERE s.stage = 'PEER') AS peer_hi,
                       min(sc.points) FILTER (WHERE s.stage = 'PEER') AS peer_lo,
                       sum(sc.points) FILTER (WHERE s.stage = 'BOARD') AS board_total
                FROM score_sheet s JOIN score sc ON sc.sheet_id = s.id
                WHERE s.set_id = :set AND s.status = 'SUBMITTED'
                GROUP BY s.unit_code, sc.criterion_id
            """;

    /**
     * Rewrites the summary rows of one scored unit's stage from its submitted scores. Called in
     * the transaction that submits or reopens one of its sheets, after that change is flushed.
     * Peers submit sheets of the same unit side by side: each rewrite first takes a transaction
     * lock on (set, unit), so the second waits for the first to commit and then, its statements
     * seeing that commit, counts both sheets rather than overwriting the first one's rows.
     */
    static void resummarize(CriteriaSet set, String unitCode, Stage stage) {
        long setId = set.id;
        var em = Panache.getEntityManager();
        em.flush();
        // the lock's keys are two ints; a set id past 2^31 wraps, which at worst makes two sets share a lock
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(:set, hashtext(:unit))) AS locked")
                .setParameter("set", (int) setId).setParameter("unit", unitCode).getSingleResult();
        em.createNativeQuery("DELETE FROM criterion_stage_summary WHERE set_id = :set AND unit_code = :unit AND stage = :stage")
                .setParameter("set", setId).setParameter("unit", unitCode).setParameter("stage", stage.name()).executeUpdate();
        em.createNativeQuery("""
                INSERT INTO criterion_stage_summary (set_id, unit_code, criterion_id, stage, submitted, total, highest, lowest)
                SELECT s.set_id, s.unit_code, sc.criterion_id, s.stage, count(*), sum(sc.points), max(sc.points), min(sc.points)
                FROM score_sheet s JOIN score sc ON sc.sheet_id = s.id
                WHERE s.set_id = :set AND s.unit_code = :unit AND s.stage = :stage AND s.status = 'SUBMITTED'
                GROUP BY s.set_id, s.unit_code, sc.criterion_id, s.stage
                """).setParameter("set", setId).setParameter("unit", unitCode).setParameter("stage", stage.name()).executeUpdate();
        em.createNativeQuery("DELETE FROM unit_group_points WHERE set_id = :set AND unit_code = :unit")
                .setParameter("set", setId).setParameter("unit", unitCode).executeUpdate();
        em.createNativeQuery(oneUnit() + INSERT_GROUP_POINTS)
                .setParameter("set", setId).setParameter("trim", set.peerTrimExtremes).setParameter("unit", unitCode).executeUpdate();
    }

    /**
     * Writes the group points of every unit of a set whose sheets have just been opened: zeros until
     * its sheets are submitted. Called in the transaction that publishes the set, the only one that
     * opens sheets, so the set has no group points before it.
     */
    static void summarizeOpenedSheets(CriteriaSet set) {
        var em = Panache.getEntityManager();
        em.flush();
        em.createNativeQuery(wholeSet(FROM_SUMMARY) + INSERT_GROUP_POINTS)
                .setParameter("set", set.id).setParameter("trim", set.peerTrimExtremes).executeUpdate();
    }

    /** The rule's sums per unit, group and kind, as unit_group_points keeps them (its migration, V10, says why). */
    private static final String INSERT_GROUP_POINTS = """
            INSERT INTO unit_group_points (set_id, unit_code, group_id, kind, final_points, self_points, peer_points, board_points)
            SELECT :set, unit_code, group_id, kind,
                   sum(COALESCE(board_points, peer_points, self_points, 0)),
                   sum(COALESCE(self_points, 0)), sum(COALESCE(peer_points, 0)), sum(COALESCE(board_points, 0))
            FROM per_criterion
            GROUP BY unit_code, group_id, kind
            """;

    /**
     * What a set's sheets stand at: how many there are and the sum of their versions. A sheet's
     * version goes up with every score written on it, every submit and every reopen, and sheets
     * are never deleted, so any change to what a ranking reads changes this pair.
     */
    public record SheetsState(long sheets, long versions) {
    }

    public static SheetsState sheetsState(long setId) {
        Object[] row = (Object[]) Panache.getEntityManager()
                .createNativeQuery("SELECT count(*), COALESCE(sum(version), 0) FROM score_sheet WHERE set_id = :set")
                .setParameter("set", setId).getSingleResult();
        return new SheetsState(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    private static String wholeSet(String stageFigures) {
        return PER_CRITERION.replace("/*STAGE_FIGURES*/", stageFigures)
                .replace("/*CELL_UNIT*/", "").replace("/*CELL_SUMMARY*/", "").replace("/*CELL_CRITERION*/", "");
    }

    private static String oneUnit() {
        return PER_CRITERION.replace("/*STAGE_FIGURES*/", FROM_SUMMARY)
                .replace("/*CELL_UNIT*/", "AND unit_code = :unit")
                .replace("/*CELL_SUMMARY*/", "AND u.unit_code = :unit").replace("/*CELL_CRITERION*/", "");
    }

    private static String oneCell() {
        return PER_CRITERION.replace("/*STAGE_FIGURES*/", FROM_SUMMARY)
                .replace("/*CELL_UNIT*/", "AND unit_code = :unit")
                .replace("/*CELL_SUMMARY*/", "AND u.unit_code = :unit AND c.id = :criterion")
                .replace("/*CELL_CRITERION*/", "AND c.id = :criterion");
    }

    /** One unit's points in one group, split by the kind of criterion, for each stage and final. */
    public record GroupPoints(String unitCode, int groupPosition, String groupCode, CriterionKind kind,
                              BigDecimal finalPoints, BigDecimal selfPoints, BigDecimal peerPoints, BigDecimal boardPoints) {
    }

    /** Every member's points, per group and kind of criterion, as submit and reopen keep them. */
    @SuppressWarnings("unchecked")
    public static List<GroupPoints> pointsByGroup(CriteriaSet set) {
        return groupPoints(Panache.getEntityManager().createNativeQuery("""
                SELECT p.unit_code, g.position, g.code, p.kind, p.final_points, p.self_points, p.peer_points, p.board_points
                FROM unit_group_points p JOIN criteria_group g ON g.id = p.group_id
                WHERE p.set_id = :set
                ORDER BY p.unit_code, g.position, p.kind
                """).setParameter("set", set.id).getResultList());
    }

    /** What {@link #pointsByGroup(CriteriaSet)} keeps, computed now by the rule from every submitted score (a test's reference). */
    @SuppressWarnings("unchecked")
    public static List<GroupPoints> pointsByGroupFromScores(CriteriaSet set) {
        String sql = wholeSet(FROM_SCORES) + """
                SELECT unit_code, group_position, group_code, kind,
                       sum(COALESCE(board_points, peer_points, self_points, 0)),
                       sum(COALESCE(self_points, 0)), sum(COALESCE(peer_points, 0)), sum(COALESCE(board_points, 0))
                FROM per_criterion
                GROUP BY unit_code, group_position, group_code, kind
                ORDER BY unit_code, group_position, kind
                """;
        return groupPoints(Panache.getEntityManager().createNativeQuery(sql)
                .setParameter("set", set.id)
                .setParameter("trim", set.peerTrimExtremes)
                .getResultList());
    }

    private static List<GroupPoints> groupPoints(List<Object[]> rows) {
        List<GroupPoints> points = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            points.add(new GroupPoints((String) row[0], ((Number) row[1]).intValue(), (String) row[2],
                    CriterionKind.valueOf((String) row[3]), decimal(row[4]), decimal(row[5]), decimal(row[6]), decimal(row[7])));
        }
        return points;
    }

    /** What a criterion of a unit stands at before the Board: the peers' mean, else the unit's own value. */
    static BigDecimal preBoardValue(CriteriaSet set, String unitCode, long criterionId) {
        String sql = oneCell() + """
                SELECT COALESCE(peer_points, self_points) FROM per_criterion
                """;
        List<?> rows = Panache.getEntityManager().createNativeQuery(sql)
                .setParameter("set", set.id)
                .setParameter("trim", set.peerTrimExtremes)
                .setParameter("unit", unitCode)
                .setParameter("criterion", criterionId)
                .getResultList();
        return rows.isEmpty() || rows.get(0) == null ? null : decimal(rows.get(0));
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
    }
}
