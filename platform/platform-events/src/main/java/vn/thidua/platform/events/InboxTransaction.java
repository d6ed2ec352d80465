package vn.thidua.platform.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.eclipse.microprofile.faulttolerance.Retry;

/** {@link Inbox}'s transaction: the event's id and its effect are written together, or neither. */
@ApplicationScoped
public class InboxTransaction {
    private final DataSource dataSource;

    public InboxTransaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Retried with backoff while the database is away; a malformed event's data is not retried. */
    @Retry(maxRetries = 20, delay = 200, maxDuration = 5, durationUnit = ChronoUnit.MINUTES,
            abortOn = MalformedEventException.class)
    @ExponentialBackoff(maxDelay = 15, maxDelayUnit = ChronoUnit.SECONDS)
    public Inbox.Outcome applyOnce(CloudEvent event, Consumer<CloudEvent> apply) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!recordFirstDelivery(event)) {
                return Inbox.Outcome.DUPLICATE;
            }
            apply.accept(event);
            return Inbox.Outcome.APPLIED;
        });
    }

    private boolean recordFirstDelivery(CloudEvent event) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO inbox (source, event_id, event_type) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, event.source());
            insert.setString(2, event.id());
            insert.setString(3, event.type());
            return insert.executeUpdate() == 1;
        }
    }
}
