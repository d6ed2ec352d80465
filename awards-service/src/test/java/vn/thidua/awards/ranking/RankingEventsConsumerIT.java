package vn.thidua.awards.ranking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.EventSamples;
import vn.thidua.devstack.testing.KafkaTestClient;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "awards"))
class RankingEventsConsumerIT {
    static final String TOPIC = "thidua.scoring.results.v1";
    static final String BOARD = TestTokens.user("board-officer", "board");
    final KafkaTestClient kafka = KafkaTestClient.shared();

    /** scoring-service's documented sample for another cluster-year, set version and first unit. */
    static String finalized(String eventId, long clusterId, long setVersion, String firstUnit) {
        return EventSamples.sample("scoring/ClusterRankingFinalized.json", node -> {
            node.put("id", eventId);
            node.put("subject", Long.toString(clusterId));
            ObjectNode data = (ObjectNode) node.get("data");
            data.put("clusterId", clusterId);
            data.put("criteriaSetVersion", setVersion);
            ((ObjectNode) data.get("ranking").get(0)).put("unitCode", firstUnit);
        });
    }

    @Test
    void keepsTheNewestFinalizedRankingOfEachClusterYear() {
        String id = UUID.randomUUID().toString();
        kafka.sendCloudEvent(TOPIC, "740001", finalized(id, 740001, 9, "000.00.32.H56"));
        awaitFirst(740001, "000.00.32.H56", 9);

        // the same event again with other content, an older finalization: neither changes anything
        kafka.sendCloudEvent(TOPIC, "740001", finalized(id, 740001, 12, "000.00.99.H56"));
        kafka.sendCloudEvent(TOPIC, "740001", finalized(UUID.randomUUID().toString(), 740001, 8, "000.00.98.H56"));
        // something else on the topic is passed over, something unreadable goes to the dead letters
        kafka.sendCloudEvent(TOPIC, "740001", EventSamples.sample("scoring/TitlesRegistered.json", node -> node.put("id", UUID.randomUUID().toString())));
        String broken = EventSamples.sample("scoring/ClusterRankingFinalized.json", node -> {
            node.put("id", UUID.randomUUID().toString());
            ((ObjectNode) node.get("data")).remove("ranking");
        });
        kafka.sendCloudEvent(TOPIC, "740001", broken);
        kafka.awaitRecord(TOPIC + ".dlq.awards-service", r -> broken.equals(r.value()), Duration.ofSeconds(30));
        // a newer finalization (reopened and closed again) replaces the ranking; being last on the
        // partition, once it shows, the three before it have been handled
        kafka.sendCloudEvent(TOPIC, "740001", finalized(UUID.randomUUID().toString(), 740001, 11, "000.00.31.H56"));
        awaitFirst(740001, "000.00.31.H56", 11);

        given().auth().oauth2(TestTokens.unitRep("ldld", "000.00.32.H56")).queryParam("year", 2016).when().get("/api/awards/rankings")
                .then().statusCode(200).body("clusterId", hasItem(740001));
        given().auth().oauth2(BOARD).when().get("/api/awards/rankings/999999").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(BOARD).when().get("/api/awards/rankings").then().statusCode(400);
        given().when().get("/api/awards/rankings/740001").then().statusCode(401);
    }

    private static void awaitFirst(long clusterId, String unit, long version) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(BOARD).when().get("/api/awards/rankings/" + clusterId)
                        .then().statusCode(200)
                        .body("criteriaSetVersion", equalTo((int) version))
                        .body("ranking[0].unitCode", equalTo(unit))
                        .body("clusterCode", equalTo("CUM-07")));
    }
}
