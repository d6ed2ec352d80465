package vn.thidua.scoring.movement;

import io.quarkus.security.ForbiddenException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;
import vn.thidua.platform.clusters.ClusterYear;
import vn.thidua.platform.security.Caller;

/**
 * Who may launch or change a movement: admins and Board officers any; a cluster leader only one
 * launched by the cluster-year its unit (token claim {@code unit}) leads, with that cluster-year
 * as its only participant. Everyone else is refused (403).
 */
final class MovementAccess {
    private MovementAccess() {
    }

    /** For launching: the request must be one the caller may write. */
    static void requireMayWrite(Caller caller, MovementRequest request, LongFunction<Optional<ClusterYear>> clusters) {
        if (caller.isBoardOrAdmin()) {
            return;
        }
        Long clusterId = request.launchingClusterId();
        List<Long> participants = request.participantClusterIds();
        boolean ownCluster = request.launchedBy() == Launcher.CLUSTER && clusterId != null && leads(caller, clusterId, clusters)
                && !request.provinceWide() && participants != null && !participants.isEmpty()
                && participants.stream().allMatch(id -> Objects.equals(id, clusterId));
        if (!ownCluster) {
            throw new ForbiddenException("a cluster leader may only launch movements of the cluster-year it leads");
        }
    }

    /** For changing: the caller must also lead the cluster-year that launched the stored movement. */
    static void requireMayChange(Caller caller, Movement stored, MovementRequest request,
                                 LongFunction<Optional<ClusterYear>> clusters) {
        if (caller.isBoardOrAdmin()) {
            return;
        }
        if (stored.launchedBy != Launcher.CLUSTER || stored.launchingClusterId == null
                || !leads(caller, stored.launchingClusterId, clusters)) {
            throw new ForbiddenException("may not change movement " + stored.id);
        }
        requireMayWrite(caller, request, clusters);
    }

    private static boolean leads(Caller caller, long clusterId, LongFunction<Optional<ClusterYear>> clusters) {
        return clusters.apply(clusterId).map(ClusterYear::leaderUnitCode).filter(caller::leadsClusterLedBy).isPresent();
    }
}
