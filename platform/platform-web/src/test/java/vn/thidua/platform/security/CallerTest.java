package vn.thidua.platform.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.ForbiddenException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void aUnitRepresentativeActsForItsOwnUnitOnly() {
        Caller rep = new Caller("ldld", Set.of(Roles.UNIT_REP), Optional.of("000.00.32.H56"));
        assertTrue(rep.actsFor("000.00.32.H56"));
        assertFalse(rep.actsFor("000.00.33.H56"));
        assertDoesNotThrow(() -> rep.requireBoardOrActsFor("000.00.32.H56"));
        assertThrows(ForbiddenException.class, () -> rep.requireBoardOrActsFor("000.00.33.H56"));
        assertThrows(ForbiddenException.class, rep::requireBoardOrAdmin);
    }

    @Test
    void aRoleWithoutAUnitActsForNoUnit() {
        Caller rep = new Caller("broken", Set.of(Roles.UNIT_REP), Optional.of(" "));
        assertFalse(rep.actsFor(" "));
        assertThrows(ForbiddenException.class, () -> rep.requireBoardOrActsFor("000.00.32.H56"));
    }

    @Test
    void theBoardManagesEverything() {
        Caller board = new Caller("board", Set.of(Roles.BOARD), Optional.empty());
        assertDoesNotThrow(() -> board.requireBoardOrActsFor("000.00.32.H56"));
        assertDoesNotThrow(board::requireBoardOrAdmin);
    }

    @Test
    void aUnitClaimActsOnlyWithAUnitBoundRole() {
        Caller viewer = new Caller("viewer", Set.of(Roles.VIEWER), Optional.of("000.00.32.H56"));
        Caller portal = new Caller("portal", Set.of(Roles.PORTAL), Optional.of("000.00.32.H56"));
        assertFalse(viewer.actsFor("000.00.32.H56"));
        assertFalse(portal.actsFor("000.00.32.H56"));
        assertThrows(ForbiddenException.class, () -> viewer.requireBoardOrActsFor("000.00.32.H56"));
        assertTrue(viewer.actingUnit().isEmpty());
    }

    @Test
    void aClusterLeaderLeadsOnlyTheClusterItsUnitLeads() {
        Caller leader = new Caller("leader", Set.of(Roles.CLUSTER_LEADER), Optional.of("000.00.32.H56"));
        Caller rep = new Caller("rep", Set.of(Roles.UNIT_REP), Optional.of("000.00.32.H56"));
        assertTrue(leader.leadsClusterLedBy("000.00.32.H56"));
        assertFalse(leader.leadsClusterLedBy("000.00.33.H56"));
        assertFalse(leader.leadsClusterLedBy(null));
        assertFalse(rep.leadsClusterLedBy("000.00.32.H56"), "the leader unit's representative is not the cluster leader");
        assertThrows(ForbiddenException.class, () -> leader.requireBoardOrLeadsClusterLedBy("000.00.33.H56"));
        assertDoesNotThrow(() -> new Caller("board", Set.of(Roles.BOARD), Optional.empty()).requireBoardOrLeadsClusterLedBy(null));
    }

    @Test
    void clusterYearsAreReadByTheirMembersAndByThoseWhoReadAll() {
        Caller rep = new Caller("rep", Set.of(Roles.UNIT_REP), Optional.of("000.00.32.H56"));
        Caller viewer = new Caller("viewer", Set.of(Roles.VIEWER), Optional.empty());
        Caller portal = new Caller("portal", Set.of(Roles.PORTAL), Optional.of("000.00.32.H56"));
        assertTrue(rep.readsClusterOf(java.util.List.of("000.00.31.H56", "000.00.32.H56")));
        assertFalse(rep.readsClusterOf(java.util.List.of("000.00.31.H56")));
        assertTrue(viewer.readsClusterOf(java.util.List.of()));
        assertFalse(portal.readsClusterOf(java.util.List.of("000.00.32.H56")), "a unit claim without a unit-bound role makes no member");
    }
}
