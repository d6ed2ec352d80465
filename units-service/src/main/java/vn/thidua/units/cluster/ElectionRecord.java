package vn.thidua.units.cluster;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * An election result announced by awards-service (ClusterLeaderElected), kept whether or not it
 * could be applied yet: a result for a year whose cluster-year does not exist waits here until the
 * roll-over creates that year. Rows are never changed except for their outcome.
 */
@Entity
@Table(name = "cluster_election_result")
public class ElectionRecord extends PanacheEntityBase {

    public enum Outcome {
        /** No cluster-year of that code, kind and year yet; the roll-over will use it. */
        PENDING,
        /** Set as that cluster-year's leadership. */
        APPLIED,
        /** A result elected later for the same cluster-year is known. */
        SUPERSEDED,
        /** Arrived after a result elected later; never applied. */
        STALE,
        /** The cluster-year exists but the result does not fit it (see {@code note}). */
        NOT_APPLICABLE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_source", nullable = false, length = 255)
    public String eventSource;

    @Column(name = "event_id", nullable = false, length = 64)
    public String eventId;

    @Column(name = "cluster_code", nullable = false, length = ClusterCode.MAX_LENGTH)
    public String clusterCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public ClusterKind kind;

    @Column(nullable = false)
    public int year;

    @Column(name = "leader_unit_code", nullable = false, length = 35)
    public String leaderUnitCode;

    @Column(name = "deputy_unit_code", length = 35)
    public String deputyUnitCode;

    @Column(name = "voting_session_id", nullable = false, length = ElectionResult.MAX_SESSION_ID_LENGTH)
    public String votingSessionId;

    @Column(name = "elected_at", nullable = false)
    public Instant electedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Outcome outcome;

    @Column(name = "applied_to_id")
    public Long appliedToId;

    @Column(length = 500)
    public String note;

    protected ElectionRecord() {
    }

    static ElectionRecord of(ElectionResult result, String eventSource, String eventId, Instant now) {
        ElectionRecord record = new ElectionRecord();
        record.eventSource = eventSource;
        record.eventId = eventId;
        record.clusterCode = result.clusterCode().value();
        record.kind = result.kind();
        record.year = result.year().value();
        record.leaderUnitCode = result.leadership().leaderUnitCode();
        record.deputyUnitCode = result.leadership().deputyUnitCode();
        record.votingSessionId = result.votingSessionId();
        record.electedAt = result.electedAt();
        record.receivedAt = now;
        return record;
    }

    Leadership leadership() {
        return new Leadership(leaderUnitCode, deputyUnitCode);
    }

    void applied(long clusterYearId) {
        outcome = Outcome.APPLIED;
        appliedToId = clusterYearId;
    }

    void notApplicable(String why) {
        outcome = Outcome.NOT_APPLICABLE;
        note = why.length() > 500 ? why.substring(0, 500) : why;
    }

    /** The result elected last for that cluster-year, whatever became of it. */
    static Optional<ElectionRecord> newest(String clusterCode, ClusterKind kind, int year) {
        return find("from ElectionRecord e where e.clusterCode = ?1 and e.kind = ?2 and e.year = ?3 "
                + "and e.outcome <> ?4 order by e.electedAt desc, e.id desc", clusterCode, kind, year, Outcome.STALE)
                .firstResultOptional();
    }
}
