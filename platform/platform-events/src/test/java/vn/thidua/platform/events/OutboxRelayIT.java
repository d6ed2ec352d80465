package vn.thidua.platform.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.KafkaTestClient;
import vn.thidua.devstack.testing.RealInfrastructure;

/**
 * The outbox and its relay against a real PostgreSQL and a real Kafka broker. Each {@link Replica}
 * is what one instance of a service runs: its own {@link OutboxRelay} (with its own Kafka producer
 * and its own {@code thidua.outbox.published} counter) and the {@link Outbox} whose commits hand rows
 * to that relay, over the one shared {@code outbox} table. The application's own relay is off
 * (application.properties), so its {@link Outbox} bean is a replica with the relay off. What the tests
 * look at: the rows left in the table (a row is deleted once the broker acknowledged it: that is
 * "sent"), the records read back from the topic, and each replica's published counter.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "events"))
class OutboxRelayIT {
    private static final String SOURCE = "/thidua/platform-events-it";
    private static final String TYPE = "vn.thidua.test.Happened";
    private static final String WARM_UP_TOPIC = "platform-events-it.warm-up";
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    DataSource dataSource;
    @Inject
    CloudEvents events;
    @Inject
    EventTracing tracing;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;
    /** The application's: its relay is off, so what it commits waits in the table for another replica. */
    @Inject
    Outbox relayOffOutbox;
    @Inject
    ObjectMapper mapper;

    private final KafkaTestClient kafka = KafkaTestClient.shared();
    private final List<Replica> replicas = new ArrayList<>();

    @BeforeEach
    void emptyOutbox() {
        Topics.ensure(WARM_UP_TOPIC);
        execute("DELETE FROM outbox");
    }

    @AfterEach
    void stopReplicas() {
        replicas.forEach(Replica::stop);
    }

    /**
     * One relay keeps each key's order when commits come faster than it sends. The relay holds at most
     * {@code batch-size} (here 5) handed-over rows; a commit beyond that leaves its rows in the table only.
     * Those rows are older than any handed over after them, so they must go out first. The test stops
     * the relay at the delete of a row it just sent (the gate of V2__outbox_it_gate.sql) to fill its memory,
     * commit seq 1 beyond the bound, and then, while the relay is at the next gate, commit seq 2 into the
     * memory it has just emptied. Before the fix in {@code OutboxRelay.sendCommitted}, the relay sent
     * seq 2 of every key from memory before the seq 1 rows waiting in the table.
     */
    @Test
    void oneRelayKeepsEachKeysOrderWhenCommitsOutrunItsInMemoryBound() throws SQLException {
        String topic = newTopic("bound");
        List<String> keys = List.of("unit-1", "unit-2", "unit-3", "unit-4");
        // longer than the rows wait at the gates: only hand-overs and backlog claims send them, never a poll tick's claim
        Replica a = replica("a", Duration.ofSeconds(3));
        a.startAndSettle();
        List<CloudEvent> written = new ArrayList<>();

        try (Connection gates = connectDirectly()) {
            gate(gates, "pg_advisory_lock", 1);
            gate(gates, "pg_advisory_lock", 2);
            written.addAll(write(a.outbox, topic, List.of("gate-1"), 0, 1));
            awaitRelayAtGate(1);
            // the relay's memory: gate-2 and seq 0 of each key, five rows, full
            written.addAll(write(a.outbox, topic, List.of("gate-2"), 0, 1));
            written.addAll(write(a.outbox, topic, keys, 0, 1));
            // beyond the bound: in the table only
            written.addAll(write(a.outbox, topic, keys, 1, 1));
            gate(gates, "pg_advisory_unlock", 1);
            // the relay took its five rows, sent them and waits at gate-2's delete; its memory is empty
            awaitRelayAtGate(2);
            written.addAll(write(a.outbox, topic, keys, 2, 1));
            gate(gates, "pg_advisory_unlock", 2);
        }
        awaitOutboxEmpty();
        assertEquals(14, a.published());
        assertEachOnceInOrderPerKey(topic, written, keys, 3);
    }

    private static void gate(Connection connection, String function, int gate) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, 4200 + gate);
            statement.execute();
        }
    }

    /** Until a transaction waits for the gate: the relay, deleting the gate's row it has sent. */
    private void awaitRelayAtGate(int gate) {
        await().atMost(WAIT).until(() -> rows("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                + " AND classid = 0 AND objid::bigint = " + (4200 + gate)) == 1);
    }

    /**
     * Two replicas relay side by side. A's commits are sent by A, in order per key, and by A only;
     * A stops, rows are still committed through it (handed to a relay that no longer runs), and B,
     * which kept running, publishes them once they are older than its claim grace: every row once,
     * none lost, none of A's sent again, every key's events in their commit order.
     */
    @Test
    void rowsGoOutInOrderPerKeyAndWhatAStoppedReplicaLeftIsPublishedOnceByAnother() {
        String topic = newTopic("handover");
        List<String> keys = List.of("unit-1", "unit-2", "unit-3", "unit-4");
        // the documented grace: a send from memory never takes that long here, so B never claims what A is sending
        Replica b = replica("b", Duration.ofSeconds(2));
        Replica a = replica("a", Duration.ofSeconds(2));
        b.startAndSettle();
        a.startAndSettle();

        List<CloudEvent> sentByA = write(a.outbox, topic, keys, 0, 10);
        awaitOutboxEmpty();
        assertEquals(40, a.published(), "A sent its own commits");
        assertEquals(0, b.published(), "B sent none of them");
        assertEquals(sentByA.size(), kafka.allRecords(topic, record -> true, WAIT).size());

        a.stop();
        List<CloudEvent> leftByA = write(a.outbox, topic, keys, 10, 10);
        assertEquals(40, outboxRows(), "a stopped relay sends nothing");
        awaitOutboxEmpty();
        assertEquals(40, a.published());
        assertEquals(40, b.published(), "B published what A left, and only that");

        List<CloudEvent> all = new ArrayList<>(sentByA);
        all.addAll(leftByA);
        assertEachOnceInOrderPerKey(topic, all, keys, 20);
    }

    /**
     * Rows under another replica's claim ({@code FOR UPDATE}, held while that replica sends) are
     * skipped by B's claims, which go on with the other rows; when that replica dies mid-claim
     * (its connection drops, so PostgreSQL ends its transaction and the lock), B publishes them.
     * Nothing is lost and nothing is sent twice. The claimed rows here are all of one key: B sends
     * newer rows of a key past rows that a dead claim held, so a key's order is kept across such
     * a hand-over only when the claim held all its older rows, as here (docs/events.md: consumers
     * keep the newest version).
     */
    @Test
    void rowsUnderAnotherReplicasClaimAreSkippedUntilThatReplicaDiesThenPublishedOnce() throws SQLException {
        String topic = newTopic("claimed");
        Replica b = replica("b", Duration.ofSeconds(1));
        b.startAndSettle();
        List<CloudEvent> written = write(relayOffOutbox, topic, List.of("held", "free"), 0, 3);

        try (Connection otherReplica = connectDirectly()) {
            otherReplica.setAutoCommit(false);
            try (PreparedStatement claim = otherReplica.prepareStatement(
                    "SELECT id FROM outbox WHERE message_key = 'held' ORDER BY id FOR UPDATE");
                 ResultSet claimed = claim.executeQuery()) {
                int rows = 0;
                while (claimed.next()) {
                    rows++;
                }
                assertEquals(3, rows);
            }
            await().atMost(WAIT).until(() -> outboxKeys().equals(List.of("held", "held", "held")));
            // ten of B's polls and more: the claimed rows stay, untouched
            await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> outboxRows() == 3);
            assertEquals(3, b.published());
            List<ConsumerRecord<String, String>> whileClaimed = kafka.allRecords(topic, record -> true, WAIT);
            assertEquals(List.of("free", "free", "free"), whileClaimed.stream().map(ConsumerRecord::key).toList());

            // the other replica dies with its claim: its socket drops without a commit
            otherReplica.abort(Runnable::run);
        }
        awaitOutboxEmpty();
        assertEquals(6, b.published());
        assertEachOnceInOrderPerKey(topic, written, List.of("held", "free"), 3);
    }

    /**
     * {@code thidua.outbox.claim-grace}: a poll tick claims only rows older than the grace, counted
     * from the row's write, because younger ones are being sent from memory by the replica that
     * committed them. A row committed through a replica whose relay then died, and one committed
     * by a replica with the relay off, wait in the table: B's ticks (every 100 ms) leave them
     * alone while they are younger than B's grace, and B sends them soon after it.
     */
    @Test
    void aRowLeftByADeadReplicaIsNotTakenBeforeTheClaimGraceAndIsTakenAfterIt() {
        Duration grace = Duration.ofMillis(1500);
        String topic = newTopic("grace");
        Replica b = replica("b", grace);
        b.startAndSettle();
        Replica a = replica("a", grace);
        a.start();
        a.stop();

        write(a.outbox, topic, List.of("left-by-dead-relay"), 0, 1);
        write(relayOffOutbox, topic, List.of("left-by-relay-off"), 0, 1);
        Map<String, Long> writtenAtMillis = outboxWriteTimes();
        assertEquals(2, writtenAtMillis.size());

        await().during(grace.minusMillis(400)).atMost(WAIT).until(() -> outboxRows() == 2);
        awaitOutboxEmpty();

        List<ConsumerRecord<String, String>> records = kafka.allRecords(topic, record -> true, WAIT);
        assertEquals(2, records.size());
        for (ConsumerRecord<String, String> record : records) {
            // the record's timestamp is the producer's send time, after the claim; both clocks are this machine's
            long age = record.timestamp() - writtenAtMillis.get(json(record.value()).get("id").asText());
            assertTrue(age >= grace.toMillis(), record.key() + " was sent " + age + " ms after its write, before the grace");
            assertTrue(age < grace.toMillis() + 5_000, record.key() + " was sent only " + age + " ms after its write");
        }
        assertEquals(2, b.published());
        assertEquals(0, a.published());
    }

    /** One instance's relay and the outbox that hands it its commits. */
    private final class Replica {
        final OutboxRelay relay;
        final Outbox outbox;
        private final String name;
        private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
        private double settled;
        private boolean running;

        Replica(String name, OutboxConfig config) {
            this.name = name;
            this.relay = new OutboxRelay(dataSource, config, registry, kafkaConfig, "platform-events-it-" + name, events, tracing);
            this.outbox = new Outbox(dataSource, events, transactions, relay);
        }

        void start() {
            relay.start(new StartupEvent());
            running = true;
        }

        /**
         * Starts, and returns once the relay has sent a commit of its own. A starting relay first
         * claims the whole table without grace (it may have a crashed run's rows): by the time this
         * returns, that start-up claim is over and only its grace-bound ticks claim.
         */
        void startAndSettle() {
            start();
            CloudEvent warmUp = write(outbox, WARM_UP_TOPIC, List.of("warm-up-" + name), 0, 1).get(0);
            await().atMost(WAIT).until(() -> rows("SELECT count(*) FROM outbox WHERE event_id = '" + warmUp.id() + "'") == 0);
            settled = registry.get("thidua.outbox.published").counter().count();
        }

        /** Rows this replica's relay sent since it settled. */
        long published() {
            return Math.round(registry.get("thidua.outbox.published").counter().count() - settled);
        }

        void stop() {
            if (running) {
                relay.stop(new ShutdownEvent());
                running = false;
            }
        }
    }

    private Replica replica(String name, Duration claimGrace) {
        Replica replica = new Replica(name, new TestOutboxConfig(true, POLL, 5, claimGrace, Duration.ofSeconds(5)));
        replicas.add(replica);
        return replica;
    }

    /** OutboxConfig with this test's values; batches of 5, so that claims and hand-overs span several batches. */
    private record TestOutboxConfig(boolean relayEnabled, Duration pollInterval, int batchSize, Duration claimGrace,
                                    Duration sendTimeout) implements OutboxConfig {
    }

    /**
     * {@code transactions} transactions through {@code outbox}, each with one event per key, the
     * event's data {@code {"seq": n}} counting on from {@code firstSeq}.
     */
    private List<CloudEvent> write(Outbox outbox, String topic, List<String> keys, int firstSeq, int transactions) {
        List<CloudEvent> written = new ArrayList<>();
        for (int seq = firstSeq; seq < firstSeq + transactions; seq++) {
            int n = seq;
            QuarkusTransaction.requiringNew().run(() -> keys.forEach(key -> {
                CloudEvent event = events.create(SOURCE, TYPE, key, Map.of("seq", n));
                outbox.publish(topic, event);
                written.add(event);
            }));
        }
        return written;
    }

    /** Every written event on the topic exactly once, and no other; each key's events in their seq order 0..perKey-1. */
    private void assertEachOnceInOrderPerKey(String topic, List<CloudEvent> written, List<String> keys, int perKey) {
        List<ConsumerRecord<String, String>> records = kafka.allRecords(topic, record -> true, WAIT);
        Map<String, Integer> copies = new HashMap<>();
        Map<String, List<Integer>> seqByKey = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode event = json(record.value());
            assertEquals(record.key(), event.get("subject").asText(), "the key is the subject");
            copies.merge(event.get("id").asText(), 1, Integer::sum);
            // one key's records are on one partition, read in offset order
            seqByKey.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(event.get("data").get("seq").asInt());
        }
        Map<String, Integer> once = new HashMap<>();
        written.forEach(event -> once.put(event.id(), 1));
        assertEquals(once, copies, "each written event exactly once, nothing else");
        List<Integer> inOrder = IntStream.range(0, perKey).boxed().toList();
        for (String key : keys) {
            assertEquals(inOrder, seqByKey.get(key), "the events of " + key + " in their commit order");
        }
    }

    private String newTopic(String name) {
        String topic = "platform-events-it." + name + "-" + UUID.randomUUID();
        Topics.ensure(topic);
        return topic;
    }

    private void awaitOutboxEmpty() {
        await().atMost(WAIT).until(() -> outboxRows() == 0);
    }

    private long outboxRows() {
        return rows("SELECT count(*) FROM outbox");
    }

    private List<String> outboxKeys() {
        List<String> keys = new ArrayList<>();
        query("SELECT message_key FROM outbox ORDER BY id", result -> keys.add(result.getString(1)));
        return keys;
    }

    /** Event id to the row's write time (created_at), in whole milliseconds. */
    private Map<String, Long> outboxWriteTimes() {
        Map<String, Long> times = new HashMap<>();
        query("SELECT event_id, floor(extract(epoch FROM created_at) * 1000)::bigint FROM outbox",
                result -> times.put(result.getString(1), result.getLong(2)));
        return times;
    }

    private long rows(String sql) {
        long[] count = new long[1];
        query(sql, result -> count[0] = result.getLong(1));
        return count[0];
    }

    private interface Row {
        void read(ResultSet result) throws SQLException;
    }

    private void query(String sql, Row row) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                row.read(result);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A connection of its own, outside the application's pool and transactions: another replica's. */
    private static Connection connectDirectly() throws SQLException {
        var config = ConfigProvider.getConfig();
        Properties properties = new Properties();
        properties.setProperty("user", config.getValue("quarkus.datasource.username", String.class));
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(password -> properties.setProperty("password", password));
        return new org.postgresql.Driver().connect(config.getValue("quarkus.datasource.jdbc.url", String.class), properties);
    }

    private JsonNode json(String value) {
        try {
            return mapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + value, e);
        }
    }
}
