package vn.thidua.scoring.movement;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.thidua.scoring.movement.MovementMother.LDLD;
import static vn.thidua.scoring.movement.MovementMother.MTTQ;
import static vn.thidua.scoring.movement.MovementMother.byCluster;

import io.quarkus.security.ForbiddenException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import vn.thidua.platform.clusters.ClusterYear;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Roles;

class MovementAccessTest {
    static final LongFunction<Optional<ClusterYear>> CLUSTERS = id -> MovementMother.lookups().cluster(id);
    static final Caller BOARD = new Caller("board", Set.of(Roles.BOARD), Optional.empty());
    static final Caller LEADER_7 = new Caller("ldld", Set.of(Roles.CLUSTER_LEADER), Optional.of(LDLD));
    static final Caller LEADER_8 = new Caller("mttq", Set.of(Roles.CLUSTER_LEADER), Optional.of(MTTQ));
    static final Caller REP_OF_LEADER = new Caller("ldld-rep", Set.of(Roles.UNIT_REP), Optional.of(LDLD));

    @Test
    void theBoardWritesAnyMovement() {
        assertDoesNotThrow(() -> MovementAccess.requireMayWrite(BOARD, MovementMother.seed(), CLUSTERS));
        assertDoesNotThrow(() -> MovementAccess.requireMayWrite(BOARD, byCluster(8, List.of(7L, 8L)), CLUSTERS));
    }

    @Test
    void aClusterLeaderLaunchesOnlyForTheCluster_yearItLeads() {
        assertDoesNotThrow(() -> MovementAccess.requireMayWrite(LEADER_7, byCluster(7, List.of(7L)), CLUSTERS));
        assertThrows(ForbiddenException.class, () -> MovementAccess.requireMayWrite(LEADER_8, byCluster(7, List.of(7L)), CLUSTERS));
        assertThrows(ForbiddenException.class, () -> MovementAccess.requireMayWrite(LEADER_7, byCluster(7, List.of(7L, 8L)), CLUSTERS));
        assertThrows(ForbiddenException.class, () -> MovementAccess.requireMayWrite(LEADER_7, byCluster(404, List.of(404L)), CLUSTERS));
        assertThrows(ForbiddenException.class, () -> MovementAccess.requireMayWrite(LEADER_7, MovementMother.seed(), CLUSTERS));
        MovementRequest provinceWide = new MovementRequest("x", MovementKind.REGULAR, Launcher.CLUSTER, 7L, true, null, null, null,
                null, null);
        assertThrows(ForbiddenException.class, () -> MovementAccess.requireMayWrite(LEADER_7, provinceWide, CLUSTERS));
    }

    @Test
    void theRoleIsNeededNotOnlyTheUnit() {
        assertThrows(ForbiddenException.class, () -> MovementAccess.requireMayWrite(REP_OF_LEADER, byCluster(7, List.of(7L)), CLUSTERS));
    }

    @Test
    void aClusterLeaderChangesOnlyItsOwnClustersMovements() {
        Movement ofCluster8 = new Movement();
        ofCluster8.id = 1L;
        ofCluster8.launchedBy = Launcher.CLUSTER;
        ofCluster8.launchingClusterId = 8L;
        assertThrows(ForbiddenException.class,
                () -> MovementAccess.requireMayChange(LEADER_7, ofCluster8, byCluster(7, List.of(7L)), CLUSTERS));
        assertDoesNotThrow(() -> MovementAccess.requireMayChange(LEADER_8, ofCluster8, byCluster(8, List.of(8L)), CLUSTERS));
        Movement ofBoard = new Movement();
        ofBoard.id = 2L;
        ofBoard.launchedBy = Launcher.BOARD;
        assertThrows(ForbiddenException.class,
                () -> MovementAccess.requireMayChange(LEADER_7, ofBoard, byCluster(7, List.of(7L)), CLUSTERS));
        assertDoesNotThrow(() -> MovementAccess.requireMayChange(BOARD, ofBoard, MovementMother.seed(), CLUSTERS));
    }
}
