package vn.thidua.units.cluster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.thidua.units.cluster.ClusterFixtures.BOARD;
import static vn.thidua.units.cluster.ClusterFixtures.assignLeadership;
import static vn.thidua.units.cluster.ClusterFixtures.awaitClusterEvent;
import static vn.thidua.units.cluster.ClusterFixtures.createCluster;
import static vn.thidua.units.cluster.ClusterFixtures.inboxCount;
import static vn.thidua.units.cluster.ClusterFixtures.newClusterCode;
import static vn.thidua.units.cluster.ClusterFixtures.newUnit;
import static vn.thidua.units.cluster.ClusterFixtures.rollOver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.EventSamples;
import vn.thidua.devstack.testing.KafkaTestClient;
import vn.thidua.devstack.testing.RealInfrastructure;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "units"))
class LeaderElectionsConsumerIT {
    private static final String TOPIC = ClusterEvents.VOTES_TOPIC;
    private static final String DEAD_LETTERS = "thidua.awards.votes.v1.dlq.units-service";
    private static final String TYPE = ClusterEvents.LEADER_ELECTED;
    private static final String VOTE_CONCLUDED = ClusterEvents.VOTE_CONCLUDED;
    private final KafkaTestClient kafka = KafkaTestClient.shared();

    /** The documented sample, for another cluster-year and result. */
    static String elected(String id, String clusterCode, int year, String leader, String deputy, String electedAt) {
        return EventSamples.sample("awards/ClusterLeaderElected.json", event -> {
            event.put("id", id);
            event.put("subject", clusterCode + "/" + year);
            ObjectNode data = (ObjectNode) event.get("data");
            data.put("clusterCode", clusterCode);
            data.put("year", year);
            data.put("leaderUnitCode", leader);
            data.put("deputyUnitCode", deputy);
            data.put("votingSessionId", UUID.randomUUID().toString());
            data.put("electedAt", electedAt);
        });
    }

    /** The documented VoteConcluded sample, for another cluster-year, session, purpose and LEAD result. */
    static String concluded(long clusterId, String clusterCode, int year, String purpose, String sessionId, String runoffOf,
                            String... elected) {
        return EventSamples.sample("awards/VoteConcluded.json", event -> {
            event.put("id", UUID.randomUUID().toString());
            event.put("subject", clusterCode + "/" + year);
            ObjectNode data = (ObjectNode) event.get("data");
            data.put("votingSessionId", sessionId);
            data.put("runoffOf", runoffOf);
            data.put("clusterId", clusterId);
            data.put("clusterCode", clusterCode);
            data.put("year", year);
            data.put("purpose", purpose);
            data.put("someFieldAddedLater", "ignored");
            ObjectNode lead = (ObjectNode) data.at("/result/contests/0");
            if (!"LEAD_AND_PROPOSE".equals(purpose)) {
                lead.put("contest", "LEADER");
            }
            ArrayNode electedUnits = lead.putArray("elected");
            for (String unit : elected) {
                electedUnits.add(unit);
            }
        });
    }

    private static io.restassured.response.ValidatableResponse cluster(long id) {
        return given().auth().oauth2(BOARD).when().get("/api/clusters/" + id).then().statusCode(200);
    }

    @Test
    void aLeadAndProposeVoteRecordsTheLeadingUnitsOnceAndPassesOverElectLeadership() {
        String a = newUnit("Đơn vị suy tôn A");
        String b = newUnit("Đơn vị suy tôn B");
        String c = newUnit("Đơn vị suy tôn C");
        String code = newClusterCode();
        long id = createCluster(code, "CLUSTER", 2075, a, b, c);

        // a vote for next year's chair names no emulation leader
        double passed = inboxCount(VOTE_CONCLUDED, "applied");
        send(code, 2075, concluded(id, code, 2075, "ELECT_LEADERSHIP", UUID.randomUUID().toString(), null, c));
        awaitCount(() -> inboxCount(VOTE_CONCLUDED, "applied"), passed + 1);
        cluster(id).header("ETag", equalTo("\"0\"")).body("emulationLeaders", empty());

        String session = UUID.randomUUID().toString();
        String event = concluded(id, code, 2075, "LEAD_AND_PROPOSE", session, null, b);
        send(code, 2075, event);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> cluster(id)
                .header("ETag", equalTo("\"1\""))
                .body("emulationLeaders.size()", equalTo(1))
                .body("emulationLeaders[0].unitCode", equalTo(b))
                .body("emulationLeaders[0].basis", equalTo("VOTE"))
                .body("emulationLeaders[0].votingSessionId", equalTo(session))
                .body("emulationLeaders[0].reference", nullValue()));
        JsonNode announced = awaitClusterEvent(id, e -> ClusterEvents.EMULATION_LEADERS_RECORDED.equals(e.path("type").asText()));
        assertEquals(b, announced.at("/data/emulationLeaders/0").asText());
        assertEquals(1, announced.at("/data/version").asLong());

        // a redelivery changes nothing
        double duplicates = inboxCount(VOTE_CONCLUDED, "duplicate");
        send(code, 2075, event);
        awaitCount(() -> inboxCount(VOTE_CONCLUDED, "duplicate"), duplicates + 1);
        cluster(id).header("ETag", equalTo("\"1\"")).body("emulationLeaders.unitCode", equalTo(List.of(b)));
    }

    @Test
    void aRunoffAddsItsElectedToThoseOfTheSessionItCompletesAndANewSessionStartsOver() {
        String a = newUnit("Đơn vị khối lớn A");
        String b = newUnit("Đơn vị khối lớn B");
        String c = newUnit("Đơn vị khối lớn C");
        String code = newClusterCode();
        long id = createCluster(code, "BLOCK", 2076, a, b, c);

        String first = UUID.randomUUID().toString();
        String runoff = UUID.randomUUID().toString();
        send(code, 2076, concluded(id, code, 2076, "LEAD_AND_PROPOSE", first, null, a));
        send(code, 2076, concluded(id, code, 2076, "LEAD_AND_PROPOSE", runoff, first, c));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> cluster(id)
                .body("emulationLeaders.unitCode", equalTo(List.of(a, c)))
                .body("emulationLeaders.votingSessionId", equalTo(List.of(first, runoff))));

        String again = UUID.randomUUID().toString();
        send(code, 2076, concluded(id, code, 2076, "LEAD_AND_PROPOSE", again, null, b));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> cluster(id)
                .body("emulationLeaders.unitCode", equalTo(List.of(b)))
                .body("emulationLeaders[0].votingSessionId", equalTo(again)));
    }

    @Test
    void anUnreadableVoteConcludedGoesToTheDeadLetterTopic() {
        String a = newUnit("Đơn vị suy tôn hỏng A");
        String code = newClusterCode();
        long id = createCluster(code, "CLUSTER", 2077, a);

        String badUnit = concluded(id, code, 2077, "LEAD_AND_PROPOSE", UUID.randomUUID().toString(), null, "not a unit");
        String noCluster = EventSamples.sample("awards/VoteConcluded.json", event -> {
            event.put("id", UUID.randomUUID().toString());
            ((ObjectNode) event.get("data")).remove("clusterId");
        });
        send(code, 2077, badUnit);
        send(code, 2077, noCluster);
        kafka.awaitRecord(DEAD_LETTERS, r -> badUnit.equals(r.value()), Duration.ofSeconds(30));
        kafka.awaitRecord(DEAD_LETTERS, r -> noCluster.equals(r.value()), Duration.ofSeconds(30));
        cluster(id).header("ETag", equalTo("\"0\"")).body("emulationLeaders", empty());
    }

    private void send(String clusterCode, int year, String event) {
        kafka.sendCloudEvent(TOPIC, clusterCode + "/" + year, event);
    }

    @Test
    void setsTheElectedLeadershipOfAnExistingClusterYearOnce() {
        String a = newUnit("Đơn vị bầu A");
        String b = newUnit("Đơn vị bầu B");
        String c = newUnit("Đơn vị bầu C");
        String code = newClusterCode();
        long id = createCluster(code, "CLUSTER", 2061, a, b, c);
        assignLeadership(id, a, b).then().statusCode(200);

        String event = elected(UUID.randomUUID().toString(), code, 2061, c, a, "2060-12-14T09:35:00Z");
        send(code, 2061, event);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(BOARD).when().get("/api/clusters/" + id)
                        .then().statusCode(200)
                        .body("leader.code", equalTo(c))
                        .body("deputy.code", equalTo(a))
                        .body("leadershipBasis", equalTo("ELECTED"))
                        .header("ETag", equalTo("\"2\"")));
        JsonNode announced = awaitClusterEvent(id, e -> ClusterEvents.LEADERSHIP_ASSIGNED.equals(e.path("type").asText())
                && e.at("/data/version").asLong() == 2);
        assertEquals("ELECTED", announced.at("/data/leadershipBasis").asText());
        assertEquals(c, announced.at("/data/leaderUnitCode").asText());

        // the same event again (a redelivery) changes nothing
        double duplicates = inboxCount(TYPE, "duplicate");
        send(code, 2061, event);
        awaitCount(() -> inboxCount(TYPE, "duplicate"), duplicates + 1);
        given().auth().oauth2(BOARD).when().get("/api/clusters/" + id)
                .then().header("ETag", equalTo("\"2\"")).body("leader.code", equalTo(c)).body("deputy.code", equalTo(a));
    }

    @Test
    void keepsAResultForANextYearUntilTheRollOverCreatesIt() {
        String a = newUnit("Đơn vị bầu trước A");
        String b = newUnit("Đơn vị bầu trước B");
        String c = newUnit("Đơn vị bầu trước C");
        String code = newClusterCode();
        long id = createCluster(code, "CLUSTER", 2062, a, b, c);
        assignLeadership(id, a, b).then().statusCode(200);

        double applied = inboxCount(TYPE, "applied");
        send(code, 2063, elected(UUID.randomUUID().toString(), code, 2063, c, a, "2062-12-20T03:00:00Z"));
        awaitCount(() -> inboxCount(TYPE, "applied"), applied + 1);
        // this year's leadership is not touched
        given().auth().oauth2(BOARD).when().get("/api/clusters/" + id)
                .then().header("ETag", equalTo("\"1\"")).body("leader.code", equalTo(a));

        // the elected leader leads next year, not the deputy the rotation would propose
        rollOver(id).then().statusCode(201)
                .body("year", equalTo(2063))
                .body("leader.code", equalTo(c))
                .body("deputy.code", equalTo(a))
                .body("leadershipBasis", equalTo("ELECTED"));
    }

    /** A result for next year arriving while the roll-over creates that year is applied either way, never lost. */
    @Test
    void aResultRacingTheRollOverIsNeverLost() {
        for (int round = 0; round < 6; round++) {
            String a = newUnit("Đơn vị đua A" + round);
            String b = newUnit("Đơn vị đua B" + round);
            String c = newUnit("Đơn vị đua C" + round);
            String code = newClusterCode();
            long id = createCluster(code, "CLUSTER", 2070, a, b, c);
            assignLeadership(id, a, b).then().statusCode(200);
            send(code, 2071, elected(UUID.randomUUID().toString(), code, 2071, c, a, "2070-12-20T03:00:00Z"));
            long next = rollOver(id).then().statusCode(201).extract().jsonPath().getLong("id");
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().auth().oauth2(BOARD).when().get("/api/clusters/" + next).then().statusCode(200)
                            .body("leader.code", equalTo(c)).body("deputy.code", equalTo(a)).body("leadershipBasis", equalTo("ELECTED")));
        }
    }

    @Test
    void anOlderResultDoesNotOverrideANewerOneAndAResultThatDoesNotFitChangesNothing() {
        String a = newUnit("Đơn vị bầu lại A");
        String b = newUnit("Đơn vị bầu lại B");
        String outsider = newUnit("Đơn vị bầu lại ngoài cụm");
        String code = newClusterCode();
        long id = createCluster(code, "CLUSTER", 2064, a, b);

        double applied = inboxCount(TYPE, "applied");
        send(code, 2064, elected(UUID.randomUUID().toString(), code, 2064, b, a, "2063-12-20T03:00:00Z"));
        send(code, 2064, elected(UUID.randomUUID().toString(), code, 2064, a, b, "2063-12-18T03:00:00Z"));
        send(code, 2064, elected(UUID.randomUUID().toString(), code, 2064, outsider, a, "2063-12-22T03:00:00Z"));
        awaitCount(() -> inboxCount(TYPE, "applied"), applied + 3);

        given().auth().oauth2(BOARD).when().get("/api/clusters/" + id)
                .then().header("ETag", equalTo("\"1\""))
                .body("leader.code", equalTo(b))
                .body("deputy.code", equalTo(a))
                .body("leadershipBasis", equalTo("ELECTED"));
    }

    @Test
    void otherTypesArePassedOverAndUnreadableMessagesGoToTheDeadLetterTopic() {
        String a = newUnit("Đơn vị thư hỏng A");
        String b = newUnit("Đơn vị thư hỏng B");
        String code = newClusterCode();
        long id = createCluster(code, "CLUSTER", 2065, a, b);

        String otherType = EventSamples.sample("awards/ClusterLeaderElected.json", event -> {
            event.put("id", UUID.randomUUID().toString());
            event.put("type", "vn.thidua.awards.VotingSessionOpened");
            ObjectNode data = (ObjectNode) event.get("data");
            data.put("clusterCode", code);
            data.put("year", 2065);
            data.put("leaderUnitCode", a);
            data.put("deputyUnitCode", b);
        });
        String garbage = "not JSON " + UUID.randomUUID();
        String noLeader = EventSamples.sample("awards/ClusterLeaderElected.json", event -> {
            event.put("id", UUID.randomUUID().toString());
            ObjectNode data = (ObjectNode) event.get("data");
            data.put("clusterCode", code);
            data.put("year", 2065);
            data.remove("leaderUnitCode");
        });
        String badYear = elected(UUID.randomUUID().toString(), code, 1990, a, b, "2064-12-20T03:00:00Z");
        send(code, 2065, otherType);
        kafka.send(TOPIC, code + "/2065", garbage);
        send(code, 2065, noLeader);
        send(code, 2065, badYear);
        send(code, 2065, elected(UUID.randomUUID().toString(), code, 2065, b, null, "2064-12-20T03:00:00Z"));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(BOARD).when().get("/api/clusters/" + id)
                        .then().body("leader.code", equalTo(b)).body("deputy", nullValue()));
        given().auth().oauth2(BOARD).when().get("/api/clusters/" + id).then().header("ETag", equalTo("\"1\""));
        kafka.awaitRecord(DEAD_LETTERS, r -> garbage.equals(r.value()), Duration.ofSeconds(30));
        kafka.awaitRecord(DEAD_LETTERS, r -> noLeader.equals(r.value()), Duration.ofSeconds(30));
        kafka.awaitRecord(DEAD_LETTERS, r -> badYear.equals(r.value()), Duration.ofSeconds(30));
    }

    private static void awaitCount(Callable<Double> count, double atLeast) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count.call() >= atLeast);
    }
}
