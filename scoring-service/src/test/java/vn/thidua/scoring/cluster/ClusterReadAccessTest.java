package vn.thidua.scoring.cluster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.thidua.platform.security.Caller;

class ClusterReadAccessTest {
    private static final List<String> MEMBERS = List.of("000.00.31.H56", "000.00.32.H56");

    @Test
    void adminBoardAndViewersReadEveryClusterYear() {
        for (String role : List.of("admin", "board", "viewer")) {
            ClusterReadAccess access = ClusterReadAccess.of(caller(Optional.empty(), role));
            assertTrue(access.all(), role);
            assertTrue(access.allows(MEMBERS), role);
            assertTrue(access.allows(List.of()), role);
        }
    }

    @Test
    void unitRepresentativesAndClusterLeadersReadOnlyTheirUnitsClusterYears() {
        for (String role : List.of("unit-rep", "cluster-leader")) {
            ClusterReadAccess access = ClusterReadAccess.of(caller(Optional.of("000.00.32.H56"), role));
            assertFalse(access.all(), role);
            assertFalse(access.nothing(), role);
            assertTrue(access.allows(MEMBERS), role);
            assertFalse(access.allows(List.of("000.00.33.H56")), role);
        }
    }

    @Test
    void aUnitRoleWithoutAUnitReadsNothing() {
        ClusterReadAccess access = ClusterReadAccess.of(caller(Optional.empty(), "unit-rep"));
        assertTrue(access.nothing());
        assertFalse(access.allows(MEMBERS));
    }

    @Test
    void otherRolesReadNothing() {
        assertTrue(ClusterReadAccess.of(caller(Optional.of("000.00.31.H56"), "portal")).nothing());
        assertTrue(ClusterReadAccess.of(caller(Optional.empty())).nothing());
    }

    private static Caller caller(Optional<String> unit, String... roles) {
        return new Caller("someone", Set.of(roles), unit);
    }
}
