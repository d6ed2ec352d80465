package vn.thidua.units.cluster;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.thidua.units.cluster.ClusterFixtures.BOARD;
import static vn.thidua.units.cluster.ClusterFixtures.addMember;
import static vn.thidua.units.cluster.ClusterFixtures.assignLeadership;
import static vn.thidua.units.cluster.ClusterFixtures.awaitClusterEvent;
import static vn.thidua.units.cluster.ClusterFixtures.createCluster;
import static vn.thidua.units.cluster.ClusterFixtures.newUnit;
import static vn.thidua.units.cluster.ClusterFixtures.rollOver;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.EventSamples;
import vn.thidua.devstack.testing.RealInfrastructure;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "units"))
class ClusterEventsIT {

    @Test
    void everyChangeIsPublishedWithTheWholeStateAndItsVersion() {
        String a = newUnit("Đơn vị sự kiện A");
        String b = newUnit("Đơn vị sự kiện B");
        String c = newUnit("Đơn vị sự kiện C");
        long id = createCluster(2025, b, a);

        JsonNode created = awaitClusterEvent(id, e -> ClusterEvents.CLUSTER_CREATED.equals(e.path("type").asText()));
        assertEquals("1.0", created.get("specversion").asText());
        assertEquals(ClusterEvents.SOURCE, created.get("source").asText());
        assertEquals(Long.toString(id), created.get("subject").asText());
        assertEquals(id, created.at("/data/id").asLong());
        assertEquals(2025, created.at("/data/year").asInt());
        assertEquals("CLUSTER", created.at("/data/kind").asText());
        assertEquals(List.of(a, b).stream().sorted().toList(), texts(created.at("/data/members")));
        assertEquals(0, created.at("/data/version").asLong());
        assertSameShape("clusters/ClusterCreated.json", created);

        addMember(id, c).then().statusCode(200);
        JsonNode joined = awaitClusterEvent(id, e -> ClusterEvents.MEMBERSHIP_CHANGED.equals(e.path("type").asText()));
        assertEquals(1, joined.at("/data/version").asLong());
        assertEquals(List.of(a, b, c).stream().sorted().toList(), texts(joined.at("/data/members")));
        assertSameShape("clusters/ClusterMembershipChanged.json", joined);

        assignLeadership(id, a, b).then().statusCode(200);
        JsonNode led = awaitClusterEvent(id, e -> ClusterEvents.LEADERSHIP_ASSIGNED.equals(e.path("type").asText()));
        assertEquals(2, led.at("/data/version").asLong());
        assertEquals(a, led.at("/data/leaderUnitCode").asText());
        assertEquals(b, led.at("/data/deputyUnitCode").asText());
        assertEquals("ASSIGNED", led.at("/data/leadershipBasis").asText());
        assertEquals(3, led.at("/data/members").size());
        assertSameShape("clusters/ClusterLeadershipAssigned.json", led);

        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("signedOn", "2024-12-20", "signatories", List.of(a, b, c)))
                .when().put("/api/clusters/" + id + "/agreement").then().statusCode(200);
        given().auth().oauth2(BOARD).contentType("application/pdf").body(vn.thidua.devstack.testing.TestFiles.pdf("giao ước"))
                .when().put("/api/clusters/" + id + "/agreement/document").then().statusCode(200);
        JsonNode recorded = awaitClusterEvent(id, e -> ClusterEvents.AGREEMENT_RECORDED.equals(e.path("type").asText())
                && e.at("/data/version").asLong() == 4);
        assertEquals("2024-12-20", recorded.at("/data/agreement/signedOn").asText());
        assertEquals(List.of(a, b, c).stream().sorted().toList(), texts(recorded.at("/data/agreement/signatories")));
        assertEquals(64, recorded.at("/data/agreement/document/sha256").asText().length());
        assertSameShape("clusters/ClusterAgreementRecorded.json", recorded);
        JsonNode sample = ClusterFixtures.read(EventSamples.sample("clusters/ClusterAgreementRecorded.json", e -> { }));
        assertEquals(fieldNames(sample.at("/data/agreement")), fieldNames(recorded.at("/data/agreement")));
        assertEquals(fieldNames(sample.at("/data/agreement/document")), fieldNames(recorded.at("/data/agreement/document")));
    }

    @Test
    void aRollOverAnnouncesTheNewClusterYearUnderItsOwnKey() {
        String a = newUnit("Đơn vị sự kiện chuyển năm A");
        String b = newUnit("Đơn vị sự kiện chuyển năm B");
        long id = createCluster(2049, a, b);
        assignLeadership(id, a, b).then().statusCode(200);
        long next = rollOver(id).then().statusCode(201).extract().jsonPath().getLong("id");

        JsonNode created = awaitClusterEvent(next, e -> ClusterEvents.CLUSTER_CREATED.equals(e.path("type").asText()));
        assertEquals(2050, created.at("/data/year").asInt());
        assertEquals(id, created.at("/data/rolledOverFrom").asLong());
        assertEquals(b, created.at("/data/leaderUnitCode").asText());
        assertTrue(created.at("/data/deputyUnitCode").isNull());
        assertEquals("ROTATION", created.at("/data/leadershipBasis").asText());
        assertEquals(0, created.at("/data/version").asLong());
    }

    private static void assertSameShape(String sample, JsonNode event) {
        JsonNode documented = ClusterFixtures.read(EventSamples.sample(sample, e -> { }));
        assertEquals(documented.get("type").asText(), event.get("type").asText());
        assertEquals(fieldNames(documented), fieldNames(event));
        assertEquals(fieldNames(documented.get("data")), fieldNames(event.get("data")));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
