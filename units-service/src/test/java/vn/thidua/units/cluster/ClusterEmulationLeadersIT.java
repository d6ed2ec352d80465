package vn.thidua.units.cluster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.thidua.units.cluster.ClusterFixtures.BOARD;
import static vn.thidua.units.cluster.ClusterFixtures.awaitClusterEvent;
import static vn.thidua.units.cluster.ClusterFixtures.createCluster;
import static vn.thidua.units.cluster.ClusterFixtures.etag;
import static vn.thidua.units.cluster.ClusterFixtures.newUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.EventSamples;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;

/** PUT /api/clusters/{id}/emulation-leaders: the Board records the units a cluster voted on paper as leading it. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "units"))
class ClusterEmulationLeadersIT {
    private static final String PROBLEMS = "https://thidua.vn/problems/";
    private static final String MINUTES = "Biên bản họp cụm số 12/BB-CTĐ ngày 14/12/2026";

    static Response putLeaders(long id, String ifMatch, List<String> unitCodes, String reference) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitCodes", unitCodes);
        body.put("reference", reference);
        var request = given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put("/api/clusters/" + id + "/emulation-leaders");
    }

    @Test
    void theBoardRecordsTheLeadingUnitsAndTheClusterYearShowsAndAnnouncesThem() {
        String a = newUnit("Đơn vị dẫn đầu A");
        String b = newUnit("Đơn vị dẫn đầu B");
        String c = newUnit("Đơn vị dẫn đầu C");
        long id = createCluster(2072, a, b, c);

        putLeaders(id, etag(id), List.of(b), "  Biên bản họp cụm   số 12/BB-CTĐ ngày 14/12/2026 ")
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("emulationLeaders.size()", equalTo(1))
                .body("emulationLeaders[0].unitCode", equalTo(b))
                .body("emulationLeaders[0].name", equalTo("Đơn vị dẫn đầu B"))
                .body("emulationLeaders[0].basis", equalTo("RECORDED"))
                .body("emulationLeaders[0].reference", equalTo(MINUTES))
                .body("emulationLeaders[0].votingSessionId", nullValue());
        given().auth().oauth2(BOARD).when().get("/api/clusters/" + id)
                .then().statusCode(200).body("emulationLeaders[0].unitCode", equalTo(b));

        JsonNode announced = awaitClusterEvent(id, e -> ClusterEvents.EMULATION_LEADERS_RECORDED.equals(e.path("type").asText()));
        assertEquals(1, announced.at("/data/version").asLong());
        assertEquals(List.of(b), texts(announced.at("/data/emulationLeaders")));
        assertSameShape("clusters/ClusterEmulationLeadersRecorded.json", announced);

        // the same again changes nothing; a big block may name several; an empty list clears them
        putLeaders(id, "\"1\"", List.of(b), MINUTES).then().statusCode(200).header("ETag", equalTo("\"1\""));
        putLeaders(id, "\"1\"", List.of(c, a), MINUTES).then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("emulationLeaders.unitCode", equalTo(List.of(c, a)));
        putLeaders(id, "\"2\"", List.of(), null).then().statusCode(200).header("ETag", equalTo("\"3\""))
                .body("emulationLeaders", empty());
        JsonNode cleared = awaitClusterEvent(id, e -> e.at("/data/version").asLong() == 3);
        assertEquals(0, cleared.at("/data/emulationLeaders").size());
    }

    @Test
    void refusesWhatTheRulesDoNotAllowWithAProblem() {
        String a = newUnit("Đơn vị dẫn đầu sai A");
        String b = newUnit("Đơn vị dẫn đầu sai B");
        String outsider = newUnit("Đơn vị ngoài cụm");
        long id = createCluster(2073, a, b);

        putLeaders(id, etag(id), List.of(outsider), MINUTES)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "cluster-emulation-leader-not-member"));
        putLeaders(id, etag(id), List.of(a, a), MINUTES)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "cluster-emulation-leaders-duplicate"));
        putLeaders(id, etag(id), List.of(a, b, a, b, a, b, a, b, a, b, a), MINUTES)
                .then().statusCode(422).body("type", equalTo(PROBLEMS + "cluster-emulation-leaders-too-many"));
        putLeaders(id, etag(id), List.of(a), " ")
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "cluster-emulation-leaders-reference"));
        putLeaders(id, etag(id), List.of(a), "x".repeat(301))
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "cluster-emulation-leaders-reference"));
        putLeaders(id, etag(id), null, MINUTES)
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "cluster-emulation-leaders-required"));
        putLeaders(id, etag(id), List.of("not a code"), MINUTES)
                .then().statusCode(400).contentType("application/problem+json");
        // in Vietnamese by default, in English when asked
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Map.of("unitCodes", List.of(outsider), "reference", MINUTES))
                .when().put("/api/clusters/" + id + "/emulation-leaders")
                .then().statusCode(422).body("detail", equalTo("Unit " + outsider
                        + " is not a current member of this cluster, so it cannot lead its emulation."));
        given().auth().oauth2(BOARD).when().get("/api/clusters/" + id)
                .then().header("ETag", equalTo("\"0\"")).body("emulationLeaders", empty());
    }

    @Test
    void aStaleIfMatchIs412AndAUnitRepresentativeIs403() {
        String a = newUnit("Đơn vị dẫn đầu cũ A");
        String b = newUnit("Đơn vị dẫn đầu cũ B");
        long id = createCluster(2074, a, b);
        putLeaders(id, "\"0\"", List.of(a), MINUTES).then().statusCode(200);

        putLeaders(id, "\"0\"", List.of(b), MINUTES)
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.unitRep("rep-a", a)).contentType(ContentType.JSON)
                .body(Map.of("unitCodes", List.of(a), "reference", MINUTES))
                .when().put("/api/clusters/" + id + "/emulation-leaders")
                .then().statusCode(403);
        given().auth().oauth2(BOARD).when().get("/api/clusters/" + id)
                .then().header("ETag", equalTo("\"1\"")).body("emulationLeaders.unitCode", equalTo(List.of(a)));
    }

    private static void assertSameShape(String sample, JsonNode event) {
        JsonNode documented = ClusterFixtures.read(EventSamples.sample(sample, e -> { }));
        assertEquals(documented.get("type").asText(), event.get("type").asText());
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
