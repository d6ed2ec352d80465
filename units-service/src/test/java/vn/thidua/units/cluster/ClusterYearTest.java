package vn.thidua.units.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.thidua.units.cluster.ClusterYearMother.DISSOLVED;
import static vn.thidua.units.cluster.ClusterYearMother.HND;
import static vn.thidua.units.cluster.ClusterYearMother.HPN;
import static vn.thidua.units.cluster.ClusterYearMother.LDLD;
import static vn.thidua.units.cluster.ClusterYearMother.MTTQ;
import static vn.thidua.units.cluster.ClusterYearMother.NOW;
import static vn.thidua.units.cluster.ClusterYearMother.OTHERS;
import static vn.thidua.units.cluster.ClusterYearMother.REGISTRY;
import static vn.thidua.units.cluster.ClusterYearMother.TAKEN;
import static vn.thidua.units.cluster.ClusterYearMother.cluster7;
import static vn.thidua.units.cluster.ClusterYearMother.roster;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.thidua.platform.domain.Refusal;

/** The transitions of a cluster-year, in memory: each checks its rule, changes the state and returns its change. */
class ClusterYearTest {

    @Test
    void aNewClusterYearTakesActiveUnitsThatAreInNoOtherClusterInTheOrderGiven() {
        Set<String> members = new LinkedHashSet<>(List.of(MTTQ, LDLD, HND));
        ClusterChange change = ClusterYear.open(ClusterCode.parse("cum-09"), ClusterName.parse("Cụm thi đua số 9"), ClusterKind.CLUSTER,
                EmulationYear.of(2016), members, REGISTRY, OTHERS, NOW);
        assertEquals(ClusterEvents.CLUSTER_CREATED, change.eventType());
        assertNull(change.before());
        assertEquals(List.of(MTTQ, LDLD, HND), List.copyOf(change.joined()));
        assertEquals("CUM-09", change.cluster().code);
        assertEquals(0, change.cluster().version);

        assertRefused("cluster-member-elsewhere", () -> ClusterYear.open(ClusterCode.parse("CUM-09"), ClusterName.parse("Cụm 9"),
                ClusterKind.CLUSTER, EmulationYear.of(2016), Set.of(TAKEN), REGISTRY, OTHERS, NOW));
        assertRefused("cluster-member-inactive", () -> ClusterYear.open(ClusterCode.parse("CUM-09"), ClusterName.parse("Cụm 9"),
                ClusterKind.CLUSTER, EmulationYear.of(2016), Set.of(DISSOLVED), REGISTRY, OTHERS, NOW));
    }

    @Test
    void aMemberJoinsAndTheVersionMoves() {
        ClusterYear cluster = cluster7();
        ClusterChange change = cluster.addMember(roster(cluster), HPN, REGISTRY, OTHERS, NOW);
        assertEquals(ClusterEvents.MEMBERSHIP_CHANGED, change.eventType());
        assertEquals(Set.of(HPN), change.joined());
        assertEquals(List.of(MTTQ, LDLD, HND), change.before().members());
        assertEquals(3, change.before().version());
        assertEquals(4, cluster.version);
        assertEquals(NOW, cluster.updatedAt);
    }

    @Test
    void aMemberAlreadyThereOrInAnotherClusterDoesNotJoinAndNothingChanges() {
        ClusterYear cluster = cluster7();
        assertRefused("cluster-member-already", () -> cluster.addMember(roster(cluster), MTTQ, REGISTRY, OTHERS, NOW));
        assertRefused("cluster-member-elsewhere", () -> cluster.addMember(roster(cluster), TAKEN, REGISTRY, OTHERS, NOW));
        assertEquals(3, cluster.version);
    }

    @Test
    void aMemberLeavesUnlessItLeads() {
        ClusterYear cluster = cluster7();
        assertRefused("cluster-member-leads", () -> cluster.removeMember(roster(cluster), LDLD, NOW));
        assertRefused("cluster-member-not-found", () -> cluster.removeMember(roster(cluster), HPN, NOW));
        ClusterChange change = cluster.removeMember(roster(cluster), MTTQ, NOW);
        assertEquals(Set.of(MTTQ), change.left());
        assertEquals(4, cluster.version);
    }

    @Test
    void theBoardAssignsLeadershipAndTheSameAssignmentAgainChangesNothing() {
        ClusterYear cluster = cluster7();
        assertTrue(cluster.assignLeadership(roster(cluster), new Leadership(LDLD, HND), REGISTRY, NOW).isEmpty());
        assertEquals(3, cluster.version);
        ClusterChange change = cluster.assignLeadership(roster(cluster), new Leadership(MTTQ, LDLD), REGISTRY, NOW).orElseThrow();
        assertEquals(ClusterEvents.LEADERSHIP_ASSIGNED, change.eventType());
        assertEquals(LDLD, change.before().leaderUnitCode());
        assertEquals(new Leadership(MTTQ, LDLD), cluster.leadership());
        assertEquals(LeadershipBasis.ASSIGNED, cluster.leadershipBasis);
        assertRefused("cluster-leadership-not-member", () -> cluster.assignLeadership(roster(cluster), new Leadership(HPN, null), REGISTRY, NOW));
    }

    @Test
    void anElectedLeadershipReplacesAnAssignedOneEvenWhenTheUnitsAreTheSame() {
        ClusterYear cluster = cluster7();
        ClusterChange change = cluster.elect(roster(cluster), new Leadership(LDLD, HND), NOW).orElseThrow();
        assertEquals(ClusterEvents.LEADERSHIP_ASSIGNED, change.eventType());
        assertEquals(LeadershipBasis.ELECTED, cluster.leadershipBasis);
        assertTrue(cluster.elect(roster(cluster), new Leadership(LDLD, HND), NOW).isEmpty());
    }

    @Test
    void anAgreementIsRecordedWithItsSignatoriesAndItsDocument() {
        ClusterYear cluster = cluster7();
        ClusterChange change = cluster.recordAgreement(roster(cluster), LocalDate.of(2016, 2, 15), Set.of(MTTQ, LDLD, HND),
                LocalDate.of(2016, 3, 1), NOW);
        assertEquals(ClusterEvents.AGREEMENT_RECORDED, change.eventType());
        assertNull(change.before().agreement());
        assertEquals(Set.of(MTTQ, LDLD, HND), cluster.agreementSignatories);
        assertRefused(null, () -> cluster.recordAgreement(roster(cluster), LocalDate.of(2016, 4, 1), Set.of(MTTQ),
                LocalDate.of(2016, 3, 1), NOW));

        ClusterChange document = cluster.attachAgreementDocument(roster(cluster), "ab".repeat(32), 1024, NOW);
        assertEquals(ClusterEvents.AGREEMENT_RECORDED, document.eventType());
        assertEquals(1024L, cluster.agreementDocumentSize);
        assertEquals(NOW, cluster.agreementDocumentUploadedAt);
        assertEquals(5, cluster.version);
    }

    @Test
    void emulationLeadersRecordedOnPaperReplaceThoseBeforeAndTheSameListAgainChangesNothing() {
        ClusterYear cluster = cluster7();
        ClusterChange change = cluster.recordEmulationLeaders(roster(cluster), List.of(LDLD), "Biên bản số 12", NOW).orElseThrow();
        assertEquals(ClusterEvents.EMULATION_LEADERS_RECORDED, change.eventType());
        assertEquals(List.of(LDLD), cluster.emulationLeaderCodes());
        assertTrue(cluster.recordEmulationLeaders(roster(cluster), List.of(LDLD), "Biên bản số 12", NOW).isEmpty());
        assertRefused("cluster-emulation-leader-not-member",
                () -> cluster.recordEmulationLeaders(roster(cluster), List.of(HPN), "Biên bản số 13", NOW));
    }

    @Test
    void aVoteElectsTheEmulationLeadersAndARunoffAddsToItsRound() {
        ClusterYear cluster = cluster7();
        String first = "7f3c2a10-0000-4000-8000-000000000001";
        String runoff = "7f3c2a10-0000-4000-8000-000000000002";
        cluster.applyVote(roster(cluster), ClusterYearMother.vote(first, null, List.of(LDLD)), ClusterYearMother.round(first), NOW)
                .orElseThrow();
        assertEquals(List.of(LDLD), cluster.emulationLeaderCodes());
        assertEquals(EmulationLeaderBasis.VOTE, cluster.emulationLeaders.get(0).basis);
        cluster.applyVote(roster(cluster), ClusterYearMother.vote(runoff, first, List.of(MTTQ)), ClusterYearMother.round(first, runoff), NOW)
                .orElseThrow();
        assertEquals(List.of(LDLD, MTTQ), cluster.emulationLeaderCodes());
        assertTrue(cluster.applyVote(roster(cluster), ClusterYearMother.vote(runoff, null, List.of()), Set.of(), NOW).isEmpty());
        assertEquals(5, cluster.version);
    }

    @Test
    void aRollOverOpensNextYearWithThePlannedMembersAndLeadership() {
        ClusterYear current = cluster7();
        RollOver.Plan plan = RollOver.plan(new EmulationYear(2016), roster(current), code -> !code.equals(MTTQ), Optional.empty());
        ClusterChange change = current.rollOver(plan, OTHERS, NOW);
        ClusterYear next = change.cluster();
        assertEquals(ClusterEvents.CLUSTER_CREATED, change.eventType());
        assertEquals(2017, next.year);
        assertEquals("CUM-07", next.code);
        assertEquals(7L, next.rolledOverFromId);
        assertEquals(new Leadership(HND, null), next.leadership());
        assertEquals(LeadershipBasis.ROTATION, next.leadershipBasis);
        assertEquals(List.of(HND, LDLD), List.copyOf(change.joined()));
        assertEquals(3, current.version);

        RollOver.Plan taken = new RollOver.Plan(new EmulationYear(2017), Set.of(TAKEN), Leadership.NONE, null, RollOver.ElectionUse.NONE);
        assertRefused("cluster-member-elsewhere", () -> current.rollOver(taken, OTHERS, NOW));
    }

    private static void assertRefused(String type, Runnable action) {
        Refusal refused = assertThrows(Refusal.class, action::run);
        if (type != null) {
            assertEquals(type, refused.type());
        }
    }
}
