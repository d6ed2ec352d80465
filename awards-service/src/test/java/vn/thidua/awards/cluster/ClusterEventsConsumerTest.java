package vn.thidua.awards.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.EventSamples;
import vn.thidua.devstack.testing.KafkaTestClient;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.clusters.ClusterYear;

/**
 * awards-service keeps the cluster-years of {@code thidua.clusters.v1} through platform-clusters:
 * the documented samples (docs/events/clusters/) arrive in {@link ClusterDirectory}, members
 * included. Each test moves the samples to cluster-year ids of its own (from 910000 up), so other
 * tests that send the samples as they are meet nothing of these.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "awards"))
class ClusterEventsConsumerTest {
    private static final String TOPIC = "thidua.clusters.v1";
    private static final String DEAD_LETTERS = "thidua.clusters.v1.dlq.awards-service";
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final List<String> SEVEN_2016 = List.of("000.00.31.H56", "000.00.32.H56", "000.00.33.H56",
            "000.00.34.H56", "000.00.35.H56", "000.00.36.H56");
    private static final List<String> SEVEN_2023 = List.of("000.00.31.H56", "000.00.32.H56", "000.00.33.H56",
            "000.00.34.H56", "000.00.35.H56", "000.00.36.H56", "000.00.37.H56", "000.00.38.H56");

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    ClusterDirectory directory;

    @Inject
    DataSource dataSource;

    @Test
    void learnsTheDocumentedClusterYearsWithTheirMembers() {
        long year2016 = 910007;
        long year2023 = 910042;
        // cluster no. 7 in 2016: opened (version 0), then its leader assigned (version 1)
        send(year2016, sample("ClusterCreated", newId(), year2016, data -> { }));
        send(year2016, sample("ClusterLeadershipAssigned", newId(), year2016, data -> { }));
        // the same cluster in 2023, a cluster-year of its own: members changed (2), agreement recorded (3)
        send(year2023, sample("ClusterMembershipChanged", newId(), year2023, data -> { }));
        send(year2023, sample("ClusterAgreementRecorded", newId(), year2023, data -> { }));

        assertEquals(new ClusterYear(year2016, "CUM-07", "Cụm thi đua số 7", "CLUSTER", 2016,
                "000.00.32.H56", "000.00.33.H56", SEVEN_2016, 1), awaitVersion(year2016, 1));
        assertEquals(new ClusterYear(year2023, "CUM-07", "Cụm thi đua số 7", "CLUSTER", 2023,
                "000.00.34.H56", "000.00.35.H56", SEVEN_2023, 3), awaitVersion(year2023, 3));

        assertEquals(SEVEN_2016, directory.membersOf(year2016));
        assertEquals(SEVEN_2023, directory.membersOf(year2023));
        assertTrue(directory.isMember(year2023, "000.00.38.H56"));
        assertFalse(directory.isMember(year2016, "000.00.38.H56"));
        assertEquals(Optional.of(year2023), directory.clusterOf("000.00.37.H56", 2023, "CLUSTER"));
        assertEquals(Optional.empty(), directory.clusterOf("000.00.37.H56", 2023, "BLOCK"));
        assertEquals(List.of(), directory.membersOf(999_999_999L));
        assertEquals(Optional.empty(), directory.find(999_999_999L));
    }

    @Test
    void anOlderVersionDoesNotOverwriteANewerOne() {
        long id = 910043;
        send(id, sample("ClusterAgreementRecorded", newId(), id, data -> { }));
        awaitVersion(id, 3);

        // version 2 arrives late, with other members and no leader; then version 3 again, with other members
        String older = newId();
        send(id, sample("ClusterMembershipChanged", older, id, data -> members(data, "000.00.31.H56", "000.00.32.H56")
                .putNull("leaderUnitCode").putNull("deputyUnitCode").putNull("leadershipBasis")));
        String sameVersion = newId();
        send(id, sample("ClusterAgreementRecorded", sameVersion, id, data -> members(data, SEVEN_2023.toArray(String[]::new))
                .put("name", "Cụm thi đua số 7 (bản trùng phiên bản)")));
        awaitHandled(older);
        awaitHandled(sameVersion);

        ClusterYear kept = directory.find(id).orElseThrow();
        assertEquals(3, kept.version());
        assertEquals("Cụm thi đua số 7", kept.name());
        assertEquals(SEVEN_2023, kept.members());
        assertEquals("000.00.34.H56", kept.leaderUnitCode());

        // news that is newer is taken, members replaced as a whole
        send(id, sample("ClusterMembershipChanged", newId(), id, data -> members(data, "000.00.34.H56", "000.00.35.H56")
                .put("version", 4)));
        assertEquals(List.of("000.00.34.H56", "000.00.35.H56"), awaitVersion(id, 4).members());
        assertFalse(directory.isMember(id, "000.00.31.H56"));
    }

    @Test
    void anUnreadableMessageGoesToAwardsOwnDeadLetterTopic() {
        long id = 910044;
        String garbage = "this is not a cluster event " + newId();
        String unknownKind = sample("ClusterCreated", newId(), id, data -> data.put("kind", "GROUP"));
        kafka.send(TOPIC, Long.toString(id), garbage);
        send(id, unknownKind);
        send(id, sample("ClusterCreated", newId(), id, data -> { }));

        assertEquals(SEVEN_2016, awaitVersion(id, 0).members());
        for (String bad : List.of(garbage, unknownKind)) {
            var dead = kafka.awaitRecord(DEAD_LETTERS, r -> bad.equals(r.value()), DEADLINE);
            assertEquals(Long.toString(id), dead.key());
            assertNotNull(dead.headers().lastHeader("dead-letter-reason"));
        }
    }

    /** The documented sample of that type, moved to another cluster-year id, with a new event id. */
    private static String sample(String type, String eventId, long clusterId, Consumer<ObjectNode> editData) {
        return EventSamples.sample("clusters/" + type + ".json", event -> {
            event.put("id", eventId);
            event.put("subject", Long.toString(clusterId));
            ObjectNode data = (ObjectNode) event.get("data");
            data.put("id", clusterId);
            editData.accept(data);
        });
    }

    private static ObjectNode members(ObjectNode data, String... unitCodes) {
        ArrayNode members = data.putArray("members");
        for (String unitCode : unitCodes) {
            members.add(unitCode);
        }
        return data;
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private void send(long clusterId, String event) {
        kafka.sendCloudEvent(TOPIC, Long.toString(clusterId), event);
    }

    private ClusterYear awaitVersion(long id, long version) {
        return Awaitility.await().atMost(DEADLINE).until(() -> directory.find(id),
                found -> found.isPresent() && found.get().version() == version).orElseThrow();
    }

    /** Waits until the inbox holds the event: it was consumed and its transaction committed, whatever it changed. */
    private void awaitHandled(String eventId) {
        Awaitility.await().atMost(DEADLINE).until(() -> inboxHolds(eventId));
    }

    private boolean inboxHolds(String eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM inbox WHERE event_id = ?")) {
            query.setString(1, eventId);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1) == 1;
            }
        }
    }
}
