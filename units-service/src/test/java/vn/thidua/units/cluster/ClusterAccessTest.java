package vn.thidua.units.cluster;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.ForbiddenException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.thidua.platform.security.Caller;

class ClusterAccessTest {
    private static final String MINE = "000.00.32.H56";
    private static final Set<String> MY_CLUSTER = Set.of(MINE, "000.00.33.H56");
    private static final Set<String> OTHER_CLUSTER = Set.of("000.00.40.H56");

    private static Caller caller(String role, String unit) {
        return new Caller("someone", Set.of(role), Optional.ofNullable(unit));
    }

    @Test
    void boardAdminsAndViewersReadEveryClusterYear() {
        for (String role : new String[] {"admin", "board", "viewer"}) {
            assertTrue(ClusterAccess.readScope(caller(role, null)).all());
            assertDoesNotThrow(() -> ClusterAccess.requireRead(caller(role, null), OTHER_CLUSTER));
        }
    }

    @Test
    void representativesAndLeadersReadOnlyTheClusterYearsOfTheirUnit() {
        for (String role : new String[] {"unit-rep", "cluster-leader"}) {
            Caller caller = caller(role, MINE);
            assertEquals(Optional.of(MINE), ClusterAccess.readScope(caller).unit());
            assertDoesNotThrow(() -> ClusterAccess.requireRead(caller, MY_CLUSTER));
            assertThrows(ForbiddenException.class, () -> ClusterAccess.requireRead(caller, OTHER_CLUSTER));
            assertThrows(ForbiddenException.class, () -> ClusterAccess.requireManage(caller));
            assertTrue(ClusterAccess.readScope(caller(role, null)).nothing());
            assertThrows(ForbiddenException.class, () -> ClusterAccess.requireRead(caller(role, null), MY_CLUSTER));
        }
    }

    @Test
    void onlyBoardAndAdminsManage() {
        assertDoesNotThrow(() -> ClusterAccess.requireManage(caller("board", null)));
        assertDoesNotThrow(() -> ClusterAccess.requireManage(caller("admin", null)));
        assertThrows(ForbiddenException.class, () -> ClusterAccess.requireManage(caller("viewer", null)));
        assertThrows(ForbiddenException.class, () -> ClusterAccess.requireManage(caller("portal", null)));
        assertTrue(ClusterAccess.readScope(caller("portal", null)).nothing());
    }
}
