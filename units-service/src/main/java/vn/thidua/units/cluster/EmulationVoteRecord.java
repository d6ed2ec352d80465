package vn.thidua.units.cluster;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A "lead and propose" vote received from awards-service, and the round it belongs to: the first
 * session of a round is its own round; a runoff belongs to the round of the session it follows.
 * Kept so that a runoff can add its elected to those of its round even when that round's earlier
 * sessions elected nobody.
 */
@Entity
@Table(name = "cluster_emulation_vote")
public class EmulationVoteRecord extends PanacheEntityBase {

    @Id
    @Column(name = "voting_session_id", length = ElectionResult.MAX_SESSION_ID_LENGTH)
    public String votingSessionId;

    @Column(name = "round_session_id", nullable = false, length = ElectionResult.MAX_SESSION_ID_LENGTH)
    public String roundSessionId;

    @Column(name = "cluster_year_id", nullable = false)
    public long clusterYearId;

    @Column(name = "event_source", nullable = false, length = 255)
    public String eventSource;

    @Column(name = "event_id", nullable = false, length = 64)
    public String eventId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    protected EmulationVoteRecord() {
    }

    static EmulationVoteRecord of(EmulationVote vote, long clusterYearId, String eventSource, String eventId, Instant now) {
        EmulationVoteRecord record = new EmulationVoteRecord();
        record.votingSessionId = vote.votingSessionId();
        record.roundSessionId = vote.runoffOf() == null ? vote.votingSessionId() : roundOf(vote.runoffOf());
        record.clusterYearId = clusterYearId;
        record.eventSource = eventSource;
        record.eventId = eventId;
        record.receivedAt = now;
        return record;
    }

    /** The round of a session: its recorded round, or the session itself when it was never received. */
    private static String roundOf(String votingSessionId) {
        EmulationVoteRecord known = findById(votingSessionId);
        return known == null ? votingSessionId : known.roundSessionId;
    }

    /** The sessions of that round received so far, this one included once persisted. */
    static List<String> sessionsOfRound(String roundSessionId) {
        return getEntityManager()
                .createQuery("select v.votingSessionId from EmulationVoteRecord v where v.roundSessionId = :round", String.class)
                .setParameter("round", roundSessionId)
                .getResultList();
    }
}
