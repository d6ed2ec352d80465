package vn.thidua.awards.condition;

import vn.thidua.platform.domain.Refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.thidua.awards.condition.AwardKind;

/** Each kind of the vocabulary passes, fails and (where facts can be missing) stays unknown, in plain Java. */
class VocabularyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The facts of a unit of cluster 7 for 2025, each test changing what it looks at. */
    static final class FactsMother {
        boolean led = true;
        Integer rank = 1;
        BigDecimal total = new BigDecimal("95.5");
        Set<String> registered = Set.of("TAP_THE_LAO_DONG_XUAT_SAC");
        int proposals = 1;
        int leaders = 5;
        int outside = 0;
        List<Facts.HeldAward> awards = new ArrayList<>();
        Facts.YearEnd yearEnd = new Facts.YearEnd(List.of(new BigDecimal("1.05"), BigDecimal.ONE),
                new Facts.MemberStatistics(40, 40, 30, 2, 0, 29, true));
        Map<Integer, String> ratings = new HashMap<>();
        List<Facts.OpenProceeding> proceedings = new ArrayList<>();
        Map<String, Facts.Attestation> attestations = new HashMap<>();
        Map<String, List<Verdict>> otherAwards = new HashMap<>();
        /** For a person award: Lê Thị Mẫu of the unit, her results, initiatives and awards; null for a unit award. */
        Map<Integer, Facts.PersonYear> personYears = null;
        List<Facts.InitiativeRecognition> initiatives = new ArrayList<>();
        List<Facts.HeldAward> personAwards = new ArrayList<>();

        Facts facts() {
            Facts.Person person = personYears == null ? null : new Facts.Person(UUID.fromString("5b0c7d1e-0000-4000-8000-000000000001"),
                    "Lê Thị Mẫu", "000.00.32.H56", personYears, initiatives, personAwards);
            return new Facts("000.00.32.H56", 2025, "Cụm thi đua số 7", led, rank, total, registered, "TAP_THE_LAO_DONG_XUAT_SAC", proposals,
                    leaders, outside, awards, yearEnd, ratings, proceedings, attestations, otherAwards, person);
        }

        /** A person whose unit recorded these results (year, rating, discipline, titles …). */
        FactsMother person(Map<Integer, Facts.PersonYear> years) {
            personYears = new HashMap<>(years);
            return this;
        }
    }

    static Condition kind(String kind, Object... params) {
        Map<String, JsonNode> named = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            named.put((String) params[i], JSON.valueToTree(params[i + 1]));
        }
        return Condition.of(kind, named, "Nghị định 152/2025/NĐ-CP", "V2");
    }

    static Verdict judge(Condition condition, FactsMother facts) {
        List<vn.thidua.platform.domain.Refusal.Reason> problems = new ArrayList<>();
        Vocabulary.validate(List.of(condition), "eligibility", problems);
        assertEquals(List.of(), problems.stream().map(p -> p.field() + " " + p.messageKey()).toList(), "the condition is valid");
        return Vocabulary.evaluate(condition, facts.facts());
    }

    static void expect(Outcome outcome, String key, Verdict verdict) {
        assertEquals(outcome, verdict.outcome(), verdict::toString);
        assertEquals(key, verdict.messageKey(), verdict::toString);
    }

    @Test
    void leadsTheCluster() {
        FactsMother f = new FactsMother();
        expect(Outcome.PASS, "eligibility.leads.pass", judge(kind("LEADS_CLUSTER"), f));
        f.led = false;
        expect(Outcome.FAIL, "eligibility.leads.fail", judge(kind("LEADS_CLUSTER"), f));
    }

    @Test
    void ranksWithinAndFirstAreUnknownWithoutAFinalizedRanking() {
        FactsMother f = new FactsMother();
        f.rank = 3;
        expect(Outcome.PASS, "eligibility.within.pass", judge(kind("RANKS_WITHIN", "n", 3), f));
        expect(Outcome.FAIL, "eligibility.within.fail", judge(kind("RANKS_WITHIN", "n", 2), f));
        expect(Outcome.FAIL, "eligibility.first.fail", judge(kind("RANKS_FIRST"), f));
        f.rank = null;
        expect(Outcome.UNKNOWN, "eligibility.ranking.none", judge(kind("RANKS_WITHIN", "n", 3), f));
    }

    @Test
    void minimumPoints() {
        FactsMother f = new FactsMother();
        expect(Outcome.PASS, "eligibility.points.pass", judge(kind("MIN_TOTAL_POINTS", "points", 95.5), f));
        expect(Outcome.FAIL, "eligibility.points.fail", judge(kind("MIN_TOTAL_POINTS", "points", 95.51), f));
        f.total = null;
        expect(Outcome.UNKNOWN, "eligibility.ranking.none", judge(kind("MIN_TOTAL_POINTS", "points", 90), f));
    }

    @Test
    void registeredForTheTitleOrANamedOne() {
        FactsMother f = new FactsMother();
        expect(Outcome.PASS, "eligibility.registered.pass", judge(kind("REGISTERED_FOR_TITLE"), f));
        expect(Outcome.FAIL, "eligibility.registered.fail", judge(kind("REGISTERED_FOR_TITLE", "awardTypeCode", "CO_THI_DUA_TINH"), f));
    }

    @Test
    void quotaOfClusterLeadersComparedExactly() {
        FactsMother f = new FactsMother();
        f.proposals = 1;
        f.leaders = 5;
        expect(Outcome.PASS, "eligibility.quota.pass", judge(kind("QUOTA_PERCENT_OF_CLUSTER_LEADERS", "percent", 20), f));
        f.proposals = 4;
        f.leaders = 19;
        expect(Outcome.FAIL, "eligibility.quota.fail", judge(kind("QUOTA_PERCENT_OF_CLUSTER_LEADERS", "percent", 20), f));
    }

    @Test
    void theQuotaCountsEveryClusterYearWithALeaderAndThoseOutsideAndRoundsAsTheRuleSetSays() {
        FactsMother f = new FactsMother();
        // 11 cluster-years with a recorded leader and 3 run outside the system: 20 % of 14 is 2.8
        f.leaders = 11;
        f.outside = 3;
        f.proposals = 2;
        expect(Outcome.PASS, "eligibility.quota.pass", judge(kind("QUOTA_PERCENT_OF_CLUSTER_LEADERS", "percent", 20, "rounding", "FLOOR"), f));
        f.proposals = 3;
        Verdict over = judge(kind("QUOTA_PERCENT_OF_CLUSTER_LEADERS", "percent", 20, "rounding", "FLOOR"), f);
        expect(Outcome.FAIL, "eligibility.quota.fail", over);
        // the refusal says the numbers: 3 proposals, 14 leaders, 20 %, at most 2, 11 in the system, 3 outside, FLOOR
        assertEquals(List.of(3, 14, new java.math.BigDecimal("20"), "2", 11, 3, "FLOOR"), over.args());
        expect(Outcome.PASS, "eligibility.quota.pass", judge(kind("QUOTA_PERCENT_OF_CLUSTER_LEADERS", "percent", 20, "rounding", "HALF_UP"), f));
        expect(Outcome.FAIL, "eligibility.quota.fail", judge(kind("QUOTA_PERCENT_OF_CLUSTER_LEADERS", "percent", 20), f));
        List<vn.thidua.platform.domain.Refusal.Reason> problems = new ArrayList<>();
        Vocabulary.validate(List.of(kind("QUOTA_PERCENT_OF_CLUSTER_LEADERS", "percent", 20, "rounding", "UP_TO_THE_BOARD")), "eligibility", problems);
        assertEquals(List.of("eligibility[0].params.rounding"), problems.stream().map(p -> p.field()).toList());
    }

    @Test
    void exceedsTargetsNeedsEveryTargetAttainedAndOneExceeded() {
        FactsMother f = new FactsMother();
        expect(Outcome.PASS, "eligibility.targets.pass", judge(kind("EXCEEDS_TARGETS"), f));
        f.yearEnd = new Facts.YearEnd(List.of(BigDecimal.ONE, BigDecimal.ONE), null);
        expect(Outcome.FAIL, "eligibility.targets.fail", judge(kind("EXCEEDS_TARGETS"), f));
        f.yearEnd = new Facts.YearEnd(List.of(new BigDecimal("1.2"), new BigDecimal("0.98")), null);
        expect(Outcome.FAIL, "eligibility.targets.fail", judge(kind("EXCEEDS_TARGETS"), f));
        // thresholds are parameters: 98 % counts as attained where the rule set says so
        expect(Outcome.PASS, "eligibility.targets.pass", judge(kind("EXCEEDS_TARGETS", "attainedAt", 0.98), f));
        f.yearEnd = new Facts.YearEnd(Arrays.asList(new BigDecimal("1.2"), null), null);
        expect(Outcome.UNKNOWN, "eligibility.targets.unreported", judge(kind("EXCEEDS_TARGETS"), f));
        f.yearEnd = null;
        expect(Outcome.UNKNOWN, "eligibility.targets.none", judge(kind("EXCEEDS_TARGETS"), f));
    }

    @Test
    void memberSharesOfTheExcellentLabourCollective() {
        FactsMother f = new FactsMother();
        List<Condition> excellent = List.of(kind("MEMBER_SHARE", "measure", "COMPLETING_TASKS", "atLeastPercent", 100),
                kind("MEMBER_SHARE", "measure", "ADVANCED_LABOUR", "atLeastPercent", 70),
                kind("MEMBER_SHARE", "measure", "GRASSROOTS_FIGHTERS", "atLeast", 1),
                kind("MEMBER_SHARE", "measure", "DISCIPLINED_WARNING_OR_ABOVE", "atMost", 0));
        excellent.forEach(c -> expect(Outcome.PASS, "eligibility.members.pass", judge(c, f)));
        // 27 of 40 is 67.5 %: below 70 %
        f.yearEnd = new Facts.YearEnd(List.of(BigDecimal.ONE), new Facts.MemberStatistics(40, 39, 27, 0, 1, 29, true));
        for (Condition c : excellent) {
            Verdict verdict = judge(c, f);
            expect(Outcome.FAIL, "eligibility.members.fail", verdict);
        }
        // exactly 70 % passes "at least 70 %"
        f.yearEnd = new Facts.YearEnd(List.of(BigDecimal.ONE), new Facts.MemberStatistics(40, 40, 28, 1, 0, 29, true));
        expect(Outcome.PASS, "eligibility.members.pass", judge(excellent.get(1), f));
        f.yearEnd = new Facts.YearEnd(List.of(BigDecimal.ONE), new Facts.MemberStatistics(40, 40, 28, 1, 0, 29, false));
        expect(Outcome.UNKNOWN, "eligibility.members.unconfirmed", judge(excellent.get(1), f));
        f.yearEnd = new Facts.YearEnd(List.of(BigDecimal.ONE), null);
        expect(Outcome.UNKNOWN, "eligibility.members.none", judge(excellent.get(1), f));
    }

    @Test
    void ratingStreakCountsTheAchievementYearAndTheOnesBefore() {
        FactsMother f = new FactsMother();
        f.ratings = Map.of(2024, "HTXSNV", 2025, "HTXSNV");
        expect(Outcome.PASS, "eligibility.rating.pass", judge(kind("RATING_STREAK", "years", 2), f));
        f.ratings = Map.of(2024, "HTTNV", 2025, "HTXSNV");
        expect(Outcome.FAIL, "eligibility.rating.fail", judge(kind("RATING_STREAK", "years", 2), f));
        f.ratings = Map.of(2025, "HTXSNV");
        expect(Outcome.UNKNOWN, "eligibility.rating.unknown", judge(kind("RATING_STREAK", "years", 2), f));
    }

    @Test
    void awardsInAWindowCountOnlyMeritAwards() {
        FactsMother f = new FactsMother();
        f.awards = List.of(new Facts.HeldAward("TAP_THE_LAO_DONG_XUAT_SAC", 2023, AwardKind.MERIT),
                new Facts.HeldAward("TAP_THE_LAO_DONG_XUAT_SAC", 2024, AwardKind.MERIT),
                new Facts.HeldAward("BANG_KHEN_DOT_XUAT", 2024, AwardKind.AD_HOC));
        expect(Outcome.PASS, "eligibility.window.pass",
                judge(kind("AWARDS_IN_WINDOW", "awardTypes", List.of("TAP_THE_LAO_DONG_XUAT_SAC"), "count", 2, "years", 2), f));
        // the ad-hoc award is not a basis for a merit award (Decree 152 Art. 4(3))
        Verdict adHoc = judge(kind("AWARDS_IN_WINDOW", "awardTypes", List.of("TAP_THE_LAO_DONG_XUAT_SAC", "BANG_KHEN_DOT_XUAT"),
                "count", 3, "years", 2), f);
        expect(Outcome.FAIL, "eligibility.window.fail", adHoc);
        assertEquals(1L, adHoc.args().get(5));
        expect(Outcome.FAIL, "eligibility.window.fail",
                judge(kind("AWARDS_IN_WINDOW", "awardTypes", List.of("TAP_THE_LAO_DONG_XUAT_SAC"), "count", 2, "years", 1), f));
    }

    @Test
    void heldInPreviousYearsNamesTheMissingYears() {
        FactsMother f = new FactsMother();
        f.awards = List.of(new Facts.HeldAward("TAP_THE_LAO_DONG_XUAT_SAC", 2024, AwardKind.MERIT));
        expect(Outcome.PASS, "eligibility.streak.pass",
                judge(kind("HELD_IN_PREVIOUS_YEARS", "years", 1, "awardTypeCode", "TAP_THE_LAO_DONG_XUAT_SAC"), f));
        Verdict two = judge(kind("HELD_IN_PREVIOUS_YEARS", "years", 2, "awardTypeCode", "TAP_THE_LAO_DONG_XUAT_SAC"), f);
        expect(Outcome.FAIL, "eligibility.streak.fail", two);
        assertEquals("2023", two.args().get(2));
    }

    @Test
    void anOpenProceedingBlocks() {
        FactsMother f = new FactsMother();
        expect(Outcome.PASS, "eligibility.proceedings.pass", judge(kind("NO_PENDING_PROCEEDINGS"), f));
        f.proceedings = List.of(new Facts.OpenProceeding(7, "INSPECTION", LocalDate.of(2025, 11, 3), "Thanh tra tỉnh"));
        expect(Outcome.FAIL, "eligibility.proceedings.fail", judge(kind("NO_PENDING_PROCEEDINGS"), f));
    }

    @Test
    void whatOnlyPeopleCanJudgeWaitsForTheBoardsFinding() {
        FactsMother f = new FactsMother();
        Condition movement = kind("ATTESTED", "key", "PHONG_TRAO", "statement", "Có thành tích xuất sắc trong phong trào thi đua");
        expect(Outcome.UNKNOWN, "eligibility.attested.none", judge(movement, f));
        f.attestations = Map.of("PHONG_TRAO", new Facts.Attestation(true, "Báo cáo tổng kết phong trào", "board"));
        expect(Outcome.PASS, "eligibility.attested.pass", judge(movement, f));
        f.attestations = Map.of("PHONG_TRAO", new Facts.Attestation(false, "Không có thành tích nổi bật", "board"));
        expect(Outcome.FAIL, "eligibility.attested.fail", judge(movement, f));
    }

    @Test
    void theProvincialCertificateIsAnyOneOf() {
        FactsMother f = new FactsMother();
        Condition certificate = Condition.anyOf(List.of(
                kind("ATTESTED", "key", "PHONG_TRAO", "statement", "Có thành tích xuất sắc trong phong trào thi đua"),
                kind("RATING_STREAK", "years", 2),
                kind("HELD_IN_PREVIOUS_YEARS", "years", 2, "awardTypeCode", "TAP_THE_LAO_DONG_XUAT_SAC")), "QĐ 86/2025/QĐ-UBND", "V2");
        Verdict unknown = judge(certificate, f);
        assertEquals(Outcome.UNKNOWN, unknown.outcome());
        assertEquals(List.of(unknown), unknown.blocking());
        f.ratings = Map.of(2024, "HTXSNV", 2025, "HTXSNV");
        Verdict passes = judge(certificate, f);
        assertEquals(Outcome.PASS, passes.outcome());
        assertEquals(List.of(Outcome.UNKNOWN, Outcome.PASS, Outcome.FAIL), passes.children().stream().map(Verdict::outcome).toList());
        f.ratings = Map.of(2024, "HTNV", 2025, "HTXSNV");
        f.attestations = Map.of("PHONG_TRAO", new Facts.Attestation(false, "Không", "board"));
        assertEquals(Outcome.FAIL, judge(certificate, f).outcome());
    }

    @Test
    void allFailsOnAFailureAndIsUnknownOnlyWithoutOne() {
        FactsMother f = new FactsMother();
        f.yearEnd = null;
        Condition both = Condition.allOf(List.of(kind("LEADS_CLUSTER"), kind("EXCEEDS_TARGETS")), null, null);
        Verdict unknown = judge(both, f);
        assertEquals(Outcome.UNKNOWN, unknown.outcome());
        assertEquals(List.of("EXCEEDS_TARGETS"), unknown.blocking().stream().map(Verdict::kind).toList());
        f.led = false;
        assertEquals(Outcome.FAIL, judge(both, f).outcome());
        assertEquals(Outcome.FAIL, Vocabulary.outcome(Vocabulary.evaluate(List.of(kind("LEADS_CLUSTER"), kind("EXCEEDS_TARGETS")), f.facts())));
    }

    @Test
    void theGovernmentFlagNeedsTheProvincialFlagsOwnConditionsAndARefusalNamesTheOneThatFailed() {
        FactsMother f = new FactsMother();
        Condition meets = kind("MEETS_CONDITIONS_OF", "awardTypeCode", "CO_THI_DUA_TINH");
        expect(Outcome.UNKNOWN, "eligibility.meets.none", judge(meets, f));
        f.rank = 1;
        f.otherAwards.put("CO_THI_DUA_TINH", Vocabulary.evaluate(List.of(kind("LEADS_CLUSTER"), kind("RANKS_FIRST")), f.facts()));
        expect(Outcome.PASS, "eligibility.meets.pass", judge(meets, f));
        f.led = false;
        f.otherAwards.put("CO_THI_DUA_TINH", Vocabulary.evaluate(List.of(kind("LEADS_CLUSTER"), kind("RANKS_FIRST")), f.facts()));
        Verdict failed = judge(meets, f);
        expect(Outcome.FAIL, "eligibility.meets.fail", failed);
        assertEquals(List.of("LEADS_CLUSTER"), failed.blocking().stream().map(Verdict::kind).toList());
    }

    @Test
    void everyKindOfTheVocabularyIsTestedHere() {
        assertEquals(List.of("LEADS_CLUSTER", "RANKS_FIRST", "RANKS_WITHIN", "MIN_TOTAL_POINTS", "REGISTERED_FOR_TITLE",
                "QUOTA_PERCENT_OF_CLUSTER_LEADERS", "MEETS_CONDITIONS_OF", "HELD_IN_PREVIOUS_YEARS", "AWARDS_IN_WINDOW", "EXCEEDS_TARGETS", "MEMBER_SHARE",
                "RATING_STREAK", "NO_PENDING_PROCEEDINGS", "ATTESTED", "HOLDS_TITLE", "TITLE_IN_CONSECUTIVE_YEARS", "INITIATIVE_RECOGNISED",
                "NOT_DISCIPLINED", "TASK_RATING_AT_LEAST"), Vocabulary.kinds());
    }

    // ---- conditions of a person (issue 22) ----

    static Facts.PersonYear result(TaskCompletion rating, Discipline discipline, String... titles) {
        return new Facts.PersonYear(rating, Set.of(titles), discipline);
    }

    static Facts.InitiativeRecognition recognised(int initiative, RecognitionLevel level, InitiativeScope scope, LocalDate on) {
        return new Facts.InitiativeRecognition(UUID.fromString("9e1a0000-0000-4000-8000-00000000000" + initiative), "Sáng kiến " + initiative,
                level, scope, on);
    }

    @Test
    void holdsTheTitleRecordedByTheUnitOrHeldInTheLedger() {
        FactsMother f = new FactsMother().person(Map.of(2025, result(TaskCompletion.EXCELLENT, Discipline.NONE, "LAO_DONG_TIEN_TIEN")));
        expect(Outcome.PASS, "eligibility.title.pass", judge(kind("HOLDS_TITLE", "awardTypeCode", "LAO_DONG_TIEN_TIEN"), f));
        expect(Outcome.FAIL, "eligibility.title.fail", judge(kind("HOLDS_TITLE", "awardTypeCode", "CHIEN_SI_THI_DUA_CO_SO"), f));
        // conferred by a decision recorded in the ledger, though the unit's record does not list it
        f.personAwards = List.of(new Facts.HeldAward("CHIEN_SI_THI_DUA_CO_SO", 2025, AwardKind.MERIT));
        expect(Outcome.PASS, "eligibility.title.pass", judge(kind("HOLDS_TITLE", "awardTypeCode", "CHIEN_SI_THI_DUA_CO_SO"), f));
        f.personYears = Map.of();
        f.personAwards = List.of();
        expect(Outcome.UNKNOWN, "eligibility.title.unknown", judge(kind("HOLDS_TITLE", "awardTypeCode", "LAO_DONG_TIEN_TIEN"), f));
    }

    @Test
    void titleInConsecutiveYearsEndsWithTheAchievementYear() {
        FactsMother f = new FactsMother().person(Map.of(
                2023, result(TaskCompletion.EXCELLENT, Discipline.NONE, "CHIEN_SI_THI_DUA_CO_SO"),
                2025, result(TaskCompletion.EXCELLENT, Discipline.NONE, "CHIEN_SI_THI_DUA_CO_SO")));
        f.personAwards = List.of(new Facts.HeldAward("CHIEN_SI_THI_DUA_CO_SO", 2024, AwardKind.MERIT));
        Condition three = kind("TITLE_IN_CONSECUTIVE_YEARS", "awardTypeCode", "CHIEN_SI_THI_DUA_CO_SO", "years", 3);
        expect(Outcome.PASS, "eligibility.titles.pass", judge(three, f));
        // 2022 unrecorded: unknown; 2022 recorded without the title: fails, naming the year
        Condition four = kind("TITLE_IN_CONSECUTIVE_YEARS", "awardTypeCode", "CHIEN_SI_THI_DUA_CO_SO", "years", 4);
        expect(Outcome.UNKNOWN, "eligibility.titles.unknown", judge(four, f));
        f.personYears.put(2022, result(TaskCompletion.GOOD, Discipline.NONE, "LAO_DONG_TIEN_TIEN"));
        Verdict failed = judge(four, f);
        expect(Outcome.FAIL, "eligibility.titles.fail", failed);
        assertEquals("2022", failed.args().get(3));
    }

    @Test
    void initiativesCountOnceEachWithinTheWindowAndAtTheScopeAsked() {
        FactsMother f = new FactsMother().person(Map.of(2025, result(TaskCompletion.EXCELLENT, Discipline.NONE)));
        Condition grassroots = kind("INITIATIVE_RECOGNISED", "minScope", "UNIT");
        expect(Outcome.FAIL, "eligibility.initiative.fail", judge(grassroots, f));
        // one initiative recognised twice, at the grassroots in 2025 and of provincial scope in 2026: counted once
        f.initiatives = List.of(recognised(1, RecognitionLevel.GRASSROOTS, InitiativeScope.UNIT, LocalDate.of(2025, 11, 20)),
                recognised(1, RecognitionLevel.PROVINCE, InitiativeScope.PROVINCE, LocalDate.of(2026, 1, 15)),
                recognised(2, RecognitionLevel.GRASSROOTS, InitiativeScope.UNIT, LocalDate.of(2024, 5, 2)));
        expect(Outcome.PASS, "eligibility.initiative.pass", judge(grassroots, f));
        // Art. 74(1)(d): 2 initiatives over the 2 years, counted across the window
        expect(Outcome.PASS, "eligibility.initiative.pass", judge(kind("INITIATIVE_RECOGNISED", "minScope", "UNIT", "withinYears", 2,
                "count", 2), f));
        expect(Outcome.FAIL, "eligibility.initiative.fail", judge(kind("INITIATIVE_RECOGNISED", "minScope", "UNIT", "count", 2), f));
        // the provincial recognition came in 2026, after the achievement year 2025
        expect(Outcome.FAIL, "eligibility.initiative.fail", judge(kind("INITIATIVE_RECOGNISED", "minScope", "PROVINCE"), f));
        expect(Outcome.FAIL, "eligibility.initiative.fail", judge(kind("INITIATIVE_RECOGNISED", "minScope", "UNIT", "level", "PROVINCE"), f));
    }

    @Test
    void anyDisciplineInTheYearFailsUnlessTheRuleSetNamesAHeavierForm() {
        FactsMother f = new FactsMother().person(Map.of(2025, result(TaskCompletion.GOOD, Discipline.REPRIMAND)));
        expect(Outcome.FAIL, "eligibility.discipline.fail", judge(kind("NOT_DISCIPLINED"), f));
        expect(Outcome.PASS, "eligibility.discipline.pass", judge(kind("NOT_DISCIPLINED", "atOrAbove", "WARNING"), f));
        f.personYears.put(2025, result(TaskCompletion.GOOD, Discipline.NONE));
        expect(Outcome.PASS, "eligibility.discipline.pass", judge(kind("NOT_DISCIPLINED"), f));
        f.personYears = Map.of();
        expect(Outcome.UNKNOWN, "eligibility.person.year.none", judge(kind("NOT_DISCIPLINED"), f));
    }

    @Test
    void taskRatingAtLeastComparesBestFirst() {
        FactsMother f = new FactsMother().person(Map.of(2025, result(TaskCompletion.GOOD, Discipline.NONE)));
        expect(Outcome.PASS, "eligibility.person.rating.pass", judge(kind("TASK_RATING_AT_LEAST", "rating", "GOOD"), f));
        expect(Outcome.PASS, "eligibility.person.rating.pass", judge(kind("TASK_RATING_AT_LEAST", "rating", "COMPLETED"), f));
        expect(Outcome.FAIL, "eligibility.person.rating.fail", judge(kind("TASK_RATING_AT_LEAST", "rating", "EXCELLENT"), f));
        f.personYears.put(2025, result(null, Discipline.NONE));
        expect(Outcome.UNKNOWN, "eligibility.person.rating.none", judge(kind("TASK_RATING_AT_LEAST", "rating", "GOOD"), f));
    }

    @Test
    void aPersonsHistoryIsTheirOwnNotTheirUnits() {
        FactsMother f = new FactsMother().person(Map.of());
        f.awards = List.of(new Facts.HeldAward("CHIEN_SI_THI_DUA_CO_SO", 2024, AwardKind.MERIT));
        Condition held = kind("HELD_IN_PREVIOUS_YEARS", "years", 1, "awardTypeCode", "CHIEN_SI_THI_DUA_CO_SO");
        expect(Outcome.FAIL, "eligibility.person.streak.fail", judge(held, f));
        f.personAwards = List.of(new Facts.HeldAward("CHIEN_SI_THI_DUA_CO_SO", 2024, AwardKind.MERIT));
        expect(Outcome.PASS, "eligibility.person.streak.pass", judge(held, f));
        expect(Outcome.PASS, "eligibility.person.window.pass", judge(kind("AWARDS_IN_WINDOW", "awardTypes", List.of("CHIEN_SI_THI_DUA_CO_SO"),
                "count", 1, "years", 3), f));
    }

    @Test
    void aPersonKindOnAUnitsFactsCannotBeTold() {
        expect(Outcome.UNKNOWN, "eligibility.person.none", judge(kind("TASK_RATING_AT_LEAST", "rating", "GOOD"), new FactsMother()));
    }

    @Test
    void aRuleSetUsesOnlyTheKindsThatSpeakOfItsRecipient() {
        List<Refusal.Reason> problems = new ArrayList<>();
        Vocabulary.validate(List.of(kind("LEADS_CLUSTER"), Condition.anyOf(List.of(kind("MEMBER_SHARE", "measure", "WOMEN", "atLeast", 1),
                kind("TASK_RATING_AT_LEAST", "rating", "EXCELLENT")), null, null), kind("ATTESTED", "key", "GUONG_MAU", "statement", "Gương mẫu")),
                Recipient.PERSON, "eligibility", problems);
        assertEquals(List.of("eligibility[0].kind ruleset.condition.recipient", "eligibility[1].any[0].kind ruleset.condition.recipient"),
                problems.stream().map(p -> p.field() + " " + p.messageKey()).toList());
        problems.clear();
        Vocabulary.validate(List.of(kind("HOLDS_TITLE", "awardTypeCode", "LAO_DONG_TIEN_TIEN"), kind("HELD_IN_PREVIOUS_YEARS", "years", 2,
                "awardTypeCode", "TAP_THE_LAO_DONG_XUAT_SAC")), Recipient.UNIT, "eligibility", problems);
        assertEquals(List.of("eligibility[0].kind ruleset.condition.recipient"), problems.stream().map(p -> p.field() + " " + p.messageKey()).toList());
        problems.clear();
        Vocabulary.validate(List.of(kind("INITIATIVE_RECOGNISED", "minScope", "CLUSTER"), kind("NOT_DISCIPLINED", "atOrAbove", "SCOLDING")),
                Recipient.PERSON, "eligibility", problems);
        assertEquals(List.of("eligibility[0].params.minScope ruleset.condition.param.invalid",
                "eligibility[1].params.atOrAbove ruleset.condition.param.invalid"), problems.stream().map(p -> p.field() + " " + p.messageKey()).toList());
    }
}
