package vn.thidua.awards.vote;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The storage of a secret ballot, whoever votes (a cluster's member units, the Council's members): one
 * table says who has voted ({@code <castTable>}: session, voter, and no time, V17__ballot_secrecy.sql; its primary
 * key allows one ballot per voter), another what was voted ({@code <ballotTable>}: session, receipt, choices as JSON, nothing
 * else), and nothing joins the two. At every cast the session's whole box is written again, in a random order
 * and in one statement, so neither the row order nor the writing transaction tells which ballot came when.
 * Every method runs in the caller's transaction; what a ballot says is the owner's JSON, opaque here.
 */
public final class SecretBallotBox {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_]{1,40}");

    private final EntityManager entityManager;
    private final String castTable;
    private final String voterColumn;
    private final String ballotTable;
    private final SecureRandom random = new SecureRandom();

    /** A ballot as kept: its receipt and its choices (JSON). */
    public record StoredBallot(String receipt, String choices) {
    }

    /** The names are the owner's constants, never input: checked all the same, since they go into SQL. */
    public SecretBallotBox(EntityManager entityManager, String castTable, String voterColumn, String ballotTable) {
        for (String name : List.of(castTable, voterColumn, ballotTable)) {
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("Not a table or column name: " + name);
            }
        }
        this.entityManager = entityManager;
        this.castTable = castTable;
        this.voterColumn = voterColumn;
        this.ballotTable = ballotTable;
    }

    /**
     * Records that the voter voted and drops its ballot into the box, in one transaction.
     *
     * @return the receipt, or empty when the voter has voted already (the primary key decides, so two
     *     racing requests cannot both get in)
     */
    public Optional<String> cast(UUID sessionId, String voter, String choices) {
        int recorded = entityManager.createNativeQuery("INSERT INTO " + castTable + " (session_id, " + voterColumn
                        + ") VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, sessionId).setParameter(2, voter).executeUpdate();
        if (recorded == 0) {
            return Optional.empty();
        }
        String receipt = receipt(sessionId, choices);
        List<StoredBallot> box = new ArrayList<>(ballots(sessionId));
        box.add(new StoredBallot(receipt, choices));
        Collections.shuffle(box, random);
        // the box goes back in one statement, in the shuffled order; nothing of the persistence context
        // needs flushing first (the cast changes no entity), so neither statement waits for a flush
        entityManager.createNativeQuery("DELETE FROM " + ballotTable + " WHERE session_id = ?1").setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, sessionId).executeUpdate();
        StringBuilder insert = new StringBuilder("INSERT INTO " + ballotTable + " (session_id, receipt, choices) VALUES ");
        for (int i = 0; i < box.size(); i++) {
            insert.append(i == 0 ? "" : ", ").append("(?1, ?").append(2 * i + 2).append(", CAST(?").append(2 * i + 3).append(" AS jsonb))");
        }
        Query query = entityManager.createNativeQuery(insert.toString()).setFlushMode(FlushModeType.COMMIT).setParameter(1, sessionId);
        for (int i = 0; i < box.size(); i++) {
            query.setParameter(2 * i + 2, box.get(i).receipt()).setParameter(2 * i + 3, box.get(i).choices());
        }
        query.executeUpdate();
        return Optional.of(receipt);
    }

    /** Every ballot in the box, in no meaningful order. */
    @SuppressWarnings("unchecked")
    public List<StoredBallot> ballots(UUID sessionId) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT receipt, CAST(choices AS text) FROM " + ballotTable + " WHERE session_id = ?1")
                .setParameter(1, sessionId).getResultList();
        List<StoredBallot> ballots = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ballots.add(new StoredBallot((String) row[0], (String) row[1]));
        }
        return ballots;
    }

    /** The voters that have voted, sorted: who took part, never what they voted. */
    public List<String> voted(UUID sessionId) {
        return strings("SELECT " + voterColumn + " FROM " + castTable + " WHERE session_id = ?1 ORDER BY " + voterColumn, sessionId);
    }

    public boolean hasVoted(UUID sessionId, String voter) {
        return !entityManager.createNativeQuery("SELECT 1 FROM " + castTable + " WHERE session_id = ?1 AND " + voterColumn + " = ?2")
                .setParameter(1, sessionId).setParameter(2, voter).getResultList().isEmpty();
    }

    /** The receipts of the ballots in the box, sorted, so the list says nothing of the order of casting. */
    public List<String> receipts(UUID sessionId) {
        return strings("SELECT receipt FROM " + ballotTable + " WHERE session_id = ?1 ORDER BY receipt", sessionId);
    }

    public boolean holds(UUID sessionId, String receipt) {
        return receipt != null && receipt.matches("[0-9a-f]{64}")
                && !entityManager.createNativeQuery("SELECT 1 FROM " + ballotTable + " WHERE session_id = ?1 AND receipt = ?2")
                .setParameter(1, sessionId).setParameter(2, receipt).getResultList().isEmpty();
    }

    /** SHA-256 over the session, 32 random bytes and the choices: unique, and reveals nothing without the random bytes. */
    private String receipt(UUID sessionId, String choices) {
        byte[] nonce = new byte[32];
        random.nextBytes(nonce);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(sessionId.toString().getBytes(StandardCharsets.US_ASCII));
            digest.update(nonce);
            digest.update(choices.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String sql, UUID sessionId) {
        return entityManager.createNativeQuery(sql).setParameter(1, sessionId).getResultList();
    }
}
