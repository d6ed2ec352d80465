package vn.thidua.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import io.smallrye.common.annotation.Identifier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Moves outbox rows to Kafka. A commit hands its rows to this instance's relay, which sends them
 * at once without reading them back (the event's latency is then the broker's hop plus one thread
 * hand-off); the table is claimed with {@code FOR UPDATE SKIP LOCKED} for everything else (rows
 * left by a crash or an outage, other instances' rows, bulk imports), so several replicas relay
 * side by side. A row is deleted only after the broker acknowledged it, so a crash at any point at
 * worst sends it again, which the consumers' inbox absorbs; so does the rare row that a claim on
 * another replica takes while this one is sending it.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String CLAIM = """
            SELECT id, topic, message_key, payload FROM outbox
            WHERE created_at < clock_timestamp() - make_interval(secs => ?)
            ORDER BY id
            LIMIT ?
            FOR UPDATE SKIP LOCKED""";

    private final DataSource dataSource;
    private final OutboxConfig config;
    /** Every {@code kafka.*} property of the service, as SmallRye's Kafka connector is given them. */
    private final Map<String, Object> kafkaConfig;
    private final String clientId;
    private final Counter published;
    private final CloudEvents events;
    private final EventTracing tracing;
    private final Drain drain = new Drain("outbox-relay", this::drainSafely);
    /** Rows committed by this instance and not yet sent, by id (their commit order for one aggregate). */
    private final ConcurrentSkipListMap<Long, OutboxRow> committed = new ConcurrentSkipListMap<>();
    /**
     * Whether the table may hold rows that are not in {@link #committed}: at start (a crashed
     * instance's rows), after a failed send, and when the bound on {@link #committed} was reached.
     */
    private volatile boolean backlog = true;
    /** Touched only by the relay's thread. */
    private long lastClaimNanos;
    /**
     * Ids the last claims sent, touched only by the relay's thread: a claim can see a row between its
     * commit and its hand-over, which comes microseconds later, so a few batches' worth is plenty.
     */
    private final Map<Long, Boolean> recentlyClaimed = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > 4 * config.batchSize();
        }
    };
    private Producer<String, String> producer;

    public OutboxRelay(DataSource dataSource, OutboxConfig config, MeterRegistry registry,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                       @ConfigProperty(name = "quarkus.application.name") String applicationName,
                       CloudEvents events, EventTracing tracing) {
        this.dataSource = dataSource;
        this.config = config;
        this.events = events;
        this.tracing = tracing;
        this.kafkaConfig = Map.copyOf(kafkaConfig);
        this.clientId = applicationName + "-outbox-relay";
        this.published = Counter.builder("thidua.outbox.published")
                .description("Events the outbox relay handed to Kafka").register(registry);
    }

    void start(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled on this instance");
            return;
        }
        producer = new KafkaProducer<>(producerProperties(kafkaConfig, clientId, config.sendTimeout()));
        drain.start(config.pollInterval());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (!drain.started()) {
            return;
        }
        // let a batch in flight finish so no row is left sent but not deleted
        drain.stop(config.sendTimeout().plusSeconds(1));
        producer.close(Duration.ofSeconds(5));
    }

    /**
     * Hands over a row this instance has just committed, so that it is sent without being read back
     * from the table. The table stays the truth: the row is deleted only after the broker's ack, and
     * if anything fails here it is claimed from the table like any row left by a crash.
     */
    public void committed(OutboxRow row) {
        if (!drain.started()) {
            // relaying is off here: another instance claims the row from the table
            return;
        }
        // bounded: a bulk import's rows are claimed from the table in batches instead of held twice
        if (committed.size() < config.batchSize()) {
            committed.put(row.id(), row);
        } else {
            backlog = true;
        }
        drain.wakeUp();
    }

    /** An outbox row as its transaction wrote it. */
    public record OutboxRow(long id, String topic, String key, String payload) {
    }

    /**
     * One round on the relay's thread. Rows handed over by commits are sent at once; the table is
     * claimed first when it may hold older rows (so an aggregate's events keep their order after an
     * outage), and otherwise on the poller's ticks for rows that other instances left behind.
     */
    private void drainSafely() {
        try {
            if (backlog) {
                claimUntilEmpty(Duration.ZERO);
            }
            boolean sentHandedOver = sendCommitted();
            long sinceClaim = System.nanoTime() - lastClaimNanos;
            long interval = config.pollInterval().toNanos();
            // A round that sent handed-over rows leaves the claim to the poller's tick, so that the next
            // commit's rows do not wait behind a claim, unless ticks kept meeting such rows for two
            // intervals. A tick claims from half an interval on: ticks come one interval apart give
            // or take a little, and each must claim.
            if (sinceClaim >= 2 * interval || !sentHandedOver && sinceClaim >= interval / 2) {
                claimUntilEmpty(config.claimGrace());
            }
        } catch (RuntimeException e) {
            // the rows stay in the table; the next wake-up or poll claims them
            backlog = true;
            LOG.warnf("Outbox relay could not send events yet: %s", e.getMessage());
        }
    }

    /**
     * Claims and sends the table's rows older than {@code grace}. A tick leaves the young rows alone:
     * those are being sent from memory by the live instance that committed them, and claiming them
     * here too would send them twice whenever two replicas relay. Rows of a crashed instance, of an
     * outage or beyond the in-memory bound are older than that by the next tick, or claimed without
     * grace by the instance that knows it has a backlog.
     */
    private void claimUntilEmpty(Duration grace) {
        lastClaimNanos = System.nanoTime();
        // cleared before claiming: a row handed over meanwhile beyond the bound sets it again
        backlog = false;
        int sent;
        do {
            sent = QuarkusTransaction.requiringNew().call(() -> relayOneClaimedBatch(grace));
        } while (sent == config.batchSize());
    }

    /** Whether it sent any. */
    private boolean sendCommitted() {
        boolean sent = false;
        while (true) {
            List<OutboxRow> rows = new ArrayList<>();
            Map.Entry<Long, OutboxRow> next;
            while (rows.size() < config.batchSize() && (next = committed.pollFirstEntry()) != null) {
                // a claim may have sent it already, between its commit and its hand-over
                if (!recentlyClaimed.containsKey(next.getKey())) {
                    rows.add(next.getValue());
                }
            }
            if (rows.isEmpty()) {
                return sent;
            }
            if (backlog) {
                // Commits beyond the bound (or a failed send) left rows in the table only, older than the ones
                // handed over after them: sending these first would put an aggregate's newer events before its
                // older ones. Checked after taking them, since a row is handed over only after the older row's
                // overflow set the flag. The claim sends the table in id order, these rows included.
                claimUntilEmpty(Duration.ZERO);
                continue;
            }
            sendAndAwaitAcks(rows);
            sent = true;
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    delete(connection, rows);
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot delete relayed rows from the outbox", e);
                }
            });
        }
    }

    private int relayOneClaimedBatch(Duration grace) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<OutboxRow> rows = new ArrayList<>();
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setDouble(1, grace.toMillis() / 1000.0);
                claim.setInt(2, config.batchSize());
                try (ResultSet result = claim.executeQuery()) {
                    while (result.next()) {
                        rows.add(new OutboxRow(result.getLong("id"), result.getString("topic"),
                                result.getString("message_key"), result.getString("payload")));
                    }
                }
            }
            if (rows.isEmpty()) {
                return 0;
            }
            // a row claimed here may also have been handed over by its commit (or be about to): send it once
            rows.forEach(row -> {
                recentlyClaimed.put(row.id(), Boolean.TRUE);
                committed.remove(row.id());
            });
            sendAndAwaitAcks(rows);
            delete(connection, rows);
            return rows.size();
        }
    }

    private void sendAndAwaitAcks(List<OutboxRow> rows) {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        try {
            for (OutboxRow row : rows) {
                ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
                record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                if (tracing.enabled()) {
                    // the event's own context, written with it, so that a row sent after a crash stays in its trace
                    publishSpan(row, record).ifPresent(spans::add);
                }
                acks.add(producer.send(record));
            }
            long deadline = System.nanoTime() + config.sendTimeout().toNanos();
            for (Future<RecordMetadata> ack : acks) {
                try {
                    ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (Exception notAcknowledged) {
                    spans.forEach(span -> EventTracing.failed(span, notAcknowledged));
                    throw new IllegalStateException("Kafka did not acknowledge the batch", notAcknowledged);
                }
            }
        } finally {
            spans.forEach(Span::end);
        }
    }

    private Optional<Span> publishSpan(OutboxRow row, ProducerRecord<String, String> record) {
        try {
            return Optional.of(tracing.startPublish(row.topic(), events.parse(row.payload()), record.headers()));
        } catch (MalformedEventException e) {
            // never written by Outbox; sent as it is, untraced, rather than held back
            return Optional.empty();
        }
    }

    private void delete(Connection connection, List<OutboxRow> rows) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE id = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("bigint", rows.stream().map(OutboxRow::id).toArray()));
            delete.executeUpdate();
        }
        published.increment(rows.size());
    }

    /**
     * The relay's producer configuration: every {@code kafka.*} property the service is configured
     * with that a producer knows ({@code bootstrap.servers}, {@code security.protocol},
     * {@code sasl.*}, {@code ssl.*}, ...; from {@code application.properties} or from variables such
     * as {@code KAFKA_SASL_JAAS_CONFIG}, which Quarkus's default Kafka configuration maps the way
     * the SmallRye connector's consumers get them), then the relay's own settings, which the
     * outbox's guarantees rest on and which no configuration overrides.
     */
    static Properties producerProperties(Map<String, ?> kafkaConfig, String clientId, Duration sendTimeout) {
        Properties properties = new Properties();
        // consumer-only settings (group.id, session.timeout.ms) would only make the producer warn
        kafkaConfig.forEach((name, value) -> {
            if (ProducerConfig.configNames().contains(name) && value != null && !String.valueOf(value).isEmpty()) {
                properties.put(name, value);
            }
        });
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        int timeoutMillis = (int) sendTimeout.toMillis();
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeoutMillis));
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(timeoutMillis));
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(timeoutMillis));
        return properties;
    }
}
