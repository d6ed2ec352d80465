package vn.thidua.units.cluster;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.units.cluster.ClusterEvents.ClusterState;

/**
 * One cluster or block in one year (cluster-year). A new year is a new row, so what a cluster was
 * in any past year stays as it was; membership lives in {@link ClusterMembership} with joined and
 * left times.
 */
@Entity
@Table(name = "cluster_year")
public class ClusterYear extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = ClusterCode.MAX_LENGTH)
    public String code;

    @Column(nullable = false, length = ClusterName.MAX_LENGTH)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public ClusterKind kind;

    @Column(nullable = false)
    public int year;

    @Column(name = "leader_unit_code", length = 35)
    public String leaderUnitCode;

    @Column(name = "deputy_unit_code", length = 35)
    public String deputyUnitCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "leadership_basis", length = 10)
    public LeadershipBasis leadershipBasis;

    /** The cluster-year this one was rolled over from, if any. */
    @Column(name = "rolled_over_from_id")
    public Long rolledOverFromId;

    @Column(name = "agreement_signed_on")
    public LocalDate agreementSignedOn;

    @ElementCollection
    @CollectionTable(name = "cluster_agreement_signatory", joinColumns = @JoinColumn(name = "cluster_year_id"))
    @Column(name = "unit_code", nullable = false, length = 35)
    public Set<String> agreementSignatories = new HashSet<>();

    /**
     * The units the cluster-year recognised as leading its emulation (đơn vị dẫn đầu), in the order
     * given; not the rotating chair ({@link #leaderUnitCode}). Replaced as a whole, never edited in place.
     */
    @ElementCollection
    @CollectionTable(name = "cluster_emulation_leader", joinColumns = @JoinColumn(name = "cluster_year_id"))
    @OrderColumn(name = "position")
    public List<EmulationLeader> emulationLeaders = new ArrayList<>();

    @Column(name = "agreement_document_sha256", length = 64)
    public String agreementDocumentSha256;

    @Column(name = "agreement_document_size")
    public Long agreementDocumentSize;

    @Column(name = "agreement_document_uploaded_at")
    public Instant agreementDocumentUploadedAt;

    /**
     * ETag and event version: grows by one with every change. Not a JPA {@code @Version}: a change
     * locks the row ({@code SELECT … FOR UPDATE}) and sets the number itself, so the event written in
     * the same transaction carries exactly the version that is committed.
     */
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    protected ClusterYear() {
    }

    static ClusterYear open(ClusterCode code, ClusterName name, ClusterKind kind, EmulationYear year, Instant now) {
        ClusterYear cluster = new ClusterYear();
        cluster.code = code.value();
        cluster.name = name.value();
        cluster.kind = kind;
        cluster.year = year.value();
        cluster.version = 0;
        cluster.createdAt = now;
        cluster.updatedAt = now;
        return cluster;
    }

    /**
     * A new cluster-year with its first members: each known to the registry as active and in no
     * other cluster of the kind that year. Whether the code and year are free the caller checks first.
     */
    static ClusterChange open(ClusterCode code, ClusterName name, ClusterKind kind, EmulationYear year, Set<String> members,
                              UnitDirectory units, OtherClusters others, Instant now) {
        for (String member : members) {
            Roster.requireEligible(member, units);
            others.requireNotElsewhere(member, kind, year.value());
        }
        return new ClusterChange(open(code, name, kind, year, now), ClusterEvents.CLUSTER_CREATED, null, members, Set.of(), now);
    }

    /** A unit joins: not a member yet, active in the registry, in no other cluster of the kind that year. */
    ClusterChange addMember(Roster roster, String unitCode, UnitDirectory units, OtherClusters others, Instant now) {
        roster.requireCanAdd(unitCode, units);
        others.requireNotElsewhere(unitCode, kind, year);
        ClusterState before = state(roster);
        touch(now);
        return new ClusterChange(this, ClusterEvents.MEMBERSHIP_CHANGED, before, Set.of(unitCode), Set.of(), now);
    }

    /** A member leaves, unless it is the leader or the deputy. */
    ClusterChange removeMember(Roster roster, String unitCode, Instant now) {
        roster.requireCanRemove(unitCode);
        ClusterState before = state(roster);
        touch(now);
        return new ClusterChange(this, ClusterEvents.MEMBERSHIP_CHANGED, before, Set.of(), Set.of(unitCode), now);
    }

    /** The Board assigns leader and deputy among the members; the same assignment again changes nothing. */
    Optional<ClusterChange> assignLeadership(Roster roster, Leadership proposed, UnitDirectory units, Instant now) {
        roster.requireValid(proposed, units);
        if (proposed.equals(leadership()) && leadershipBasis == LeadershipBasis.ASSIGNED) {
            return Optional.empty();
        }
        return Optional.of(lead(roster, proposed, LeadershipBasis.ASSIGNED, now));
    }

    /**
     * The leadership the members elected (its validity checked by the caller, which records a result
     * that does not fit); the same leadership, already elected, again changes nothing.
     */
    Optional<ClusterChange> elect(Roster roster, Leadership elected, Instant now) {
        if (elected.equals(leadership()) && leadershipBasis == LeadershipBasis.ELECTED) {
            return Optional.empty();
        }
        return Optional.of(lead(roster, elected, LeadershipBasis.ELECTED, now));
    }

    private ClusterChange lead(Roster roster, Leadership leadership, LeadershipBasis basis, Instant now) {
        ClusterState before = state(roster);
        lead(leadership, basis);
        touch(now);
        return new ClusterChange(this, ClusterEvents.LEADERSHIP_ASSIGNED, before, Set.of(), Set.of(), now);
    }

    /** The signed agreement: its date and signatories, as {@link AgreementRules} allows them. */
    ClusterChange recordAgreement(Roster roster, LocalDate signedOn, Set<String> signatories, LocalDate today, Instant now) {
        AgreementRules.requireValid(signedOn, signatories, roster, new EmulationYear(year), today);
        ClusterState before = state(roster);
        agreementSignedOn = signedOn;
        agreementSignatories.clear();
        agreementSignatories.addAll(signatories);
        touch(now);
        return new ClusterChange(this, ClusterEvents.AGREEMENT_RECORDED, before, Set.of(), Set.of(), now);
    }

    /** The agreement's PDF, already checked and stored: what identifies it. */
    ClusterChange attachAgreementDocument(Roster roster, String sha256, long size, Instant now) {
        ClusterState before = state(roster);
        agreementDocumentSha256 = sha256;
        agreementDocumentSize = size;
        agreementDocumentUploadedAt = now;
        touch(now);
        return new ClusterChange(this, ClusterEvents.AGREEMENT_RECORDED, before, Set.of(), Set.of(), now);
    }

    /**
     * The emulation leaders a cluster that voted on paper recorded (basis RECORDED), replacing any
     * before; the same list and reference again changes nothing.
     */
    Optional<ClusterChange> recordEmulationLeaders(Roster roster, List<String> unitCodes, String reference, Instant now) {
        return recognise(roster, EmulationLeaderRules.recorded(unitCodes, reference, roster.members()), now);
    }

    /**
     * The units a published vote elected become the emulation leaders (basis VOTE); a runoff adds
     * its elected to those of the sessions of its round ({@code round}). A vote that elected nobody
     * changes nothing.
     */
    Optional<ClusterChange> applyVote(Roster roster, EmulationVote vote, Set<String> round, Instant now) {
        if (vote.elected().isEmpty()) {
            return Optional.empty();
        }
        Map<String, EmulationLeader> next = new LinkedHashMap<>();
        if (vote.runoffOf() != null) {
            emulationLeaders.stream()
                    .filter(leader -> leader.basis == EmulationLeaderBasis.VOTE && round.contains(leader.votingSessionId))
                    .forEach(leader -> next.put(leader.unitCode, leader));
        }
        vote.elected().forEach(code -> next.putIfAbsent(code, EmulationLeader.voted(code, vote.votingSessionId())));
        return recognise(roster, List.copyOf(next.values()), now);
    }

    private Optional<ClusterChange> recognise(Roster roster, List<EmulationLeader> leaders, Instant now) {
        if (leaders.equals(emulationLeaders)) {
            return Optional.empty();
        }
        ClusterState before = state(roster);
        recognise(leaders);
        touch(now);
        return Optional.of(new ClusterChange(this, ClusterEvents.EMULATION_LEADERS_RECORDED, before, Set.of(), Set.of(), now));
    }

    /**
     * Next year's cluster-year as {@link RollOver} planned it: same code, name and kind, the members
     * carried over (each in no other cluster of the kind next year) and the planned leadership.
     * This year's row is left as it is.
     */
    ClusterChange rollOver(RollOver.Plan plan, OtherClusters others, Instant now) {
        for (String member : plan.members()) {
            others.requireNotElsewhere(member, kind, plan.year().value());
        }
        ClusterYear created = open(new ClusterCode(code), new ClusterName(name), kind, plan.year(), now);
        created.rolledOverFromId = id;
        created.lead(plan.leadership(), plan.basis());
        return new ClusterChange(created, ClusterEvents.CLUSTER_CREATED, null, plan.members(), Set.of(), now);
    }

    /** The state events carry, with the roster's members. */
    ClusterState state(Roster roster) {
        return ClusterState.of(this, List.copyOf(roster.members()));
    }

    Leadership leadership() {
        return new Leadership(leaderUnitCode, deputyUnitCode);
    }

    void lead(Leadership leadership, LeadershipBasis basis) {
        leaderUnitCode = leadership.leaderUnitCode();
        deputyUnitCode = leadership.deputyUnitCode();
        leadershipBasis = leadership.isNone() ? null : basis;
    }

    /**
     * Replaces the emulation leaders. A new list, not the old one cleared: Hibernate then deletes the
     * old rows before inserting the new, so a unit keeping its place under another position never
     * meets itself in the unique (cluster_year_id, unit_code) constraint.
     */
    void recognise(List<EmulationLeader> leaders) {
        emulationLeaders = new ArrayList<>(leaders);
    }

    List<String> emulationLeaderCodes() {
        return emulationLeaders.stream().map(leader -> leader.unitCode).toList();
    }

    /** Marks a change: the next version, and when. */
    void touch(Instant now) {
        version++;
        updatedAt = now;
    }

    boolean hasAgreement() {
        return agreementSignedOn != null || agreementDocumentSha256 != null;
    }

    static Optional<ClusterYear> findByCodeAndYear(String code, int year) {
        return find("from ClusterYear c where c.code = ?1 and c.year = ?2", code, year).firstResultOptional();
    }

    static ClusterYear get(long id) {
        ClusterYear cluster = findById(id);
        if (cluster == null) {
            throw Refusal.notFound("cluster-not-found", "cluster.not-found", String.valueOf(id));
        }
        return cluster;
    }

    /** Loads the row for a change, locked until the transaction ends, so changes to one cluster-year queue up. */
    static ClusterYear getForUpdate(long id) {
        ClusterYear cluster = findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (cluster == null) {
            throw Refusal.notFound("cluster-not-found", "cluster.not-found", String.valueOf(id));
        }
        return cluster;
    }

    /**
     * Holds, until the transaction ends, the right to decide about the cluster-year of that code
     * and year, whether or not it exists yet: the roll-over that creates it and an election result
     * for it take this lock first, so neither misses what the other commits.
     */
    static void lockCodeAndYear(String code, int year) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "cluster-year/" + code + "/" + year).getSingleResult();
    }
}
