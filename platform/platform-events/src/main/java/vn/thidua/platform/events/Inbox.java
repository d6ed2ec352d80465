package vn.thidua.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Applies each consumed event at most once. The event's id is recorded in the same transaction
 * as its effect, so a redelivered event (after a rebalance, a crash before the offset commit, or
 * a producer retry) finds its id already there and changes nothing.
 */
@ApplicationScoped
public class Inbox {
    private final DataSource dataSource;
    private final CloudEvents events;
    private final MeterRegistry registry;

    public Inbox(DataSource dataSource, CloudEvents events, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.events = events;
        this.registry = registry;
    }

    public enum Outcome { APPLIED, DUPLICATE }

    /**
     * Parses a raw message and applies it once. A malformed message fails at once with
     * {@link MalformedEventException} (the channel sends it to its dead-letter topic); any other
     * failure, such as the database being away, is retried with backoff before it is given up.
     */
    @Retry(maxRetries = 20, delay = 200, maxDuration = 5, durationUnit = ChronoUnit.MINUTES,
            abortOn = MalformedEventException.class)
    @ExponentialBackoff(maxDelay = 15, maxDelayUnit = ChronoUnit.SECONDS)
    public Outcome receive(String message, Consumer<CloudEvent> apply) {
        CloudEvent event = events.parse(message);
        Outcome outcome = QuarkusTransaction.requiringNew().call(() -> {
            if (!recordFirstDelivery(event)) {
                return Outcome.DUPLICATE;
            }
            apply.accept(event);
            return Outcome.APPLIED;
        });
        registry.counter("thidua.inbox.events", "type", event.type(), "outcome", outcome.name().toLowerCase()).increment();
        return outcome;
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
