package vn.thidua.scoring.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.thidua.scoring.sheet.SheetMother.LDLD;
import static vn.thidua.scoring.sheet.SheetMother.open;
import static vn.thidua.scoring.sheet.SheetMother.points;
import static vn.thidua.scoring.sheet.SheetMother.scored;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.scoring.criteria.ComputedFrom;
import vn.thidua.scoring.criteria.CriteriaMother;
import vn.thidua.scoring.criteria.CriteriaSet;
import vn.thidua.scoring.criteria.Criterion;
import vn.thidua.scoring.criteria.Stage;

/** The transitions of a score sheet, in memory. */
class ScoreSheetTest {
    private static final Instant NOW = CriteriaMother.NOW;
    private static final String SCORER = "nguoi-cham";
    private final CriteriaSet set = CriteriaMother.published();
    private final Criterion i1 = CriteriaMother.criterion(set, "I.1");

    @Test
    void aScoreIsWrittenWithItsAuditEvent() {
        ScoreSheet sheet = open(Stage.SELF);
        Score score = Score.unscored(10L, i1.id);
        SheetEvent event = sheet.score(i1, score, new ScoreEntry(new BigDecimal("35.5"), "Hoàn thành", List.of("https://a.gov.vn/1"), null),
                null, SCORER, NOW);
        assertEquals(new BigDecimal("35.5"), score.points);
        assertEquals("Hoàn thành", score.comment);
        assertEquals(List.of("https://a.gov.vn/1"), score.evidence);
        assertEquals(SCORER, score.updatedBy);
        assertEquals(new SheetEvent(1L, 10L, i1.id, SheetEvent.SCORED, null, new BigDecimal("35.5"), "Hoàn thành", SCORER, NOW), event);

        SheetEvent again = sheet.score(i1, score, points("30"), null, SCORER, NOW);
        assertEquals(new BigDecimal("35.5"), again.oldPoints());
        assertEquals(List.of(), score.evidence);
    }

    @Test
    void pointsStayWithinTheCriterionsBounds() {
        ScoreSheet sheet = open(Stage.PEER);
        Score score = Score.unscored(10L, i1.id);
        assertEquals("points-out-of-range", assertThrows(Refusal.class, () -> sheet.score(i1, score, points("41"), null, SCORER, NOW)).type());
        assertEquals("points-precision", assertThrows(Refusal.class, () -> sheet.score(i1, score, points("1.005"), null, SCORER, NOW)).type());
        assertNull(score.points);
    }

    @Test
    void aUnitNeverScoresAComputedCriterionOnItsOwnSheet() {
        Criterion computed = CriteriaMother.criterion(set, "I.2");
        computed.computedFrom = ComputedFrom.values()[0];
        Refusal refused = assertThrows(Refusal.class,
                () -> open(Stage.SELF).score(computed, Score.unscored(10L, computed.id), points("10"), null, SCORER, NOW));
        assertEquals("computed-criterion", refused.type());
    }

    @Test
    void theBoardExplainsAnyChangeFromThePointsBeforeIt() {
        ScoreSheet sheet = open(Stage.BOARD);
        Score score = Score.unscored(10L, i1.id);
        sheet.score(i1, score, points("30"), new BigDecimal("30.00"), SCORER, NOW);
        Refusal refused = assertThrows(Refusal.class, () -> sheet.score(i1, score, points("25"), new BigDecimal("30"), SCORER, NOW));
        assertEquals("explanation-required", refused.type());
        SheetEvent explained = sheet.score(i1, score, new ScoreEntry(new BigDecimal("25"), "nhận xét", List.of(), "Thiếu minh chứng"),
                new BigDecimal("30"), SCORER, NOW);
        assertEquals("Thiếu minh chứng", explained.reason());
        assertEquals("Thiếu minh chứng", score.explanation);
    }

    @Test
    void aSheetIsSubmittedOnlyWithEveryCriterionScoredAndTheEvidenceItNeeds() {
        ScoreSheet sheet = open(Stage.SELF);
        List<Score> scores = List.of(scored(1, "40", List.of()), scored(2, "20", List.of()), scored(3, "30", List.of()),
                scored(4, "0", List.of()));
        Refusal refused = assertThrows(Refusal.class, () -> sheet.submit(set.criteria(), byCriterion(scores), LDLD, NOW));
        assertEquals("sheet-incomplete", refused.type());
        assertEquals(List.of("I.1", "II.3"), refused.reasons().stream().map(Refusal.Reason::field).toList());
        assertEquals(SheetStatus.OPEN, sheet.status);

        List<Score> complete = List.of(scored(1, "40", List.of("https://a.gov.vn/1")), scored(2, "20", List.of()),
                scored(3, "30", List.of()), scored(4, "0", List.of()), scored(5, "0", List.of()));
        SheetEvent event = sheet.submit(set.criteria(), byCriterion(complete), LDLD, NOW);
        assertEquals(SheetStatus.SUBMITTED, sheet.status);
        assertEquals(NOW, sheet.submittedAt);
        assertEquals(LDLD, sheet.submittedBy);
        assertEquals(new SheetEvent(1L, 10L, null, SheetEvent.SUBMITTED, null, null, null, LDLD, NOW), event);
        assertEquals("sheet-submitted", assertThrows(Refusal.class, () -> sheet.score(i1, complete.get(0), points("1"), null, LDLD, NOW)).type());
    }

    @Test
    void aSubmittedSheetIsReopenedWithAReason() {
        ScoreSheet sheet = open(Stage.PEER);
        assertEquals("sheet-not-submitted", assertThrows(Refusal.class, () -> sheet.reopen("lý do", SCORER, NOW)).type());
        sheet.submit(List.of(), Map.of(), SCORER, NOW);
        assertEquals("reason-required", assertThrows(Refusal.class, () -> sheet.reopen("", SCORER, NOW)).type());
        SheetEvent event = sheet.reopen("Chấm lại tiêu chí I.1", SCORER, NOW);
        assertEquals(SheetStatus.OPEN, sheet.status);
        assertNull(sheet.submittedAt);
        assertNull(sheet.submittedBy);
        assertEquals("Chấm lại tiêu chí I.1", event.reason());
        assertEquals(SheetEvent.REOPENED, event.action());
    }

    @Test
    void aComputedCriterionIsFilledOnlyInAnOpenSheetOfAPublishedSetAndOnlyWhenItChanges() {
        ScoreSheet sheet = open(Stage.SELF);
        Score score = Score.unscored(10L, i1.id);
        SheetEvent event = sheet.fillComputed(set, score, new BigDecimal("12"), List.of("https://a.gov.vn/bao-cao"), "Báo cáo cuối năm",
                "registration", NOW).orElseThrow();
        assertEquals(SheetEvent.COMPUTED, event.action());
        assertEquals("Báo cáo cuối năm", score.comment);
        assertTrue(sheet.fillComputed(set, score, new BigDecimal("12.00"), List.of("https://a.gov.vn/bao-cao"), "Báo cáo cuối năm",
                "registration", NOW).isEmpty());
        assertTrue(sheet.fillComputed(CriteriaMother.closed(), score, BigDecimal.ONE, List.of(), "x", "registration", NOW).isEmpty());
        sheet.status = SheetStatus.SUBMITTED;
        assertTrue(sheet.fillComputed(set, score, BigDecimal.ONE, List.of(), "x", "registration", NOW).isEmpty());
        assertEquals(new BigDecimal("12"), score.points);
    }

    private static Map<Long, Score> byCriterion(List<Score> scores) {
        return scores.stream().collect(Collectors.toMap(s -> s.key.criterionId(), Function.identity()));
    }
}
