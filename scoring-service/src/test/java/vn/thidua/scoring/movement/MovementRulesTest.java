package vn.thidua.scoring.movement;

import vn.thidua.platform.domain.Refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.thidua.scoring.movement.MovementMother.lookups;
import static vn.thidua.scoring.movement.MovementMother.seed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.thidua.platform.domain.Refusal.Reason;

class MovementRulesTest {

    /** field → message key of every problem the request has. */
    static Map<String, String> problems(MovementRequest request) {
        Refusal e = assertThrows(Refusal.class, () -> MovementRules.check(request, lookups()));
        assertEquals(Refusal.Nature.RULE, e.nature());
        assertEquals("invalid-movement", e.type());
        assertEquals(Integer.toString(e.reasons().size()), e.args()[0]);
        return e.reasons().stream().collect(Collectors.toMap(Reason::field, Reason::messageKey));
    }

    @Test
    void theSeedStoryPassesCleaned() {
        MovementRequest seed = seed();
        MovementRequest messy = new MovementRequest("  Thi đua yêu nước,   trọng tâm xây dựng nông thôn mới gắn với văn minh đô thị ",
                seed.kind(), seed.launchedBy(), null, null, List.of(7L, 7L), seed.startDate(), seed.endDate(),
                List.of(" Hoàn thành\tcác chỉ tiêu "), List.of(1L, 1L));
        MovementDefinition definition = MovementRules.check(messy, lookups());
        assertEquals(MovementMother.SEED_NAME, definition.name());
        assertEquals(List.of(7L), definition.participantClusterIds());
        assertEquals(List.of(1L), definition.criteriaSetIds());
        assertEquals(List.of("Hoàn thành các chỉ tiêu"), definition.goals());
        assertEquals(1, definition.period().durationYears());
        assertEquals(false, definition.allClusters());
    }

    @Test
    void decomposedVietnameseIsStoredComposed() {
        String decomposed = java.text.Normalizer.normalize(MovementMother.SEED_NAME, java.text.Normalizer.Form.NFD);
        MovementRequest seed = seed();
        MovementRequest request = new MovementRequest(decomposed, seed.kind(), seed.launchedBy(), null, false,
                seed.participantClusterIds(), seed.startDate(), seed.endDate(), seed.goals(), seed.criteriaSetIds());
        assertEquals(MovementMother.SEED_NAME, MovementRules.check(request, lookups()).name());
    }

    @Test
    void aProvinceWideThematicMovementOfFiveYears() {
        MovementRequest request = new MovementRequest("Chung sức xây dựng nông thôn mới", MovementKind.THEMATIC, Launcher.BOARD, null,
                true, null, LocalDate.of(2016, 1, 1), LocalDate.of(2020, 12, 31), null, null);
        MovementDefinition definition = MovementRules.check(request, lookups());
        assertEquals(5, definition.period().durationYears());
        assertEquals(List.of(), definition.participantClusterIds());
        assertEquals(List.of(), definition.goals());
    }

    @Test
    void everyBrokenRuleIsListedAtOnce() {
        MovementRequest request = new MovementRequest(" ", null, null, null, true, List.of(7L),
                LocalDate.of(2016, 12, 31), LocalDate.of(2016, 1, 1), null, List.of(99L));
        Map<String, String> problems = problems(request);
        assertEquals(Map.of(
                "name", "problem.field.required",
                "kind", "movement.kind.required",
                "endDate", "movement.dates.order",
                "launchedBy", "movement.launcher.required",
                "participantClusterIds", "movement.participants.both",
                "criteriaSetIds[0]", "movement.criteria-set.unknown"), problems);
    }

    @Test
    void aNameOfMoreThan300CharactersAndHiddenCharactersAreRefused() {
        MovementRequest seed = seed();
        String longName = "a".repeat(301);
        Map<String, String> problems = problems(new MovementRequest(longName, seed.kind(), seed.launchedBy(), null, false,
                seed.participantClusterIds(), seed.startDate(), seed.endDate(), List.of("ok", "trái\u202Engược"), seed.criteriaSetIds()));
        assertEquals(Map.of("name", "problem.field.too-long", "goals[1]", "problem.field.hidden-characters"), problems);
        MovementRules.check(new MovementRequest("a".repeat(300), seed.kind(), seed.launchedBy(), null, false,
                seed.participantClusterIds(), seed.startDate(), seed.endDate(), seed.goals(), seed.criteriaSetIds()), lookups());
    }

    @Test
    void aRegularMovementLiesWithinOneCalendarYear() {
        MovementRequest seed = seed();
        Map<String, String> problems = problems(new MovementRequest(seed.name(), MovementKind.REGULAR, Launcher.BOARD, null, true, null,
                LocalDate.of(2016, 6, 1), LocalDate.of(2017, 5, 31), null, null));
        assertEquals(Map.of("endDate", "movement.regular.one-year"), problems);
        MovementRules.check(new MovementRequest(seed.name(), MovementKind.THEMATIC, Launcher.BOARD, null, true, null,
                LocalDate.of(2016, 6, 1), LocalDate.of(2017, 5, 31), null, null), lookups());
    }

    @Test
    void participantsAreKnownCluster_yearsOfTheMovementsYears() {
        MovementRequest seed = seed();
        Map<String, String> problems = problems(new MovementRequest(seed.name(), seed.kind(), Launcher.BOARD, null, false,
                Arrays.asList(7L, 404L, null, 723L), seed.startDate(), seed.endDate(), null, null));
        assertEquals(Map.of("participantClusterIds[1]", "movement.participant.unknown",
                "participantClusterIds[2]", "movement.item.missing",
                "participantClusterIds[3]", "movement.participant.outside-period"), problems);
    }

    @Test
    void neitherProvinceWideNorListedIsRefused() {
        MovementRequest seed = seed();
        assertEquals(Map.of("participantClusterIds", "movement.participants.none"), problems(new MovementRequest(seed.name(),
                seed.kind(), Launcher.BOARD, null, false, List.of(), seed.startDate(), seed.endDate(), null, null)));
        assertEquals(Map.of("participantClusterIds", "movement.participants.none"), problems(new MovementRequest(seed.name(),
                seed.kind(), Launcher.BOARD, null, null, null, seed.startDate(), seed.endDate(), null, null)));
    }

    @Test
    void theLauncherIsTheBoardOrAKnownCluster_year() {
        MovementRequest seed = seed();
        assertEquals(Map.of("launchingClusterId", "movement.launcher.unknown"), problems(new MovementRequest(seed.name(),
                seed.kind(), Launcher.CLUSTER, 404L, true, null, seed.startDate(), seed.endDate(), null, null)));
        assertEquals(Map.of("launchingClusterId", "problem.field.required"), problems(new MovementRequest(seed.name(),
                seed.kind(), Launcher.CLUSTER, null, true, null, seed.startDate(), seed.endDate(), null, null)));
        assertEquals(Map.of("launchingClusterId", "movement.launcher.board-with-cluster"), problems(new MovementRequest(seed.name(),
                seed.kind(), Launcher.BOARD, 7L, true, null, seed.startDate(), seed.endDate(), null, null)));
        // a cluster-year may launch next year's movement, signed at its year-end conference
        MovementRules.check(new MovementRequest(seed.name(), seed.kind(), Launcher.CLUSTER, 7L, true, null,
                LocalDate.of(2017, 1, 1), LocalDate.of(2017, 12, 31), null, null), lookups());
    }

    @Test
    void atMostTwentyGoalsOfAtMost1000Characters() {
        MovementRequest seed = seed();
        List<String> twenty = new ArrayList<>(Collections.nCopies(20, "x".repeat(1000)));
        MovementRules.check(new MovementRequest(seed.name(), seed.kind(), Launcher.BOARD, null, true, null, seed.startDate(),
                seed.endDate(), twenty, null), lookups());
        List<String> tooMany = new ArrayList<>(twenty);
        tooMany.add("one more");
        assertEquals(Map.of("goals", "movement.goals.too-many"), problems(new MovementRequest(seed.name(), seed.kind(),
                Launcher.BOARD, null, true, null, seed.startDate(), seed.endDate(), tooMany, null)));
        assertEquals(Map.of("goals[1]", "problem.field.too-long", "goals[2]", "problem.field.required"),
                problems(new MovementRequest(seed.name(), seed.kind(), Launcher.BOARD, null, true, null, seed.startDate(),
                        seed.endDate(), Arrays.asList("ok", "x".repeat(1001), null), null)));
    }

    @Test
    void datesAreRequiredAndPlausible() {
        MovementRequest seed = seed();
        assertEquals(Map.of("startDate", "problem.field.required", "endDate", "problem.field.required"),
                problems(new MovementRequest(seed.name(), seed.kind(), Launcher.BOARD, null, true, null, null, null, null, null)));
        assertEquals(Map.of("startDate", "movement.date.range"), problems(new MovementRequest(seed.name(), MovementKind.THEMATIC,
                Launcher.BOARD, null, true, null, LocalDate.of(1999, 1, 1), LocalDate.of(2001, 1, 1), null, null)));
    }

    @Test
    void numbersInMessagesAreNotGrouped() {
        MovementRequest seed = seed();
        Refusal e = assertThrows(Refusal.class, () -> MovementRules.check(new MovementRequest(seed.name(),
                seed.kind(), Launcher.BOARD, null, false, List.of(723L), seed.startDate(), seed.endDate(), null, null), lookups()));
        assertEquals(List.of("723", "2023", "2016", "2016"), Arrays.asList(e.reasons().get(0).args()));
    }
}
