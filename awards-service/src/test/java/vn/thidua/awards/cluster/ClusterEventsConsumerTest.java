package vn.thidua.awards.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.EventSamples;
import vn.thidua.devstack.testing.KafkaTestClient;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.clusters.ClusterYear;

/**
 * awards-service is wired to platform-clusters' read model: the cluster-years of
 * {@code thidua.clusters.v1} arrive in {@link ClusterDirectory} through awards' own consumer group,
 * and what cannot be read goes to awards' own dead-letter topic. How the read model treats versions,
 * members and redeliveries is tested once, in scoring-service's ClusterEventsConsumerTest.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "awards"))
class ClusterEventsConsumerTest {
    private static final String TOPIC = "thidua.clusters.v1";
    private static final String DEAD_LETTERS = "thidua.clusters.v1.dlq.awards-service";
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final List<String> SEVEN_2016 = List.of("000.00.31.H56", "000.00.32.H56", "000.00.33.H56",
            "000.00.34.H56", "000.00.35.H56", "000.00.36.H56");

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    ClusterDirectory directory;

    @Test
    void learnsTheDocumentedClusterYearWithItsMembersAndLeadership() {
        long id = 910007;
        kafka.sendCloudEvent(TOPIC, Long.toString(id), EventSamples.clusterEvent("ClusterLeadershipAssigned", newId(), id, 1, SEVEN_2016, data -> { }));

        ClusterYear known = Awaitility.await().atMost(DEADLINE).until(() -> directory.find(id), found -> found.isPresent()).orElseThrow();
        assertEquals(new ClusterYear(id, "CUM-07", "Cụm thi đua số 7", "CLUSTER", 2016, "000.00.32.H56", "000.00.33.H56", SEVEN_2016, 1), known);
    }

    @Test
    void anUnreadableMessageGoesToAwardsOwnDeadLetterTopic() {
        long id = 910044;
        String garbage = "this is not a cluster event " + newId();
        String unknownKind = EventSamples.clusterEvent("ClusterCreated", newId(), id, 0, SEVEN_2016, data -> data.put("kind", "GROUP"));
        kafka.send(TOPIC, Long.toString(id), garbage);
        kafka.sendCloudEvent(TOPIC, Long.toString(id), unknownKind);
        kafka.sendCloudEvent(TOPIC, Long.toString(id), EventSamples.clusterEvent("ClusterCreated", newId(), id, 0, SEVEN_2016, data -> { }));

        Awaitility.await().atMost(DEADLINE).until(() -> directory.find(id).isPresent());
        for (String bad : List.of(garbage, unknownKind)) {
            var dead = kafka.awaitRecord(DEAD_LETTERS, r -> bad.equals(r.value()), DEADLINE);
            assertEquals(Long.toString(id), dead.key());
            assertNotNull(dead.headers().lastHeader("dead-letter-reason"));
        }
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
