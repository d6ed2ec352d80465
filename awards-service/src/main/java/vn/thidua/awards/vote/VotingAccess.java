package vn.thidua.awards.vote;

import jakarta.enterprise.context.ApplicationScoped;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Roles;

/** Who may see a voting session and its count. Never who voted how: that no one sees ({@link BallotBox}). */
@ApplicationScoped
public class VotingAccess {
    private final ClusterDirectory clusters;
    private final BallotBox box;

    public VotingAccess(ClusterDirectory clusters, BallotBox box) {
        this.clusters = clusters;
        this.box = box;
    }

    /** Admins, the Board, viewers and the portal read every session; a unit's people those of the clusters their unit is in. */
    boolean canRead(VotingSession session, Caller caller) {
        if (caller.hasAnyRole(Roles.PORTAL) || clusters.readableBy(session.clusterId, caller)) {
            return true;
        }
        // a unit that has left the cluster-year since still sees the sessions it was on the roll of
        return caller.actingUnit().map(unit -> box.onRoll(session.id, unit)).orElse(false);
    }

    /** Whether the caller may see the count: the Board once closed, everyone who may read the session once published. */
    static boolean mayReadResult(VotingSession session, Caller caller) {
        return session.status == SessionStatus.PUBLISHED || session.status == SessionStatus.CLOSED && caller.isBoardOrAdmin();
    }
}
