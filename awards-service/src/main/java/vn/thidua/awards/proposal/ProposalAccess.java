package vn.thidua.awards.proposal;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.clusters.ClusterYear;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Roles;

/**
 * Who may read a proposal, and who may take it forward: the Board everywhere, the cluster-year's leader for its
 * cluster-year, the proposed unit's people for their own, the portal what was put to the Board.
 */
@ApplicationScoped
public class ProposalAccess {
    private final ClusterDirectory clusters;

    public ProposalAccess(ClusterDirectory clusters) {
        this.clusters = clusters;
    }

    /**
     * Admins, the Board and viewers read every proposal; the portal those put to the Board; the
     * proposed unit's people their own; the cluster leader those of its cluster-year.
     */
    public boolean canRead(Proposal proposal, Caller caller) {
        if (caller.isBoardOrAdmin() || caller.hasAnyRole(Roles.VIEWER)) {
            return true;
        }
        if (caller.hasAnyRole(Roles.PORTAL)) {
            return proposal.status != ProposalStatus.DRAFT;
        }
        if (caller.actsFor(proposal.unitCode)) {
            return true;
        }
        return isClusterLeader(cluster(proposal.clusterId), caller);
    }

    /**
     * Whether the caller may change the proposal's dossier or take it forward as its proposer: for a person, their unit's
     * representative too.
     */
    boolean canPropose(Proposal proposal, Caller caller) {
        return caller.isBoardOrAdmin() || isClusterLeader(cluster(proposal.clusterId), caller) || proposal.ofPerson() && caller.actsFor(proposal.unitCode);
    }

    /** 404 to a caller who may not read the proposal, exactly as when there is none, so nobody learns what exists. */
    void requireReadable(Proposal proposal, Caller caller) {
        if (!canRead(proposal, caller)) {
            throw Refusal.notFound("proposal-not-found", "proposal.not-found", proposal.id);
        }
    }

    /** The proposal's proposer: as {@link #requireProposer(ClusterYear, Caller)} for the proposal's cluster-year. */
    void requireProposer(Proposal proposal, Caller caller) {
        if (proposal.ofPerson()) {
            requirePersonProposer(cluster(proposal.clusterId), proposal.unitCode, caller);
        } else {
            requireProposer(cluster(proposal.clusterId), caller);
        }
    }

    /**
     * The Board, or the cluster-year's leader (its cluster-leader), puts proposals forward. A
     * cluster-year that is not known ({@code null}) is one no one but the Board leads: the Board goes
     * on to be told it is not known, anyone else is refused as for a cluster-year of others.
     */
    static void requireProposer(ClusterYear cluster, Caller caller) {
        if (!caller.isBoardOrAdmin() && (cluster == null || !isClusterLeader(cluster, caller))) {
            throw new ForbiddenException("only the Board or the cluster-year's leader proposes");
        }
    }

    /**
     * A person is put forward by the proposers of units, or by their own unit: its representative proposes the unit's own
     * people, and a representative of another unit is refused whoever the person is.
     */
    static void requirePersonProposer(ClusterYear cluster, String unitCode, Caller caller) {
        if (!caller.isBoardOrAdmin() && (cluster == null || !isClusterLeader(cluster, caller)) && (unitCode == null || !caller.actsFor(unitCode))) {
            throw new ForbiddenException("only the Board, the cluster-year's leader or the person's own unit proposes a person");
        }
    }

    static void requireBoardOrPortal(Caller caller) {
        if (!caller.isBoardOrAdmin() && !caller.hasAnyRole(Roles.PORTAL)) {
            throw new ForbiddenException("board, admin or portal only");
        }
    }

    /** Only the Board states the day a past dossier reached it. */
    static void requireBoardToStateReceipt(Caller caller) {
        if (!caller.isBoardOrAdmin()) {
            throw new ForbiddenException("only the Board states the day a dossier was received");
        }
    }

    private static boolean isClusterLeader(ClusterYear cluster, Caller caller) {
        return caller.leadsClusterLedBy(cluster.leaderUnitCode());
    }

    private ClusterYear cluster(long clusterId) {
        return clusters.find(clusterId)
                .orElseThrow(() -> Refusal.unprocessable("cluster-not-known", "voting.cluster.not-known", clusterId));
    }
}
