package vn.thidua.units.cluster;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What units-service tells the others about cluster-years, on topic {@value #TOPIC}, keyed by the
 * cluster-year's id. Every event carries the cluster-year's whole current state and its version,
 * so a consumer can rebuild its read model from the topic alone and ignore anything older than
 * what it holds; the type only says what changed. Documented in docs/events.md.
 */
public final class ClusterEvents {
    public static final String TOPIC = "thidua.clusters.v1";
    public static final String SOURCE = "/thidua/units-service";
    public static final String CLUSTER_CREATED = "vn.thidua.units.ClusterCreated";
    public static final String MEMBERSHIP_CHANGED = "vn.thidua.units.ClusterMembershipChanged";
    public static final String LEADERSHIP_ASSIGNED = "vn.thidua.units.ClusterLeadershipAssigned";
    public static final String AGREEMENT_RECORDED = "vn.thidua.units.ClusterAgreementRecorded";
    public static final String EMULATION_LEADERS_RECORDED = "vn.thidua.units.ClusterEmulationLeadersRecorded";

    /** The topic awards-service announces vote results on, and the types this service reads there. */
    public static final String VOTES_TOPIC = "thidua.awards.votes.v1";
    public static final String LEADER_ELECTED = "vn.thidua.awards.ClusterLeaderElected";
    public static final String VOTE_CONCLUDED = "vn.thidua.awards.VoteConcluded";

    /**
     * The data of every cluster event: the cluster-year as it now is. {@code emulationLeaders} are the
     * unit codes recognised as leading its emulation (đơn vị dẫn đầu), in the order recorded; empty when none.
     */
    public record ClusterState(long id, String code, String name, ClusterKind kind, int year, List<String> members,
                               String leaderUnitCode, String deputyUnitCode, LeadershipBasis leadershipBasis,
                               List<String> emulationLeaders, AgreementState agreement, Long rolledOverFrom, long version) {

        static ClusterState of(ClusterYear cluster, List<String> memberCodes) {
            AgreementState agreement = null;
            if (cluster.hasAgreement()) {
                DocumentState document = cluster.agreementDocumentSha256 == null ? null
                        : new DocumentState(cluster.agreementDocumentSha256, cluster.agreementDocumentSize,
                        cluster.agreementDocumentUploadedAt);
                agreement = new AgreementState(cluster.agreementSignedOn,
                        cluster.agreementSignatories.stream().sorted().toList(), document);
            }
            return new ClusterState(cluster.id, cluster.code, cluster.name, cluster.kind, cluster.year,
                    memberCodes.stream().sorted().toList(), cluster.leaderUnitCode, cluster.deputyUnitCode,
                    cluster.leadershipBasis, cluster.emulationLeaderCodes(), agreement, cluster.rolledOverFromId,
                    cluster.version);
        }
    }

    /** The emulation agreement in brief; the PDF itself is fetched over REST. */
    public record AgreementState(LocalDate signedOn, List<String> signatories, DocumentState document) {
    }

    public record DocumentState(String sha256, long size, Instant uploadedAt) {
    }

    private ClusterEvents() {
    }
}
