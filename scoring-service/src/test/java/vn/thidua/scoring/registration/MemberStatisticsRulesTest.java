package vn.thidua.scoring.registration;

import vn.thidua.platform.domain.Refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.thidua.platform.web.Messages;
import vn.thidua.platform.domain.Refusal.Reason;

class MemberStatisticsRulesTest {

    @Test
    void goodFiguresPassAndCountsMayEqualTheMembers() {
        MemberStatistics statistics = new MemberStatistics.Input(40L, 40L, 30L, 2L, 0L, 40L).validated();
        assertEquals(new MemberStatistics(40, 40, 30, 2, 0, 40), statistics);
        assertEquals(new MemberStatistics(1, 0, 0, 0, 0, 0), new MemberStatistics.Input(1L, 0L, 0L, 0L, 0L, 0L).validated());
        assertEquals(MemberStatistics.MOST, new MemberStatistics.Input(1_000_000L, 0L, 0L, 0L, 0L, 0L).validated().members());
    }

    @Test
    void everyBadFigureIsListedWithItsField() {
        Refusal problem = assertThrows(Refusal.class,
                () -> new MemberStatistics.Input(0L, null, -1L, 5L, 2_000_000L, 3L).validated());
        assertEquals(Refusal.Nature.RULE, problem.nature());
        assertEquals("invalid-member-statistics", problem.type());
        assertEquals(List.of("members", "completingTasks", "advancedLabour", "disciplinedWarningOrAbove"),
                problem.reasons().stream().map(Reason::field).toList());
        assertEquals(List.of("registration.statistics.range", "registration.statistics.required", "registration.statistics.range",
                "registration.statistics.range"), problem.reasons().stream().map(Reason::messageKey).toList());
    }

    @Test
    void noCountMayExceedTheMembers() {
        Refusal problem = assertThrows(Refusal.class,
                () -> new MemberStatistics.Input(40L, 41L, 30L, 2L, 0L, 41L).validated());
        assertEquals(List.of("completingTasks", "women"), problem.reasons().stream().map(Reason::field).toList());
        Reason over = problem.reasons().get(0);
        assertEquals("registration.statistics.over-members", over.messageKey());
        assertEquals("41 is more than the number of members (40).", Messages.text(Messages.ENGLISH, over.messageKey(), over.args()));
        assertEquals("Số 41 lớn hơn tổng số thành viên (40).", Messages.text(Messages.VIETNAMESE, over.messageKey(), over.args()));
    }

    @Test
    void missingMembersAreNamedOnceAndDoNotMakeTheCountsWrong() {
        Refusal problem = assertThrows(Refusal.class,
                () -> new MemberStatistics.Input(null, 41L, 30L, 2L, 0L, 41L).validated());
        assertEquals(List.of("members"), problem.reasons().stream().map(Reason::field).toList());
    }

    @Test
    void theWomenShareIsComparedExactlyAndShownRounded() {
        MemberStatistics seventy = new MemberStatistics(40, 40, 30, 2, 0, 28);
        assertTrue(seventy.womenReach(BigDecimal.valueOf(70)));
        assertEquals(new BigDecimal("70.00"), seventy.womenSharePercent());
        MemberStatistics justBelow = new MemberStatistics(20_001, 0, 0, 0, 0, 14_000);
        assertEquals(new BigDecimal("70.00"), justBelow.womenSharePercent());
        assertFalse(justBelow.womenReach(BigDecimal.valueOf(70)));
        assertFalse(new MemberStatistics(3, 3, 3, 0, 0, 2).womenReach(new BigDecimal("66.67")));
        assertTrue(new MemberStatistics(3, 3, 3, 0, 0, 2).womenReach(new BigDecimal("66.66")));
        assertTrue(new MemberStatistics(7, 7, 7, 0, 0, 7).womenReach(BigDecimal.valueOf(100)));
        assertEquals(new BigDecimal("0.00"), new MemberStatistics(7, 7, 7, 0, 0, 0).womenSharePercent());
    }
}
