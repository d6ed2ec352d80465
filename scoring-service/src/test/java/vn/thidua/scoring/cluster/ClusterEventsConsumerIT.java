package vn.thidua.scoring.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.thidua.scoring.cluster.ClusterEventMother.DEAD_LETTERS;
import static vn.thidua.scoring.cluster.ClusterEventMother.TOPIC;
import static vn.thidua.scoring.cluster.ClusterEventMother.event;
import static vn.thidua.scoring.cluster.ClusterEventMother.newId;

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
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.EventSamples;
import vn.thidua.devstack.testing.KafkaTestClient;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.clusters.ClusterYear;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "scoring"))
class ClusterEventsConsumerIT {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String A = "000.09.01.T99";
    private static final String B = "000.09.02.T99";
    private static final String C = "000.09.03.T99";
    private static final String D = "000.09.04.T99";
    private static final String E = "000.09.05.T99";

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    ClusterDirectory directory;

    @Inject
    DataSource dataSource;

    @Test
    void everyTypeOfClusterEventIsLearnedAlike() {
        long id = 900001;
        send(id, event("ClusterCreated", newId(), id, 0, List.of(A, B, C), cluster(2091, "CUM-T01", "CLUSTER")));
        ClusterYear created = awaitVersion(id, 0);
        assertEquals(new ClusterYear(id, "CUM-T01", "Cụm thi đua số 7", "CLUSTER", 2091, null, null, List.of(A, B, C), 0),
                created);

        send(id, event("ClusterLeadershipAssigned", newId(), id, 1, List.of(A, B, C), cluster(2091, "CUM-T01", "CLUSTER")
                .andThen(data -> data.put("leaderUnitCode", B).put("deputyUnitCode", C))));
        ClusterYear led = awaitVersion(id, 1);
        assertEquals(B, led.leaderUnitCode());
        assertEquals(C, led.deputyUnitCode());

        send(id, event("ClusterAgreementRecorded", newId(), id, 2, List.of(A, B, C), cluster(2091, "CUM-T01", "CLUSTER")
                .andThen(data -> data.put("leaderUnitCode", B).put("deputyUnitCode", C).put("name", "Cụm thi đua số 7 (đã ký giao ước)"))));
        ClusterYear agreed = awaitVersion(id, 2);
        assertEquals("Cụm thi đua số 7 (đã ký giao ước)", agreed.name());
        assertEquals(B, agreed.leaderUnitCode());

        assertTrue(directory.isMember(id, A));
        assertFalse(directory.isMember(id, D));
        assertFalse(directory.isMember(999_999_999L, A));
        assertEquals(List.of(A, B, C), directory.membersOf(id));
        assertEquals(List.of(), directory.membersOf(999_999_999L));
        assertEquals(Optional.of(id), directory.clusterOf(A, 2091, "CLUSTER"));
        assertEquals(Optional.empty(), directory.clusterOf(A, 2091, "BLOCK"));
        assertEquals(Optional.empty(), directory.clusterOf(A, 2092, "CLUSTER"));
        assertEquals(Optional.empty(), directory.clusterOf(D, 2091, "CLUSTER"));
        assertEquals(Optional.empty(), directory.find(999_999_999L));
    }

    @Test
    void aUnitsClusterAndBlockOfOneYearAreToldApart() {
        long cluster = 900002;
        long block = 900003;
        send(cluster, event("ClusterCreated", newId(), cluster, 0, List.of(D, E), cluster(2092, "CUM-T02", "CLUSTER")));
        send(block, event("ClusterCreated", newId(), block, 0, List.of(D), cluster(2092, "KHOI-T03", "BLOCK")));
        awaitVersion(cluster, 0);
        awaitVersion(block, 0);

        assertEquals(Optional.of(cluster), directory.clusterOf(D, 2092, "CLUSTER"));
        assertEquals(Optional.of(block), directory.clusterOf(D, 2092, "BLOCK"));
        assertEquals(Optional.empty(), directory.clusterOf(E, 2092, "BLOCK"));
    }

    @Test
    void aMembershipChangeReplacesTheMembers() {
        long id = 900004;
        send(id, event("ClusterCreated", newId(), id, 0, List.of(A, B, C, D), cluster(2093, "CUM-T04", "CLUSTER")));
        awaitVersion(id, 0);

        // C and D left, E joined: the event carries the whole new membership, in any order
        send(id, event("ClusterMembershipChanged", newId(), id, 1, List.of(E, A, B), cluster(2093, "CUM-T04", "CLUSTER")));
        ClusterYear changed = awaitVersion(id, 1);

        assertEquals(List.of(A, B, E), changed.members());
        assertEquals(List.of(A, B, E), directory.membersOf(id));
        assertFalse(directory.isMember(id, C));
        assertEquals(Optional.empty(), directory.clusterOf(D, 2093, "CLUSTER"));
        assertEquals(Optional.of(id), directory.clusterOf(E, 2093, "CLUSTER"));
    }

    @Test
    void olderNewsDoesNotOverwriteNewer() {
        long id = 900005;
        send(id, event("ClusterLeadershipAssigned", newId(), id, 3, List.of(A, B), cluster(2094, "CUM-T05", "CLUSTER")
                .andThen(data -> data.put("leaderUnitCode", A).put("deputyUnitCode", B))));
        awaitVersion(id, 3);

        String older = newId();
        send(id, event("ClusterMembershipChanged", older, id, 2, List.of(C), cluster(2094, "CUM-T05", "CLUSTER")));
        String sameVersion = newId();
        send(id, event("ClusterMembershipChanged", sameVersion, id, 3, List.of(D), cluster(2094, "CUM-T05", "CLUSTER")));
        awaitHandled(older);
        awaitHandled(sameVersion);

        ClusterYear kept = directory.find(id).orElseThrow();
        assertEquals(3, kept.version());
        assertEquals(List.of(A, B), kept.members());
        assertEquals(A, kept.leaderUnitCode());
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        long id = 900006;
        String eventId = newId();
        send(id, event("ClusterCreated", eventId, id, 0, List.of(A, B), cluster(2095, "CUM-T06", "CLUSTER")));
        awaitVersion(id, 0);

        // the same event id again, even with other content and a higher version, must not be applied
        send(id, event("ClusterMembershipChanged", eventId, id, 5, List.of(C), cluster(2095, "CUM-T06", "CLUSTER")
                .andThen(data -> data.put("name", "Đổi tên trái phép"))));
        // then an event that changes nothing either; on the same key it is consumed after the redelivery
        String marker = newId();
        send(id, event("ClusterCreated", marker, id, 0, List.of(D), cluster(2095, "CUM-T06", "CLUSTER")));
        awaitHandled(marker);

        ClusterYear kept = directory.find(id).orElseThrow();
        assertEquals(0, kept.version());
        assertEquals("Cụm thi đua số 7", kept.name());
        assertEquals(List.of(A, B), kept.members());
    }

    @Test
    void unreadableMessagesGoToTheDeadLetterTopicAndConsumptionGoesOn() {
        long id = 900007;
        String garbage = "this is not JSON " + newId();
        String notACloudEvent = "{\"id\": 900007, \"code\": \"CUM-T07\", \"nonce\": \"" + newId() + "\"}";
        String unknownKind = event("ClusterCreated", newId(), id, 0, List.of(A), cluster(2096, "CUM-T07", "GROUP"));
        String noMembers = event("ClusterCreated", newId(), id, 0, List.of(A), cluster(2096, "CUM-T07", "CLUSTER")
                .andThen(data -> data.remove("members")));
        String membersNotAnArray = event("ClusterCreated", newId(), id, 0, List.of(A), cluster(2096, "CUM-T07", "CLUSTER")
                .andThen(data -> data.put("members", A)));
        String noData = EventSamples.sample("clusters/ClusterCreated.json", event -> {
            event.put("id", newId());
            event.put("subject", Long.toString(id));
            event.putNull("data");
        });
        kafka.send(TOPIC, Long.toString(id), garbage);
        for (String bad : List.of(notACloudEvent, unknownKind, noMembers, membersNotAnArray, noData)) {
            send(id, bad);
        }
        send(id, event("ClusterCreated", newId(), id, 0, List.of(A, B), cluster(2096, "CUM-T07", "CLUSTER")));

        assertEquals(List.of(A, B), awaitVersion(id, 0).members());
        for (String bad : List.of(garbage, notACloudEvent, unknownKind, noMembers, membersNotAnArray, noData)) {
            var dead = kafka.awaitRecord(DEAD_LETTERS, r -> bad.equals(r.value()), DEADLINE);
            assertEquals(Long.toString(id), dead.key());
            assertNotNull(dead.headers().lastHeader("dead-letter-reason"), "the reason travels with the dead letter");
        }
    }

    private void send(long clusterId, String event) {
        kafka.sendCloudEvent(TOPIC, Long.toString(clusterId), event);
    }

    private static Consumer<ObjectNode> cluster(int year, String code, String kind) {
        return data -> data.put("year", year).put("code", code).put("kind", kind);
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
