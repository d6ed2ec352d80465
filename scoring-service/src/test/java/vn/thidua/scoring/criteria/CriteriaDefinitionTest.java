package vn.thidua.scoring.criteria;

import vn.thidua.platform.domain.Refusal;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.thidua.scoring.criteria.CriteriaDefinition.Band;
import vn.thidua.scoring.criteria.CriteriaDefinition.CriterionDefinition;
import vn.thidua.scoring.criteria.CriteriaDefinition.Deadlines;
import vn.thidua.scoring.criteria.CriteriaDefinition.GroupDefinition;

class CriteriaDefinitionTest {

    static CriterionDefinition criterion(String code, CriterionKind kind, int max) {
        return new CriterionDefinition(code, "Tiêu chí " + code, null, kind, BigDecimal.valueOf(max), false);
    }

    static CriteriaDefinition valid() {
        return new CriteriaDefinition("Bảng chấm điểm cụm 7 năm 2016", 100, BigDecimal.TEN, true, true, BoardReviewer.BOARD,
                new Deadlines(LocalDate.of(2016, 12, 5), LocalDate.of(2016, 12, 10), LocalDate.of(2016, 12, 13)),
                List.of(new Band("Xuất sắc", BigDecimal.valueOf(90)), new Band("Tốt", BigDecimal.valueOf(75))),
                List.of(TieBreak.GROUP_FIRST, TieBreak.FEWER_PENALTIES), null,
                List.of(new GroupDefinition("I", "Thực hiện nhiệm vụ chính trị", BigDecimal.valueOf(60),
                                List.of(criterion("I.1", CriterionKind.STANDARD, 40), criterion("I.2", CriterionKind.STANDARD, 20))),
                        new GroupDefinition("II", "Công tác thi đua, khen thưởng", BigDecimal.valueOf(40),
                                List.of(criterion("II.1", CriterionKind.STANDARD, 30), criterion("II.2", CriterionKind.BONUS, 15),
                                        criterion("II.3", CriterionKind.PENALTY, 10)))));
    }

    @Test
    void aWellFormedSetPasses() {
        assertDoesNotThrow(() -> valid().validate());
    }

    @Test
    void groupMaximaMustHoldTheirCriteriaAndAddUpToTheScale() {
        CriteriaDefinition over = new CriteriaDefinition("x", 100, BigDecimal.ZERO, false, false, null, null, null, null, null,
                List.of(new GroupDefinition("I", "Nhóm I", BigDecimal.valueOf(50),
                        List.of(criterion("I.1", CriterionKind.STANDARD, 40), criterion("I.2", CriterionKind.STANDARD, 20)))));
        Refusal problem = assertThrows(Refusal.class, over::validate);
        assertEquals(Refusal.Nature.RULE, problem.nature());
        List<String> keys = problem.reasons().stream().map(Refusal.Reason::messageKey).toList();
        assertEquals(List.of("criteria.group.over", "criteria.scale.mismatch"), keys);
    }

    @Test
    void everyBrokenRuleIsListed() {
        CriteriaDefinition broken = new CriteriaDefinition(" ", 90, BigDecimal.valueOf(-1), false, false, null,
                new Deadlines(LocalDate.of(2016, 12, 10), LocalDate.of(2016, 12, 1), null),
                List.of(new Band("Tốt", BigDecimal.valueOf(70)), new Band("Xuất sắc", BigDecimal.valueOf(90))),
                List.of(TieBreak.GROUP_FIRST, TieBreak.GROUP_FIRST), null,
                List.of(new GroupDefinition("I", "Nhóm", BigDecimal.valueOf(90),
                        List.of(criterion("A", CriterionKind.STANDARD, 10), criterion("A", null, 0), criterion("bad code!", CriterionKind.BONUS, 5)))));
        Refusal problem = assertThrows(Refusal.class, broken::validate);
        List<String> keys = problem.reasons().stream().map(Refusal.Reason::messageKey).toList();
        assertEquals(List.of("criteria.title.required", "criteria.scale.invalid", "criteria.bonus-cap.negative",
                "criteria.code.duplicate", "criteria.kind.required", "criteria.max.invalid", "criteria.code.invalid",
                "criteria.band.order", "criteria.tie-breaks.duplicate",
                "criteria.deadline.peer-disabled", "criteria.deadline.order"), keys);
    }

    static CriteriaDefinition withWomenShare(List<TieBreak> tieBreaks, BigDecimal thresholdPercent) {
        CriteriaDefinition v = valid();
        return new CriteriaDefinition(v.title(), v.scale(), v.bonusCap(), v.peerEnabled(), v.peerTrimExtremes(), v.boardReviewer(),
                v.deadlines(), v.bands(), tieBreaks, thresholdPercent, v.groups());
    }

    @Test
    void theWomenShareRuleNeedsAThresholdOfAtMostAHundredPercent() {
        List<TieBreak> withRule = List.of(TieBreak.GROUP_FIRST, TieBreak.WOMEN_SHARE);
        assertDoesNotThrow(() -> withWomenShare(withRule, BigDecimal.valueOf(70)).validate());
        assertDoesNotThrow(() -> withWomenShare(withRule, new BigDecimal("100.00")).validate());
        assertDoesNotThrow(() -> withWomenShare(withRule, new BigDecimal("66.67")).validate());
        // a threshold without the rule is kept, unused, as long as it is a share
        assertDoesNotThrow(() -> withWomenShare(List.of(TieBreak.GROUP_FIRST), BigDecimal.valueOf(70)).validate());
        for (BigDecimal bad : Arrays.asList(null, BigDecimal.ZERO, BigDecimal.valueOf(-5), new BigDecimal("100.01"),
                new BigDecimal("66.666"))) {
            Refusal problem = assertThrows(Refusal.class, () -> withWomenShare(withRule, bad).validate(), String.valueOf(bad));
            assertEquals(Refusal.Nature.RULE, problem.nature());
            assertEquals(List.of("womenShareThresholdPercent"), problem.reasons().stream().map(Refusal.Reason::field).toList());
            assertEquals("criteria.women-share.invalid", problem.reasons().get(0).messageKey());
        }
        assertThrows(Refusal.class, () -> withWomenShare(List.of(), BigDecimal.valueOf(120)).validate());
    }
}
