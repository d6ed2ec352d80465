package vn.thidua.awards.decision;

import vn.thidua.platform.domain.Refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.thidua.platform.web.ProblemException;

class DecisionRequestTest {
    static final LocalDate TODAY = LocalDate.of(2017, 3, 1);
    static final LocalDate DATE = LocalDate.of(2017, 1, 20);

    @Test
    void textIsCleanedAndUnitsAreCanonicalOnceEachInTheOrderGiven() {
        DecisionRequest.Checked checked = new DecisionRequest(" 101/QĐ-UBND ", DATE, null, "CO_THI_DUA_TINH", 2016,
                List.of("000.00.33.h56", " 000.00.32.H56", "000.00.33.H56")).check(TODAY);
        assertEquals("101/QĐ-UBND", checked.number());
        assertNull(checked.authority());
        assertEquals(List.of("000.00.33.H56", "000.00.32.H56"), checked.units());
        // decomposed Vietnamese (as some keyboards type it) becomes the composed form
        String decomposed = "Chu\u0309 ti\u0323ch UBND ti\u0309nh";
        assertEquals("Chủ tịch UBND tỉnh", new DecisionRequest("1", DATE, decomposed, "A", 2016, List.of("A.B")).check(TODAY).authority());
    }

    @Test
    void missingOrMalformedFieldsAre400AndEveryBadUnitIsListed() {
        assertProblem(400, "invalid-field", new DecisionRequest(" ", DATE, null, "A", 2016, List.of("A")));
        assertProblem(400, "invalid-field", new DecisionRequest("1", null, null, "A", 2016, List.of("A")));
        assertProblem(400, "invalid-field", new DecisionRequest("1", DATE, null, null, 2016, List.of("A")));
        assertProblem(400, "invalid-field", new DecisionRequest("1", DATE, null, "A", null, List.of("A")));
        assertProblem(400, "invalid-field", new DecisionRequest("1", DATE, null, "A", 2016, null));
        assertProblem(400, "invalid-field", new DecisionRequest("1", DATE, null, "A", 2016, List.of()));
        assertProblem(400, "invalid-year", new DecisionRequest("1", DATE, null, "A", 1999, List.of("A")));
        assertProblem(400, "too-many-units", new DecisionRequest("1", DATE, null, "A", 2016, Collections.nCopies(501, "A")));
        assertProblem(400, "invalid-field", new DecisionRequest("1\u202E", DATE, null, "A", 2016, List.of("A")));
        Refusal units = assertProblem(400, "invalid-unit-code",
                new DecisionRequest("1", DATE, null, "A", 2016, Arrays.asList("A", null, "a b", "A..B", "X".repeat(36))));
        assertEquals(List.of("units[1]", "units[2]", "units[3]", "units[4]"), units.reasons().stream().map(Refusal.Reason::field).toList());
    }

    @Test
    void aDecisionForPersonsNamesEachPersonOnceAndNoUnits() {
        java.util.UUID mau = java.util.UUID.randomUUID();
        java.util.UUID an = java.util.UUID.randomUUID();
        DecisionRequest.Checked checked = new DecisionRequest("45/QĐ-LĐLĐ", DATE, null, "CHIEN_SI_THI_DUA_CO_SO", 2016, null,
                List.of(mau, an, mau)).check(TODAY);
        assertEquals(List.of(mau, an), checked.persons());
        assertEquals(List.of(), checked.units());
        assertProblem(400, "units-and-persons", new DecisionRequest("1", DATE, null, "A", 2016, List.of("A"), List.of(mau)));
        assertProblem(400, "invalid-field", new DecisionRequest("1", DATE, null, "A", 2016, null, Arrays.asList(mau, null)));
        assertProblem(400, "invalid-field", new DecisionRequest("1", DATE, null, "A", 2016, null, List.of()));
    }

    @Test
    void aDateThatCannotBeRightIs422() {
        assertProblem(422, "decision-date-in-future", new DecisionRequest("1", TODAY.plusDays(1), null, "A", 2016, List.of("A")));
        assertProblem(422, "decision-date-before-year", new DecisionRequest("1", LocalDate.of(2015, 12, 31), null, "A", 2016, List.of("A")));
        assertEquals(LocalDate.of(2016, 1, 1),
                new DecisionRequest("1", LocalDate.of(2016, 1, 1), null, "A", 2016, List.of("A")).check(TODAY).date());
        assertEquals(TODAY, new DecisionRequest("1", TODAY, null, "A", 2016, List.of("A")).check(TODAY).date());
    }

    private static Refusal assertProblem(int status, String type, DecisionRequest request) {
        Refusal problem = assertThrows(Refusal.class, () -> request.check(TODAY));
        assertEquals(status, ProblemException.statusOf(problem.nature()));
        assertEquals(type, problem.type());
        return problem;
    }
}
