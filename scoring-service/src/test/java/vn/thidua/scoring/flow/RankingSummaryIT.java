package vn.thidua.scoring.flow;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.thidua.scoring.flow.SeedStoryScoringIT.BOARD;
import static vn.thidua.scoring.flow.SeedStoryScoringIT.rep;
import static vn.thidua.scoring.flow.SeedStoryScoringIT.score;
import static vn.thidua.scoring.flow.SeedStoryScoringIT.sheetOf;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.scoring.criteria.CriteriaSet;
import vn.thidua.scoring.sheet.ScoreQueries;

/**
 * The ranking reads each unit's group points, kept beside a per-stage summary of the submitted
 * scores (issue 10). Whatever submits and reopens do to the sheets, both must give exactly what the
 * scores themselves give: the summary rows equal the aggregate over the scores, and the kept group
 * points equal the final rule applied now to the scores, digit for digit.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "scoring"))
class RankingSummaryIT {
    static final List<String> FIVE = List.of("000.00.51.H56", "000.00.52.H56", "000.00.53.H56", "000.00.54.H56", "000.00.55.H56");
    static final List<String> CRITERIA = List.of("I.1", "I.2", "II.1", "II.2", "II.3");
    static final double[] MAXIMA = {40, 20, 30, 15, 10};

    @Inject
    EntityManager entityManager;

    @Test
    void theSummaryGivesWhatTheScoresGiveAfterSubmitReopenAndResubmit() throws Exception {
        long setId = ScoringRulesIT.publishedSet(700031, FIVE, null, Map.of());
        String target = FIVE.get(0);
        // nothing submitted yet: every member is there, with zeros
        assertSummaryMatchesScores(setId);

        // the four peers of the target submit at the same moment: each must be counted
        List<Long> peerSheets = new ArrayList<>();
        for (int p = 1; p < FIVE.size(); p++) {
            long sheet = sheetOf(setId, "PEER", target, FIVE.get(p));
            fill(rep(FIVE.get(p)), sheet, p);
            peerSheets.add(sheet);
        }
        ExecutorService pool = Executors.newFixedThreadPool(peerSheets.size());
        try {
            List<Future<Integer>> submits = new ArrayList<>();
            for (int p = 0; p < peerSheets.size(); p++) {
                String scorer = FIVE.get(p + 1);
                long sheet = peerSheets.get(p);
                submits.add(pool.submit(() -> given().auth().oauth2(rep(scorer)).when()
                        .post("/api/scoring/sheets/" + sheet + "/submit").then().extract().statusCode()));
            }
            for (Future<Integer> submit : submits) {
                assertEquals(200, submit.get());
            }
        } finally {
            pool.shutdownNow();
        }
        // other units: one with peers and its own sheet, one with only its own sheet
        for (String scorer : List.of(FIVE.get(0), FIVE.get(2), FIVE.get(3))) {
            long sheet = sheetOf(setId, "PEER", FIVE.get(1), scorer);
            fill(rep(scorer), sheet, scorer.hashCode() & 7);
            submit(rep(scorer), sheet);
        }
        for (String unit : List.of(FIVE.get(0), FIVE.get(1), FIVE.get(4))) {
            long self = sheetOf(setId, "SELF", unit, unit);
            fill(rep(unit), self, 9);
            submit(rep(unit), self);
        }
        long appraisal = sheetOf(setId, "BOARD", target, null);
        fill(BOARD, appraisal, 11);
        submit(BOARD, appraisal);
        assertSummaryMatchesScores(setId);

        // the peer with the highest values reopens: three peers remain, the trim changes
        reopen(peerSheets.get(0));
        assertSummaryMatchesScores(setId);
        // ... changes a value and resubmits
        score(rep(FIVE.get(1)), peerSheets.get(0), "I.1", Map.of("points", 3.33)).then().statusCode(200);
        submit(rep(FIVE.get(1)), peerSheets.get(0));
        assertSummaryMatchesScores(setId);

        // without the Board's value and the unit's own, the peers' mean is what counts
        reopen(appraisal);
        reopen(sheetOf(setId, "SELF", target, target));
        assertSummaryMatchesScores(setId);
        // every peer reopened: nothing of the target's remains in the summary
        for (long sheet : peerSheets) {
            reopen(sheet);
        }
        assertSummaryMatchesScores(setId);
        submit(rep(FIVE.get(2)), peerSheets.get(1));
        assertSummaryMatchesScores(setId);
    }

    @Test
    void aClosedSetsRankingFollowsASheetTheBoardReopens() {
        List<String> three = List.of("000.00.56.H56", "000.00.57.H56", "000.00.58.H56");
        long setId = ScoringRulesIT.publishedSet(700032, three, null, Map.of());
        for (String unit : three) {
            long self = sheetOf(setId, "SELF", unit, unit);
            fill(rep(unit), self, 3);
            submit(rep(unit), self);
        }
        given().auth().oauth2(BOARD).when().post("/api/scoring/criteria-sets/" + setId + "/close").then().statusCode(200);
        float total = totalOf(setId, three.get(0));
        assertTrue(total > 0);
        assertEquals(total, totalOf(setId, three.get(0)));

        // reopening a sheet of a closed set takes its values out of the ranking at once
        reopen(sheetOf(setId, "SELF", three.get(0), three.get(0)));
        assertEquals(0f, totalOf(setId, three.get(0)));
        assertEquals(total, totalOf(setId, three.get(1)));
    }

    private static float totalOf(long setId, String unit) {
        return given().auth().oauth2(BOARD).when().get("/api/scoring/criteria-sets/" + setId + "/ranking")
                .then().statusCode(200).extract().path("units.find { it.unitCode == '" + unit + "' }.total");
    }

    /** Varied values with two decimals, so that the peers' means do not divide evenly. */
    private static void fill(String token, long sheet, int seed) {
        for (int c = 0; c < CRITERIA.size(); c++) {
            double points = Math.round(((seed * 7.31 + c * 3.17) % MAXIMA[c]) * 100) / 100.0;
            Map<String, Object> body = Map.of("points", points, "explanation", "Thẩm định lại theo báo cáo",
                    "evidence", List.of("https://thidua.example/mc-" + seed + ".pdf"));
            score(token, sheet, CRITERIA.get(c), body).then().statusCode(200);
        }
    }

    private static void submit(String token, long sheet) {
        given().auth().oauth2(token).when().post("/api/scoring/sheets/" + sheet + "/submit").then().statusCode(200);
    }

    private static void reopen(long sheet) {
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("reason", "Đơn vị xin chấm lại"))
                .when().post("/api/scoring/sheets/" + sheet + "/reopen").then().statusCode(200);
    }

    /**
     * A database upgraded to V10 fills unit_group_points from the stage summary of the sheets it
     * holds: that backfill must give the rows submit and reopen keep, for every set in this
     * database (the other tests' sets included). It runs in a transaction that is rolled back.
     */
    @Test
    void theMigrationsBackfillGivesWhatSubmitAndReopenKeep() throws Exception {
        long setId = ScoringRulesIT.publishedSet(700033, List.of("000.00.59.H56", "000.00.60.H56", "000.00.61.H56"), null, Map.of());
        long self = sheetOf(setId, "SELF", "000.00.59.H56", "000.00.59.H56");
        fill(rep("000.00.59.H56"), self, 5);
        submit(rep("000.00.59.H56"), self);
        String migration;
        try (var in = getClass().getClassLoader().getResourceAsStream("db/migration/V10__unit_group_points.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String backfill = migration.substring(migration.indexOf("INSERT INTO unit_group_points"));
        String allRows = "SELECT set_id, unit_code, group_id, kind, final_points, self_points, peer_points, board_points "
                + "FROM unit_group_points ORDER BY 1, 2, 3, 4";
        QuarkusTransaction.begin();
        try {
            List<List<Object>> kept = rows(entityManager.createNativeQuery(allRows).getResultList());
            assertEquals(3, kept.stream().filter(row -> row.get(0).equals(Long.toString(setId))).map(row -> row.get(1)).distinct().count(),
                    "each member of the new set has its rows");
            entityManager.createNativeQuery("DELETE FROM unit_group_points").executeUpdate();
            entityManager.createNativeQuery(backfill).executeUpdate();
            assertEquals(kept, rows(entityManager.createNativeQuery(allRows).getResultList()));
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private void assertSummaryMatchesScores(long setId) {
        QuarkusTransaction.requiringNew().run(() -> {
            CriteriaSet set = CriteriaSet.findById(setId);
            List<?> summary = entityManager.createNativeQuery("""
                    SELECT unit_code, criterion_id, stage, submitted, total, highest, lowest FROM criterion_stage_summary
                    WHERE set_id = :set ORDER BY 1, 2, 3""").setParameter("set", setId).getResultList();
            List<?> fromScores = entityManager.createNativeQuery("""
                    SELECT s.unit_code, sc.criterion_id, s.stage, count(*)::int, sum(sc.points)::numeric(12, 2), max(sc.points), min(sc.points)
                    FROM score_sheet s JOIN score sc ON sc.sheet_id = s.id
                    WHERE s.set_id = :set AND s.status = 'SUBMITTED'
                    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""").setParameter("set", setId).getResultList();
            assertEquals(rows(fromScores), rows(summary));
            List<ScoreQueries.GroupPoints> ranked = ScoreQueries.pointsByGroup(set);
            assertFalse(ranked.isEmpty());
            assertEquals(ScoreQueries.pointsByGroupFromScores(set), ranked);
        });
    }

    private static List<List<Object>> rows(List<?> result) {
        return result.stream().map(row -> List.of((Object[]) row)).map(row -> row.stream().map(Object::toString).toList())
                .map(row -> (List<Object>) new ArrayList<Object>(row)).toList();
    }
}
