package vn.thidua.awards.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * members and redeliveries is tested once, in scoring-service's ClusterEventsConsumerIT.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "awards"))
class ClusterEventsConsumerIT {
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

    /**
     * Government flag (Law Art. 25(1)): only units their cluster or block voted as leading its
     * emulation, at most 20 % of the cluster-years that have one. Year 2099 belongs to this test alone;
     * the versions grow with the clock, so a rerun's events replace the last run's.
     */
    @Test
    void answersWhoLedTheEmulationOfAYearAndHowManyClusterYearsHaveALeader() {
        long version = System.currentTimeMillis();
        String chair = "000.00.31.H56";
        String leading = "000.00.32.H56";
        List<String> block = List.of("000.00.41.H56", "000.00.42.H56", "000.00.43.H56");
        long cluster = 909901;
        long bigBlock = 909902;
        long noVoteYet = 909903;
        kafka.sendCloudEvent(TOPIC, Long.toString(cluster), EventSamples.clusterEvent("ClusterEmulationLeadersRecorded", newId(),
                cluster, version, SEVEN_2016, data -> data.put("year", 2099).put("leaderUnitCode", chair)));
        kafka.sendCloudEvent(TOPIC, Long.toString(bigBlock), EventSamples.clusterEvent("ClusterEmulationLeadersRecorded", newId(),
                bigBlock, version, block, data -> {
                    data.put("year", 2099).put("kind", "BLOCK").put("code", "KHOI-02");
                    data.putArray("emulationLeaders").add("000.00.43.H56").add("000.00.41.H56");
                }));
        kafka.sendCloudEvent(TOPIC, Long.toString(noVoteYet), EventSamples.clusterEvent("ClusterCreated", newId(),
                noVoteYet, version, List.of("000.00.51.H56"), data -> data.put("year", 2099).put("code", "CUM-09")));
        Awaitility.await().atMost(DEADLINE).until(() -> List.of(cluster, bigBlock, noVoteYet).stream()
                .allMatch(id -> directory.find(id).filter(known -> known.version() == version).isPresent()));

        assertEquals(List.of(leading), directory.find(cluster).orElseThrow().emulationLeaders());
        assertEquals(List.of("000.00.41.H56", "000.00.43.H56"), directory.find(bigBlock).orElseThrow().emulationLeaders());
        assertTrue(directory.ledEmulation(leading, 2099));
        assertTrue(directory.ledEmulation("000.00.43.H56", 2099));
        assertFalse(directory.ledEmulation(chair, 2099), "the rotating chair did not lead the emulation");
        assertFalse(directory.ledEmulation("000.00.42.H56", 2099));
        assertFalse(directory.ledEmulation(leading, 2098));
        assertFalse(directory.ledEmulation(null, 2099));
        assertEquals(2, directory.clusterYearsWithEmulationLeader(2099), "a block naming two units counts once");
        assertEquals(3, directory.countOfYear(2099));

        // the leaders recorded again as none: the cluster no longer counts
        kafka.sendCloudEvent(TOPIC, Long.toString(cluster), EventSamples.clusterEvent("ClusterEmulationLeadersRecorded", newId(),
                cluster, version + 1, SEVEN_2016, data -> data.put("year", 2099).putArray("emulationLeaders")));
        Awaitility.await().atMost(DEADLINE).until(() -> directory.clusterYearsWithEmulationLeader(2099) == 1);
        assertFalse(directory.ledEmulation(leading, 2099));
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
