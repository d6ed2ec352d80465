package vn.thidua.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Moves outbox rows to Kafka. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several
 * replicas relay side by side without sending a row twice in the normal case; a row is deleted
 * only after the broker acknowledged it, so a crash at any point at worst sends it again, which
 * the consumers' inbox absorbs.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String CLAIM = """
            SELECT id, topic, message_key, payload FROM outbox
            ORDER BY id
            LIMIT ?
            FOR UPDATE SKIP LOCKED""";

    private final DataSource dataSource;
    private final OutboxConfig config;
    private final String bootstrapServers;
    private final String clientId;
    private final Counter published;
    private final Drain drain = new Drain("outbox-relay", this::drainSafely);
    private Producer<String, String> producer;

    public OutboxRelay(DataSource dataSource, OutboxConfig config, MeterRegistry registry,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.dataSource = dataSource;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.clientId = applicationName + "-outbox-relay";
        this.published = Counter.builder("thidua.outbox.published")
                .description("Events the outbox relay handed to Kafka").register(registry);
    }

    void start(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled on this instance");
            return;
        }
        producer = new KafkaProducer<>(producerProperties());
        drain.start(config.pollInterval());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (!drain.started()) {
            return;
        }
        // let a batch in flight finish so no row is left sent but not deleted
        drain.stop(config.sendTimeout().plusSeconds(1));
        producer.close(java.time.Duration.ofSeconds(5));
    }

    /** Asks for a drain soon; calls while one is already queued are folded into it. */
    public void wakeUp() {
        drain.wakeUp();
    }

    private void drainSafely() {
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().call(this::relayOneBatch);
            } while (sent == config.batchSize());
        } catch (RuntimeException e) {
            // the rows stay; the next wake-up or poll tries again
            LOG.warnf("Outbox relay could not send events yet: %s", e.getMessage());
        }
    }

    private int relayOneBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Long> ids = new ArrayList<>();
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setInt(1, config.batchSize());
                try (ResultSet rows = claim.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong("id"));
                        ProducerRecord<String, String> record = new ProducerRecord<>(
                                rows.getString("topic"), rows.getString("message_key"), rows.getString("payload"));
                        record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                        acks.add(producer.send(record));
                    }
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            long deadline = System.nanoTime() + config.sendTimeout().toNanos();
            for (Future<RecordMetadata> ack : acks) {
                try {
                    ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (Exception notAcknowledged) {
                    throw new IllegalStateException("Kafka did not acknowledge the batch", notAcknowledged);
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE id = ANY (?)")) {
                delete.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                delete.executeUpdate();
            }
            published.increment(ids.size());
            return ids.size();
        }
    }

    private Properties producerProperties() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        int timeoutMillis = (int) config.sendTimeout().toMillis();
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeoutMillis));
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(timeoutMillis));
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(timeoutMillis));
        return properties;
    }
}
