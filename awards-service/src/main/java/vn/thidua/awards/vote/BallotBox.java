package vn.thidua.awards.vote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The storage of the voter roll, of who has voted and of the ballots, kept so that nothing joins a
 * ballot to its voter (see V4__voting.sql): a ballot row carries only its session, its receipt and
 * its choices, and at every cast the session's whole box is written again, in a random order and in
 * one statement, within the casting transaction. Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class BallotBox {
    private static final TypeReference<Map<Contest, Map<String, Choice>>> CHOICES = new TypeReference<>() {
    };
    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final SecureRandom random = new SecureRandom();

    public BallotBox(EntityManager entityManager, ObjectMapper mapper) {
        this.entityManager = entityManager;
        this.mapper = mapper;
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

    List<String> roll(UUID sessionId) {
        return strings("SELECT unit_code FROM voting_voter WHERE session_id = ?1 ORDER BY unit_code", sessionId);
    }

    boolean onRoll(UUID sessionId, String unit) {
        return !entityManager.createNativeQuery("SELECT 1 FROM voting_voter WHERE session_id = ?1 AND unit_code = ?2")
                .setParameter(1, sessionId).setParameter(2, unit).getResultList().isEmpty();
    }

    /** The units that have voted, by code: the members present, never what they voted. */
    List<String> voted(UUID sessionId) {
        return strings("SELECT unit_code FROM ballot_cast WHERE session_id = ?1 ORDER BY unit_code", sessionId);
    }

    boolean hasVoted(UUID sessionId, String unit) {
        return !entityManager.createNativeQuery("SELECT 1 FROM ballot_cast WHERE session_id = ?1 AND unit_code = ?2")
                .setParameter(1, sessionId).setParameter(2, unit).getResultList().isEmpty();
    }

    /**
     * Records that the unit voted and drops its ballot into the box, in one transaction.
     *
     * @return the receipt, or empty when the unit has voted already (the primary key decides, so
     *     two racing requests cannot both get in)
     */
    java.util.Optional<String> cast(UUID sessionId, String unit, Ballot ballot, Instant at) {
        int recorded = entityManager.createNativeQuery(
                        "INSERT INTO ballot_cast (session_id, unit_code, cast_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, sessionId).setParameter(2, unit).setParameter(3, at).executeUpdate();
        if (recorded == 0) {
            return java.util.Optional.empty();
        }
        String receipt = receipt(sessionId, ballot);
        List<StoredBallot> box = new ArrayList<>(ballots(sessionId));
        box.add(new StoredBallot(receipt, ballot));
        Collections.shuffle(box, random);
        // the box goes back in one statement, in the shuffled order; nothing of the persistence context
        // needs flushing first (the cast changes no entity), so neither statement waits for a flush
        entityManager.createNativeQuery("DELETE FROM ballot WHERE session_id = ?1").setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, sessionId).executeUpdate();
        StringBuilder insert = new StringBuilder("INSERT INTO ballot (session_id, receipt, choices) VALUES ");
        for (int i = 0; i < box.size(); i++) {
            insert.append(i == 0 ? "" : ", ").append("(?1, ?").append(2 * i + 2).append(", CAST(?").append(2 * i + 3).append(" AS jsonb))");
        }
        Query query = entityManager.createNativeQuery(insert.toString()).setFlushMode(FlushModeType.COMMIT).setParameter(1, sessionId);
        for (int i = 0; i < box.size(); i++) {
            query.setParameter(2 * i + 2, box.get(i).receipt()).setParameter(2 * i + 3, json(box.get(i).ballot()));
        }
        query.executeUpdate();
        return java.util.Optional.of(receipt);
    }

    /** Every ballot in the box, in no meaningful order. */
    @SuppressWarnings("unchecked")
    List<StoredBallot> ballots(UUID sessionId) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT receipt, CAST(choices AS text) FROM ballot WHERE session_id = ?1")
                .setParameter(1, sessionId).getResultList();
        List<StoredBallot> ballots = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ballots.add(new StoredBallot((String) row[0], read((String) row[1])));
        }
        return ballots;
    }

    /** The receipts of the ballots in the box, sorted, so the list says nothing of the order of casting. */
    List<String> receipts(UUID sessionId) {
        return strings("SELECT receipt FROM ballot WHERE session_id = ?1 ORDER BY receipt", sessionId);
    }

    boolean holds(UUID sessionId, String receipt) {
        return !entityManager.createNativeQuery("SELECT 1 FROM ballot WHERE session_id = ?1 AND receipt = ?2")
                .setParameter(1, sessionId).setParameter(2, receipt).getResultList().isEmpty();
    }

    /** SHA-256 over the session, 32 random bytes and the choices: unique, and reveals nothing without the random bytes. */
    private String receipt(UUID sessionId, Ballot ballot) {
        byte[] nonce = new byte[32];
        random.nextBytes(nonce);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(sessionId.toString().getBytes(StandardCharsets.US_ASCII));
            digest.update(nonce);
            digest.update(json(ballot).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String sql, UUID sessionId) {
        return entityManager.createNativeQuery(sql).setParameter(1, sessionId).getResultList();
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
