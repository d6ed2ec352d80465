package vn.thidua.units.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.thidua.units.cluster.RosterTest.assertProblem;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RollOverTest {
    private static final String MTTQ = "000.00.31.H56";
    private static final String LDLD = "000.00.32.H56";
    private static final String HND = "000.00.33.H56";
    private static final String HPN = "000.00.34.H56";
    private static final String OUTSIDER = "000.00.99.H56";
    private static final Roster CLUSTER_7_IN_2016 = new Roster(List.of(MTTQ, LDLD, HND, HPN), new Leadership(LDLD, HND));

    @Test
    void theDeputyIsProposedAsNextYearsLeader() {
        RollOver.Plan plan = RollOver.plan(new EmulationYear(2016), CLUSTER_7_IN_2016, code -> true, Optional.empty());
        assertEquals(2017, plan.year().value());
        assertEquals(Set.of(MTTQ, LDLD, HND, HPN), plan.members());
        assertEquals(new Leadership(HND, null), plan.leadership());
        assertEquals(LeadershipBasis.ROTATION, plan.basis());
        assertEquals(RollOver.ElectionUse.NONE, plan.election());
    }

    @Test
    void anElectedLeadershipWinsOverTheRotation() {
        RollOver.Plan plan = RollOver.plan(new EmulationYear(2016), CLUSTER_7_IN_2016, code -> true,
                Optional.of(new Leadership(HPN, MTTQ)));
        assertEquals(new Leadership(HPN, MTTQ), plan.leadership());
        assertEquals(LeadershipBasis.ELECTED, plan.basis());
        assertEquals(RollOver.ElectionUse.USED, plan.election());
    }

    @Test
    void anElectionThatDoesNotFitTheMembersFallsBackToTheRotation() {
        for (Leadership misfit : List.of(new Leadership(OUTSIDER, MTTQ), new Leadership(MTTQ, OUTSIDER), new Leadership(MTTQ, MTTQ))) {
            RollOver.Plan plan = RollOver.plan(new EmulationYear(2016), CLUSTER_7_IN_2016, code -> true, Optional.of(misfit));
            assertEquals(new Leadership(HND, null), plan.leadership());
            assertEquals(LeadershipBasis.ROTATION, plan.basis());
            assertEquals(RollOver.ElectionUse.NOT_APPLICABLE, plan.election());
        }
    }

    @Test
    void unitsNoLongerActiveAreLeftOutAndCannotLead() {
        RollOver.Plan plan = RollOver.plan(new EmulationYear(2016), CLUSTER_7_IN_2016, code -> !code.equals(HND),
                Optional.of(new Leadership(HND, MTTQ)));
        assertEquals(Set.of(MTTQ, LDLD, HPN), plan.members());
        assertEquals(Leadership.NONE, plan.leadership());
        assertNull(plan.basis());
        assertEquals(RollOver.ElectionUse.NOT_APPLICABLE, plan.election());
    }

    @Test
    void withoutADeputyThereIsNoProposedLeader() {
        Roster leaderOnly = new Roster(List.of(MTTQ, LDLD), new Leadership(LDLD, null));
        RollOver.Plan plan = RollOver.plan(new EmulationYear(2030), leaderOnly, code -> true, Optional.empty());
        assertEquals(Leadership.NONE, plan.leadership());
        assertNull(plan.basis());
    }

    @Test
    void thereIsNoYearAfter2100() {
        assertProblem(400, "invalid-cluster-year",
                () -> RollOver.plan(new EmulationYear(2100), CLUSTER_7_IN_2016, code -> true, Optional.empty()));
    }
}
