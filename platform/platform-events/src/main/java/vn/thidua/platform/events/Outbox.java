package vn.thidua.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Records an event in the same transaction as the change it announces, so either both are kept
 * or neither is. The commit hands the row to the relay, which sends it to Kafka at once.
 */
@ApplicationScoped
public class Outbox {
    private final DataSource dataSource;
    private final CloudEvents events;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(DataSource dataSource, CloudEvents events, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.dataSource = dataSource;
        this.events = events;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** Adds the event to the caller's transaction; there must be one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, CloudEvent event) {
        if (event.subject() == null || event.subject().isBlank()) {
            throw new IllegalArgumentException("An outbox event needs a subject: it is the Kafka key");
        }
        String payload = events.write(event);
        long id;
        // created_at is the row's own write time (clock_timestamp), not the column's default now(), which is the
        // transaction's start: the relay leaves rows younger than its grace to the instance that committed them
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO outbox (event_id, event_type, topic, message_key, payload, created_at)"
                             + " VALUES (?, ?, ?, ?, ?, clock_timestamp()) RETURNING id")) {
            insert.setString(1, event.id());
            insert.setString(2, event.type());
            insert.setString(3, topic);
            insert.setString(4, event.subject());
            insert.setString(5, payload);
            try (ResultSet inserted = insert.executeQuery()) {
                inserted.next();
                id = inserted.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write event " + event.id() + " to the outbox", e);
        }
        transactions.registerInterposedSynchronization(
                new HandToRelayAfterCommit(relay, new OutboxRelay.OutboxRow(id, topic, event.subject(), payload)));
    }

    /** Only a committed row is handed over: a rolled-back one never existed. */
    private record HandToRelayAfterCommit(OutboxRelay relay, OutboxRelay.OutboxRow row) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.committed(row);
            }
        }
    }
}
