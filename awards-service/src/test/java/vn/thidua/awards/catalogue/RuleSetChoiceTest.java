package vn.thidua.awards.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which rule set judges what while the law changes (docs/rules.md, "The transition rule"). */
class RuleSetChoiceTest {
    static final RuleSetChoice.Period LAW_2003 = new RuleSetChoice.Period(1, LocalDate.of(2014, 8, 15), LocalDate.of(2017, 9, 30),
            Transition.DOSSIER_RECEIVED_ON);
    static final RuleSetChoice.Period DECREE_91 = new RuleSetChoice.Period(2, LocalDate.of(2017, 10, 1), LocalDate.of(2023, 12, 31),
            Transition.DOSSIER_RECEIVED_ON);
    static final RuleSetChoice.Period DECREE_98 = new RuleSetChoice.Period(3, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 6, 30),
            Transition.DOSSIER_RECEIVED_ON);
    static final RuleSetChoice.Period DECREE_152 = new RuleSetChoice.Period(4, LocalDate.of(2025, 7, 1), null, Transition.DOSSIER_RECEIVED_ON);
    static final List<RuleSetChoice.Period> SUCCESSION = List.of(LAW_2003, DECREE_91, DECREE_98, DECREE_152);

    @Test
    void aDossierIsJudgedByTheRulesInForceOnTheDayItIsReceived() {
        RuleSetChoice december2025 = RuleSetChoice.choose(SUCCESSION, 2025, LocalDate.of(2025, 12, 10)).orElseThrow();
        assertEquals(4, december2025.ruleSetId());
        assertEquals(Transition.DOSSIER_RECEIVED_ON, december2025.transition());
        // received the day before Decree 152 applied: Decree 98 still judges it, whatever the year of the achievement
        assertEquals(3, RuleSetChoice.choose(SUCCESSION, 2025, LocalDate.of(2025, 6, 30)).orElseThrow().ruleSetId());
        assertEquals(4, RuleSetChoice.choose(SUCCESSION, 2024, LocalDate.of(2025, 7, 1)).orElseThrow().ruleSetId());
    }

    @Test
    void theSeedStorysConferenceIsJudgedByTheLawOf2016() {
        RuleSetChoice vote = RuleSetChoice.choose(SUCCESSION, 2016, LocalDate.of(2016, 12, 14)).orElseThrow();
        assertEquals(1, vote.ruleSetId());
        assertEquals(LocalDate.of(2016, 12, 14), vote.judgedOn());
        assertEquals(1L, vote.governingRuleSetId());
    }

    @Test
    void aTextThatKeepsTheAchievementYearsRulesSendsOldYearsBack() {
        RuleSetChoice.Period byYear = new RuleSetChoice.Period(5, LocalDate.of(2027, 3, 1), null, Transition.ACHIEVEMENT_YEAR);
        List<RuleSetChoice.Period> withDecree999 = List.of(LAW_2003, DECREE_91, DECREE_98,
                new RuleSetChoice.Period(4, LocalDate.of(2025, 7, 1), LocalDate.of(2027, 2, 28), Transition.DOSSIER_RECEIVED_ON), byYear);
        RuleSetChoice late2026Dossier = RuleSetChoice.choose(withDecree999, 2026, LocalDate.of(2027, 3, 5)).orElseThrow();
        assertEquals(4, late2026Dossier.ruleSetId());
        assertEquals(Transition.ACHIEVEMENT_YEAR, late2026Dossier.transition());
        assertEquals(LocalDate.of(2026, 12, 31), late2026Dossier.judgedOn());
        assertEquals(5L, late2026Dossier.governingRuleSetId());
        assertEquals(5, RuleSetChoice.choose(withDecree999, 2027, LocalDate.of(2027, 12, 20)).orElseThrow().ruleSetId());
    }

    @Test
    void beforeAnyRuleSetTheEndOfTheAchievementYearDecidesAndNothingMayBeEmpty() {
        RuleSetChoice early = RuleSetChoice.choose(List.of(DECREE_152), 2025, LocalDate.of(2025, 6, 1)).orElse(null);
        assertEquals(null, early);
        assertTrue(RuleSetChoice.choose(List.of(), 2025, LocalDate.of(2025, 12, 1)).isEmpty());
        // nothing in force when the dossier arrives: the rules of the achievement year's end judge it
        RuleSetChoice gap = RuleSetChoice.choose(List.of(LAW_2003), 2016, LocalDate.of(2018, 1, 5)).orElseThrow();
        assertEquals(1, gap.ruleSetId());
        assertEquals(LocalDate.of(2016, 12, 31), gap.judgedOn());
        assertEquals(null, gap.governingRuleSetId());
    }
}
