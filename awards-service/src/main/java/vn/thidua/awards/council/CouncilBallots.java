package vn.thidua.awards.council;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.thidua.awards.vote.Choice;
import vn.thidua.awards.vote.SecretBallotBox;

/**
 * The Council's ballot box: who voted in {@code council_ballot_cast}, what was voted in {@code council_ballot},
 * never joined (V15__council.sql; the same storage as the cluster's vote, {@link SecretBallotBox}). A ballot
 * is {@code {"<proposalId>": "FOR" | "AGAINST" | "ABSTAIN"}}. Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class CouncilBallots {
    private static final TypeReference<Map<Long, Choice>> CHOICES = new TypeReference<>() {
    };
    private final ObjectMapper mapper;
    private final SecretBallotBox box;

    public CouncilBallots(EntityManager entityManager, ObjectMapper mapper) {
        this.mapper = mapper;
        this.box = new SecretBallotBox(entityManager, "council_ballot_cast", "member_id", "council_ballot");
    }

    /** @return the receipt, or empty when the member has voted already */
    Optional<String> cast(UUID sessionId, String memberId, Map<Long, Choice> choices) {
        try {
            return box.cast(sessionId, memberId, mapper.writeValueAsString(choices));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A ballot is plain data", e);
        }
    }

    List<Map<Long, Choice>> ballots(UUID sessionId) {
        return box.ballots(sessionId).stream().map(stored -> read(stored.choices())).toList();
    }

    /** The members whose ballot is in the box: who took part, never how. */
    List<String> voted(UUID sessionId) {
        return box.voted(sessionId);
    }

    List<String> receipts(UUID sessionId) {
        return box.receipts(sessionId);
    }

    private Map<Long, Choice> read(String json) {
        try {
            return mapper.readValue(json, CHOICES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The Council's ballot box holds only ballots this service wrote", e);
        }
    }
}
