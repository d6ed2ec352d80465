package vn.thidua.units.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** Cluster-years as the API shows them: units with their names, in Vietnamese order. Entities never leave the service. */
@ApplicationScoped
public class ClusterViews {
    private final UnitDirectory units;

    public ClusterViews(UnitDirectory units) {
        this.units = units;
    }

    /** A unit as a cluster-year lists it. */
    public record UnitRef(String code, String name) {
    }

    public record DocumentView(String sha256, long size, Instant uploadedAt) {
    }

    public record AgreementView(LocalDate signedOn, List<UnitRef> signatories, DocumentView document) {
    }

    /** A unit recognised as leading the cluster-year's emulation, and on what basis. */
    public record EmulationLeaderView(String unitCode, String name, EmulationLeaderBasis basis, String reference,
                                      String votingSessionId) {
    }

    /** One cluster-year in full; {@code emulationLeaders} in the order recorded (most votes first for a vote). */
    public record ClusterView(long id, String code, String name, ClusterKind kind, int year, List<UnitRef> members,
                              UnitRef leader, UnitRef deputy, LeadershipBasis leadershipBasis,
                              List<EmulationLeaderView> emulationLeaders, AgreementView agreement,
                              Long rolledOverFrom, long version, Instant createdAt, Instant updatedAt) {
    }

    /** One cluster-year in a list. */
    public record ClusterSummary(long id, String code, String name, ClusterKind kind, int year, long memberCount,
                                 String leaderUnitCode, String deputyUnitCode, long version) {
    }

    /** One membership, past or current: what the membership was at any moment follows from these. */
    public record MembershipView(String unitCode, String name, Instant joinedAt, String joinedBy, Instant leftAt, String leftBy) {
    }

    ClusterView detail(ClusterYear cluster, Collection<String> memberCodes) {
        AgreementView agreement = null;
        if (cluster.hasAgreement()) {
            DocumentView document = cluster.agreementDocumentSha256 == null ? null
                    : new DocumentView(cluster.agreementDocumentSha256, cluster.agreementDocumentSize,
                    cluster.agreementDocumentUploadedAt);
            agreement = new AgreementView(cluster.agreementSignedOn, sorted(cluster.agreementSignatories), document);
        }
        return new ClusterView(cluster.id, cluster.code, cluster.name, cluster.kind, cluster.year, sorted(memberCodes),
                ref(cluster.leaderUnitCode), ref(cluster.deputyUnitCode), cluster.leadershipBasis,
                cluster.emulationLeaders.stream().map(this::emulationLeader).toList(), agreement,
                cluster.rolledOverFromId, cluster.version, cluster.createdAt, cluster.updatedAt);
    }

    static ClusterSummary summary(ClusterYear cluster, long memberCount) {
        return new ClusterSummary(cluster.id, cluster.code, cluster.name, cluster.kind, cluster.year, memberCount,
                cluster.leaderUnitCode, cluster.deputyUnitCode, cluster.version);
    }

    MembershipView membership(ClusterMembership membership) {
        return new MembershipView(membership.unitCode, name(membership.unitCode), membership.joinedAt, membership.joinedBy,
                membership.leftAt, membership.leftBy);
    }

    private EmulationLeaderView emulationLeader(EmulationLeader leader) {
        return new EmulationLeaderView(leader.unitCode, name(leader.unitCode), leader.basis, leader.reference,
                leader.votingSessionId);
    }

    private List<UnitRef> sorted(Collection<String> codes) {
        return codes.stream().map(this::ref).sorted(VietnameseOrder.UNITS).toList();
    }

    private UnitRef ref(String code) {
        return code == null ? null : new UnitRef(code, name(code));
    }

    private String name(String code) {
        return units.find(code).map(MemberUnit::name).orElse(null);
    }
}
