package vn.thidua.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The outbox as an operator watches it: how many events wait to reach Kafka and how long the oldest
 * has waited (a stuck relay shows as an age that only grows: docs/operations.md, the stuck-outbox
 * runbook). Read from the table on a thread of its own every {@code thidua.outbox.metrics-interval},
 * never on a scrape, which must not wait for a database that may be away. Every instance reports the
 * same table, so alerts take the maximum over the service's pods.
 */
@ApplicationScoped
public class OutboxMetrics {
    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);
    private static final String READ = "SELECT count(*), coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0) FROM outbox";

    private final DataSource dataSource;
    private final Duration interval;
    private final Drain refresh = new Drain("outbox-metrics", this::refreshSafely);
    private volatile double backlog = Double.NaN;
    private volatile double oldestAgeSeconds = Double.NaN;

    public OutboxMetrics(DataSource dataSource, MeterRegistry registry,
                         @ConfigProperty(name = "thidua.outbox.metrics-interval", defaultValue = "15s") Duration interval) {
        this.dataSource = dataSource;
        this.interval = interval;
        Gauge.builder("thidua.outbox.backlog", this, metrics -> metrics.backlog)
                .description("Events written to the outbox and not yet acknowledged by Kafka (NaN until first read or while the database is away)")
                .register(registry);
        Gauge.builder("thidua.outbox.oldest.age", this, metrics -> metrics.oldestAgeSeconds)
                .description("How long the oldest event in the outbox has waited; 0 when it is empty")
                .baseUnit("seconds")
                .register(registry);
    }

    void start(@Observes StartupEvent startup) {
        refresh.start(interval);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        refresh.stop(Duration.ofSeconds(1));
    }

    private void refreshSafely() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement(READ);
             ResultSet result = read.executeQuery()) {
            result.next();
            backlog = result.getLong(1);
            oldestAgeSeconds = result.getDouble(2);
        } catch (SQLException | RuntimeException e) {
            // unknown, not zero: a database that cannot be read says nothing about the outbox being empty
            backlog = Double.NaN;
            oldestAgeSeconds = Double.NaN;
            LOG.debugf("Outbox metrics not read: %s", e.getMessage());
        }
    }
}
