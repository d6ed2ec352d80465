package vn.thidua.platform.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.KafkaTestClient;
import vn.thidua.devstack.testing.RealInfrastructure;

/**
 * The inbox end to end: CloudEvents sent to a real Kafka topic, consumed by a channel through
 * {@link Inbox} ({@link InboxProbe}), applied in a real PostgreSQL. Each test looks at what the
 * handler did (its calls), what stayed in the database ({@code inbox}, {@code inbox_it_effect}),
 * what reached the dead-letter topic, and the counters {@code thidua.inbox.events} and
 * {@code thidua.dead.letters}.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "events"))
class InboxIT {
    private static final String SOURCE = "/thidua/platform-events-it";
    private static final String TYPE = "vn.thidua.test.InboxProbed";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    CloudEvents events;
    @Inject
    InboxProbe probe;
    @Inject
    DataSource dataSource;
    @Inject
    MeterRegistry registry;

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @BeforeEach
    void topics() {
        Topics.ensure(InboxProbe.TOPIC, InboxProbe.DEAD_LETTERS);
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        CloudEvent event = event("applied once", 0);
        double applied = count("thidua.inbox.events", "type", TYPE, "outcome", "applied");
        double duplicates = count("thidua.inbox.events", "type", TYPE, "outcome", "duplicate");

        String json = events.write(event);
        kafka.sendCloudEvent(InboxProbe.TOPIC, event.subject(), json);
        kafka.sendCloudEvent(InboxProbe.TOPIC, event.subject(), json);

        await().atMost(WAIT).until(() -> count("thidua.inbox.events", "type", TYPE, "outcome", "duplicate") - duplicates == 1);
        assertEquals(1.0, count("thidua.inbox.events", "type", TYPE, "outcome", "applied") - applied);
        assertEquals(1, probe.calls(event.id()), "the handler runs for the first delivery only");
        assertEquals(1, rows("SELECT count(*) FROM inbox_it_effect WHERE event_id = ?", event.id()));
        assertEquals(1, rows("SELECT count(*) FROM inbox WHERE source = ? AND event_id = ?", SOURCE, event.id()));
        assertEquals(List.of(), deadLettered(event.id()));
    }

    @Test
    void aMalformedMessageIsDeadLetteredAndCountedWithoutBeingApplied() {
        double malformed = count("thidua.dead.letters", "channel", InboxProbe.CHANNEL, "reason", "malformed");
        String notJson = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\", not json";
        // a CloudEvent whose data the handler cannot read: malformed too, found inside the handler
        CloudEvent wrongData = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), SOURCE, TYPE, "probe",
                null, "application/json", TextNode.valueOf("not an instruction"), null, null);

        kafka.sendCloudEvent(InboxProbe.TOPIC, "probe", notJson);
        kafka.sendCloudEvent(InboxProbe.TOPIC, "probe", events.write(wrongData));

        List<ConsumerRecord<String, String>> dead = kafka.awaitRecords(InboxProbe.DEAD_LETTERS,
                record -> record.value().equals(notJson) || record.value().contains(wrongData.id()), 2, WAIT);
        assertEquals(2, dead.size());
        dead.forEach(record -> assertNotNull(record.headers().lastHeader("dead-letter-reason"), "the connector says why"));
        await().atMost(WAIT).until(() -> count("thidua.dead.letters", "channel", InboxProbe.CHANNEL, "reason", "malformed") - malformed == 2);
        assertEquals(1, probe.calls(wrongData.id()), "malformed data is not retried (abortOn)");
        assertEquals(0, rows("SELECT count(*) FROM inbox WHERE event_id = ?", wrongData.id()), "its id is not recorded");
        assertEquals(0, rows("SELECT count(*) FROM inbox_it_effect WHERE event_id = ?", wrongData.id()));
    }

    @Test
    void aHandlerThatKeepsFailingIsRetriedTwentyTimesThenDeadLetteredWithNothingKept() {
        double failed = count("thidua.dead.letters", "channel", InboxProbe.CHANNEL, "reason", "failed");
        CloudEvent event = event("never applied", Integer.MAX_VALUE);

        kafka.sendCloudEvent(InboxProbe.TOPIC, event.subject(), events.write(event));

        List<ConsumerRecord<String, String>> dead = deadLetteredAwaiting(event.id());
        assertEquals(1, dead.size());
        Header reason = dead.get(0).headers().lastHeader("dead-letter-reason");
        assertNotNull(reason);
        assertTrue(new String(reason.value(), StandardCharsets.UTF_8).contains("The handler fails"),
                "the handler's own failure is the reason: " + new String(reason.value(), StandardCharsets.UTF_8));
        await().atMost(WAIT).until(() -> count("thidua.dead.letters", "channel", InboxProbe.CHANNEL, "reason", "failed") - failed == 1);
        // @Retry(maxRetries = 20): the first call and twenty retries
        assertEquals(21, probe.calls(event.id()));
        // each attempt's transaction was rolled back: neither the id nor any effect of the attempts is kept
        assertEquals(0, rows("SELECT count(*) FROM inbox WHERE event_id = ?", event.id()));
        assertEquals(0, rows("SELECT count(*) FROM inbox_it_effect WHERE event_id = ?", event.id()));
    }

    @Test
    void aHandlerThatFailsTwiceIsAppliedOnceOnItsThirdCall() {
        double applied = count("thidua.inbox.events", "type", TYPE, "outcome", "applied");
        CloudEvent event = event("applied on the third call", 2);

        kafka.sendCloudEvent(InboxProbe.TOPIC, event.subject(), events.write(event));

        await().atMost(WAIT).until(() -> count("thidua.inbox.events", "type", TYPE, "outcome", "applied") - applied == 1);
        assertEquals(3, probe.calls(event.id()));
        // the failed attempts left no inbox row behind (or the third would have been taken for a duplicate)
        // and no effect: the one effect is the third call's
        assertEquals(1, rows("SELECT count(*) FROM inbox WHERE event_id = ?", event.id()));
        assertEquals(1, rows("SELECT count(*) FROM inbox_it_effect WHERE event_id = ?", event.id()));
        assertEquals(List.of(), deadLettered(event.id()));
    }

    private CloudEvent event(String note, int failures) {
        return events.create(SOURCE, TYPE, "probe-" + UUID.randomUUID(), new InboxProbe.Instruction(note, failures));
    }

    private double count(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private List<ConsumerRecord<String, String>> deadLettered(String eventId) {
        return kafka.allRecords(InboxProbe.DEAD_LETTERS, record -> record.value().contains(eventId), WAIT);
    }

    private List<ConsumerRecord<String, String>> deadLetteredAwaiting(String eventId) {
        kafka.awaitRecord(InboxProbe.DEAD_LETTERS, record -> record.value().contains(eventId), WAIT);
        return deadLettered(eventId);
    }

    private long rows(String sql, String... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
