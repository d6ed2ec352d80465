package vn.thidua.units.cluster;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static vn.thidua.units.cluster.RosterTest.assertProblem;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementRulesTest {
    private static final String MTTQ = "000.00.31.H56";
    private static final String LDLD = "000.00.32.H56";
    private static final Roster ROSTER = new Roster(List.of(MTTQ, LDLD), Leadership.NONE);
    private static final EmulationYear Y2023 = new EmulationYear(2023);
    private static final LocalDate TODAY = LocalDate.of(2023, 6, 1);

    @Test
    void membersSignInTheYearOrAtThePreviousYearEndConference() {
        assertDoesNotThrow(() -> AgreementRules.requireValid(LocalDate.of(2022, 12, 29), List.of(MTTQ, LDLD), ROSTER, Y2023, TODAY));
        assertDoesNotThrow(() -> AgreementRules.requireValid(LocalDate.of(2023, 6, 1), List.of(MTTQ), ROSTER, Y2023, TODAY));
    }

    @Test
    void refusesMissingDatesAndSignatories() {
        assertProblem(400, "invalid-cluster-agreement", () -> AgreementRules.requireValid(null, List.of(MTTQ), ROSTER, Y2023, TODAY));
        assertProblem(400, "invalid-cluster-agreement",
                () -> AgreementRules.requireValid(LocalDate.of(2023, 1, 5), List.of(), ROSTER, Y2023, TODAY));
        assertProblem(400, "invalid-cluster-agreement",
                () -> AgreementRules.requireValid(LocalDate.of(2023, 1, 5), null, ROSTER, Y2023, TODAY));
    }

    @Test
    void refusesDatesOutsideTheYearOrInTheFuture() {
        assertProblem(422, "cluster-agreement-date",
                () -> AgreementRules.requireValid(LocalDate.of(2021, 12, 31), List.of(MTTQ), ROSTER, Y2023, TODAY));
        assertProblem(422, "cluster-agreement-date",
                () -> AgreementRules.requireValid(LocalDate.of(2023, 6, 2), List.of(MTTQ), ROSTER, Y2023, TODAY));
        assertProblem(422, "cluster-agreement-date",
                () -> AgreementRules.requireValid(LocalDate.of(2024, 1, 2), List.of(MTTQ), ROSTER, Y2023, LocalDate.of(2024, 2, 1)));
    }

    @Test
    void onlyMembersSign() {
        assertProblem(422, "cluster-agreement-signatory-not-member",
                () -> AgreementRules.requireValid(LocalDate.of(2023, 1, 5), List.of(MTTQ, "000.00.99.H56"), ROSTER, Y2023, TODAY));
    }
}
