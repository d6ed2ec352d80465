package vn.thidua.awards.vote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The cluster's voter roll, who has voted and the ballots, kept so that nothing joins a ballot to its
 * voter (see V4__voting.sql): the roll is this class's, the secret part is {@link SecretBallotBox} over
 * {@code ballot_cast} and {@code ballot}. Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class BallotBox {
    private static final TypeReference<Map<Contest, Map<String, Choice>>> CHOICES = new TypeReference<>() {
    };
    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final SecretBallotBox box;

    public BallotBox(EntityManager entityManager, ObjectMapper mapper) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.box = new SecretBallotBox(entityManager, "ballot_cast", "unit_code", "ballot");
    }

    /** A ballot as kept: its receipt and what it says. */
    record StoredBallot(String receipt, Ballot ballot) {
    }

    void enrol(UUID sessionId, List<String> units) {
        for (String unit : units) {
            entityManager.createNativeQuery("INSERT INTO voting_voter (session_id, unit_code) VALUES (?1, ?2)")
                    .setParameter(1, sessionId).setParameter(2, unit).executeUpdate();
        }
    }

    @SuppressWarnings("unchecked")
    List<String> roll(UUID sessionId) {
        return entityManager.createNativeQuery("SELECT unit_code FROM voting_voter WHERE session_id = ?1 ORDER BY unit_code")
                .setParameter(1, sessionId).getResultList();
    }

    boolean onRoll(UUID sessionId, String unit) {
        return !entityManager.createNativeQuery("SELECT 1 FROM voting_voter WHERE session_id = ?1 AND unit_code = ?2")
                .setParameter(1, sessionId).setParameter(2, unit).getResultList().isEmpty();
    }

    /** The units that have voted, by code: the members present, never what they voted. */
    List<String> voted(UUID sessionId) {
        return box.voted(sessionId);
    }

    boolean hasVoted(UUID sessionId, String unit) {
        return box.hasVoted(sessionId, unit);
    }

    /**
     * Records that the unit voted and drops its ballot into the box, in one transaction.
     *
     * @return the receipt, or empty when the unit has voted already
     */
    Optional<String> cast(UUID sessionId, String unit, Ballot ballot) {
        return box.cast(sessionId, unit, json(ballot));
    }

    /** Every ballot in the box, in no meaningful order. */
    List<StoredBallot> ballots(UUID sessionId) {
        return box.ballots(sessionId).stream().map(stored -> new StoredBallot(stored.receipt(), read(stored.choices()))).toList();
    }

    /** The receipts of the ballots in the box, sorted, so the list says nothing of the order of casting. */
    List<String> receipts(UUID sessionId) {
        return box.receipts(sessionId);
    }

    boolean holds(UUID sessionId, String receipt) {
        return box.holds(sessionId, receipt);
    }

    private String json(Ballot ballot) {
        try {
            return mapper.writeValueAsString(ballot.choices());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A ballot is plain data", e);
        }
    }

    private Ballot read(String json) {
        try {
            return new Ballot(mapper.readValue(json, CHOICES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The ballot box holds only ballots this service wrote", e);
        }
    }
}
