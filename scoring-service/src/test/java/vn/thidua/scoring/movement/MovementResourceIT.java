package vn.thidua.scoring.movement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.EventSamples;
import vn.thidua.devstack.testing.KafkaTestClient;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;

/**
 * Emulation movements over HTTP, against a real database and broker: the seed story (the Board's
 * 2016 movement with cluster 7), listing filters, optimistic updates, refusals and who may write.
 * Cluster-year ids 7100xx; the filter test keeps to the years 2041–2045 so others' movements do not show.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "scoring"))
class MovementResourceIT {
    static final String BOARD = TestTokens.user("board-officer", "board");
    static final String VIEWER = TestTokens.user("viewer", "viewer");
    static final String LDLD = "000.00.32.H56";
    static final List<String> CLUSTER_7 = List.of("000.00.31.H56", LDLD, "000.00.33.H56", "000.00.34.H56", "000.00.35.H56",
            "000.00.36.H56");
    static final String OTHER_LEADER_UNIT = "000.00.41.H56";
    static final long CUM_07_2016 = 710007;
    static final long OTHER_2016 = 710008;
    static final long CUM_A_2043 = 710043;
    static final long CUM_B_2043 = 710044;
    static final String SEED_NAME = "Thi đua yêu nước, trọng tâm xây dựng nông thôn mới gắn với văn minh đô thị";

    private static boolean clustersAnnounced;
    private static Long criteriaSetId;

    static String leaderOf(String unit) {
        return TestTokens.claims("leader-" + unit, "cluster-leader").claim("unit", unit).sign(TestTokens.privateKey());
    }

    static String rep(String unit) {
        return TestTokens.unitRep("rep-" + unit, unit);
    }

    /** Units-service's ClusterCreated for a cluster-year, from its documented sample, with a leader. */
    static void announceCluster(long clusterId, int year, List<String> members, String leader) {
        String event = EventSamples.clusterEvent("ClusterCreated", UUID.randomUUID().toString(), clusterId, 0, members,
                data -> data.put("year", year).put("leaderUnitCode", leader));
        KafkaTestClient.shared().sendCloudEvent("thidua.clusters.v1", Long.toString(clusterId), event);
    }

    /** The cluster-years and the criteria set of cluster 7 in 2016, once for the class. */
    static synchronized void setUpWorld() {
        if (!clustersAnnounced) {
            announceCluster(CUM_07_2016, 2016, CLUSTER_7, LDLD);
            announceCluster(OTHER_2016, 2016, List.of(OTHER_LEADER_UNIT, "000.00.42.H56"), OTHER_LEADER_UNIT);
            announceCluster(CUM_A_2043, 2043, CLUSTER_7, LDLD);
            announceCluster(CUM_B_2043, 2043, List.of(OTHER_LEADER_UNIT), OTHER_LEADER_UNIT);
            for (long id : List.of(CUM_07_2016, OTHER_2016, CUM_A_2043, CUM_B_2043)) {
                Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        given().auth().oauth2(BOARD).when().get("/api/scoring/clusters/" + id).then().statusCode(200));
            }
            clustersAnnounced = true;
        }
        if (criteriaSetId == null) {
            ObjectNode example = EventSamples.example("criteria-set-cum-07-2016.json", node -> node.put("clusterId", CUM_07_2016));
            criteriaSetId = ((Number) given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                    .body(new ObjectMapper().convertValue(example, Map.class))
                    .when().post("/api/scoring/criteria-sets").then().statusCode(201).extract().path("id")).longValue();
        }
    }

    static Map<String, Object> movement(String name, String kind, String launchedBy, Long launchingClusterId, boolean allClusters,
                                        List<Long> participants, String start, String end, List<String> goals, List<Long> sets) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", kind);
        body.put("launchedBy", launchedBy);
        body.put("launchingClusterId", launchingClusterId);
        body.put("allClusters", allClusters);
        body.put("participantClusterIds", participants);
        body.put("startDate", start);
        body.put("endDate", end);
        body.put("goals", goals);
        body.put("criteriaSetIds", sets);
        return body;
    }

    static Map<String, Object> seedMovement() {
        return movement(SEED_NAME, "REGULAR", "BOARD", null, false, List.of(CUM_07_2016), "2016-01-01", "2016-12-31",
                List.of("Hoàn thành toàn diện các chỉ tiêu giao ước thi đua năm 2016",
                        "Nhân rộng mô hình, điển hình tiên tiến trong xây dựng nông thôn mới gắn với văn minh đô thị"),
                List.of(criteriaSetId));
    }

    static Map<String, Object> ofCluster7(String name) {
        return movement(name, "REGULAR", "CLUSTER", CUM_07_2016, false, List.of(CUM_07_2016), "2016-03-01", "2016-11-30",
                List.of(), List.of());
    }

    static ValidatableResponse post(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/scoring/movements").then();
    }

    static long create(String token, Map<String, Object> body) {
        return ((Number) post(token, body).statusCode(201).extract().path("id")).longValue();
    }

    static List<Integer> ids(String query) {
        return given().auth().oauth2(BOARD).when().get("/api/scoring/movements?" + query)
                .then().statusCode(200).extract().path("id");
    }

    @Test
    void theBoardLaunchesTheSeedStorysMovementWithCluster7() {
        setUpWorld();
        var created = post(BOARD, seedMovement()).statusCode(201)
                .header("Location", containsString("/api/scoring/movements/"))
                .header("ETag", equalTo("\"0\""))
                .body("name", equalTo(SEED_NAME))
                .body("kind", equalTo("REGULAR"))
                .body("launchedBy", equalTo("BOARD"))
                .body("allClusters", equalTo(false))
                .body("participantClusterIds", equalTo(List.of((int) CUM_07_2016)))
                .body("startDate", equalTo("2016-01-01"))
                .body("endDate", equalTo("2016-12-31"))
                .body("durationYears", equalTo(1))
                .body("goals", hasSize(2))
                .body("criteriaSetIds", equalTo(List.of(criteriaSetId.intValue())))
                .body("createdBy", equalTo("board-officer"))
                .extract();
        long id = ((Number) created.path("id")).longValue();

        given().auth().oauth2(rep(LDLD)).when().get("/api/scoring/movements/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"0\"")).body("name", equalTo(SEED_NAME));
        given().auth().oauth2(rep(LDLD)).queryParam("year", 2016).queryParam("clusterId", CUM_07_2016)
                .when().get("/api/scoring/movements")
                .then().statusCode(200).body("id", hasItem((int) id));
        given().auth().oauth2(BOARD).when().get("/api/scoring/movements/999999999")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://thidua.vn/problems/movement-not-found"));
    }

    @Test
    void listingFiltersByYearClusterAndKind() {
        setUpWorld();
        long provinceWide = create(BOARD, movement("Chung sức xây dựng nông thôn mới giai đoạn 2041–2045", "THEMATIC", "BOARD", null,
                true, null, "2041-01-01", "2045-12-31", List.of("Mọi xã đạt chuẩn nông thôn mới"), null));
        long ofA = create(BOARD, movement("Phong trào năm 2043 của cụm A", "REGULAR", "BOARD", null, false, List.of(CUM_A_2043),
                "2043-01-01", "2043-12-31", null, null));
        long ofB = create(leaderOf(OTHER_LEADER_UNIT), movement("Phong trào năm 2043 của cụm B", "REGULAR", "CLUSTER", CUM_B_2043,
                false, List.of(CUM_B_2043), "2043-02-01", "2043-12-31", null, null));
        given().auth().oauth2(BOARD).when().get("/api/scoring/movements/" + provinceWide)
                .then().statusCode(200).body("durationYears", equalTo(5)).body("allClusters", equalTo(true));

        assertEquals(List.of((int) provinceWide, (int) ofA, (int) ofB), ids("year=2043"));
        assertEquals(List.of((int) provinceWide, (int) ofA), ids("year=2043&clusterId=" + CUM_A_2043));
        assertEquals(List.of((int) provinceWide, (int) ofB), ids("year=2043&clusterId=" + CUM_B_2043));
        assertEquals(List.of((int) provinceWide), ids("year=2043&kind=THEMATIC"));
        assertEquals(List.of((int) ofA, (int) ofB), ids("year=2043&kind=regular"));
        assertEquals(List.of((int) provinceWide), ids("year=2041"));
        assertEquals(List.of(), ids("year=2046&kind=THEMATIC"));
        org.hamcrest.MatcherAssert.assertThat(ids("clusterId=" + CUM_A_2043), not(hasItem((int) ofB)));

        given().auth().oauth2(VIEWER).queryParam("year", 2043).when().get("/api/scoring/movements").then().statusCode(200)
                .body("$", hasSize(3));
        given().auth().oauth2(BOARD).queryParam("year", "năm nay").when().get("/api/scoring/movements").then().statusCode(400)
                .body("type", equalTo("https://thidua.vn/problems/invalid-year"));
        given().auth().oauth2(BOARD).queryParam("kind", "ANNUAL").when().get("/api/scoring/movements").then().statusCode(400)
                .body("type", equalTo("https://thidua.vn/problems/invalid-movement-kind"));
        given().auth().oauth2(BOARD).queryParam("clusterId", "-7").when().get("/api/scoring/movements").then().statusCode(400)
                .body("type", equalTo("https://thidua.vn/problems/invalid-cluster-id"));
    }

    @Test
    void anUpdateNamesTheVersionItWasBasedOn() {
        setUpWorld();
        long id = create(BOARD, seedMovement());
        Map<String, Object> changed = new HashMap<>(seedMovement());
        changed.put("kind", "THEMATIC");
        changed.put("endDate", "2020-12-31");
        changed.put("goals", List.of("Đến năm 2020 hoàn thành các mục tiêu xây dựng nông thôn mới"));

        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(changed)
                .when().put("/api/scoring/movements/" + id).then().statusCode(428)
                .contentType("application/problem+json");
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(changed)
                .when().put("/api/scoring/movements/" + id).then().statusCode(412)
                .body("type", equalTo("https://thidua.vn/problems/stale-version"));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(changed)
                .when().put("/api/scoring/movements/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("kind", equalTo("THEMATIC"))
                .body("durationYears", equalTo(5))
                .body("goals", equalTo(changed.get("goals")))
                .body("version", equalTo(1));
        // the same stale version again: someone else's change would be lost
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(seedMovement())
                .when().put("/api/scoring/movements/" + id).then().statusCode(412);
        // a regular movement may not span five years
        Map<String, Object> invalid = new HashMap<>(changed);
        invalid.put("kind", "REGULAR");
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(invalid)
                .when().put("/api/scoring/movements/" + id).then().statusCode(422)
                .body("errors.field", equalTo(List.of("endDate")));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(seedMovement())
                .when().put("/api/scoring/movements/999999999").then().statusCode(404);
        given().auth().oauth2(BOARD).when().get("/api/scoring/movements/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("kind", equalTo("THEMATIC"));
    }

    @Test
    void everyBrokenRuleIsListedInTheCallersLanguage() {
        setUpWorld();
        Map<String, Object> broken = movement("x".repeat(301), "REGULAR", "CLUSTER", 719999L, true, List.of(CUM_07_2016, 719998L),
                "2016-06-01", "2017-05-31", java.util.Collections.nCopies(21, "mục tiêu"), List.of(criteriaSetId, 999999999L));
        post(BOARD, broken).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://thidua.vn/problems/invalid-movement"))
                .body("detail", startsWith("Phong trào thi đua chưa hợp lệ (6 lỗi)"))
                .body("errors.field", equalTo(List.of("name", "endDate", "launchingClusterId", "participantClusterIds", "goals",
                        "criteriaSetIds[1]")));
        given().auth().oauth2(BOARD).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(movement("Phong trào", "REGULAR", "BOARD", null, false, List.of(CUM_07_2016, 719998L), "2016-12-31", "2016-01-01",
                        null, null))
                .when().post("/api/scoring/movements").then().statusCode(422)
                .body("errors.field", equalTo(List.of("endDate", "participantClusterIds[1]")))
                .body("errors.message", hasItem("The end date (2016-01-01) may not be before the start date (2016-12-31)."))
                .body("errors.message", hasItem("Scoring-service does not know cluster-year 719998."));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(movement("Phong trào", "REGULAR", "BOARD", null, false,
                        List.of(CUM_A_2043), "2016-01-01", "2016-12-31", null, null))
                .when().post("/api/scoring/movements").then().statusCode(422)
                .body("errors.message", hasItem("Cụm, khối thi đua số 710043 là của năm 2043, ngoài thời gian phong trào (năm 2016 đến năm 2016)."));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body("{\"kind\": \"ANNUAL\"}")
                .when().post("/api/scoring/movements").then().statusCode(400);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body("null")
                .when().post("/api/scoring/movements").then().statusCode(400);
    }

    @Test
    void onlyTheBoardAndTheLaunchingClustersLeaderWrite() {
        setUpWorld();
        // no token
        given().contentType(ContentType.JSON).body(seedMovement()).when().post("/api/scoring/movements").then().statusCode(401);
        given().when().get("/api/scoring/movements").then().statusCode(401);
        // a unit representative, even of the cluster's leader, and a viewer
        post(rep(LDLD), ofCluster7("Phong trào của đại diện đơn vị")).statusCode(403)
                .contentType("application/problem+json");
        post(VIEWER, seedMovement()).statusCode(403);
        // the leader of another cluster-year
        post(leaderOf(OTHER_LEADER_UNIT), ofCluster7("Phong trào của cụm khác")).statusCode(403);
        // the leader of cluster 7: its own movement, only with cluster 7 taking part, never the Board's
        long own = create(leaderOf(LDLD), ofCluster7("Thi đua lao động giỏi, lao động sáng tạo"));
        Map<String, Object> wider = new HashMap<>(ofCluster7("Phong trào mở rộng"));
        wider.put("participantClusterIds", List.of(CUM_07_2016, OTHER_2016));
        post(leaderOf(LDLD), wider).statusCode(403);
        post(leaderOf(LDLD), seedMovement()).statusCode(403);

        given().auth().oauth2(leaderOf(LDLD)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(ofCluster7("Thi đua lao động giỏi, lao động sáng tạo năm 2016"))
                .when().put("/api/scoring/movements/" + own).then().statusCode(200).body("updatedBy", equalTo("leader-" + LDLD));
        given().auth().oauth2(leaderOf(OTHER_LEADER_UNIT)).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(ofCluster7("Đổi tên"))
                .when().put("/api/scoring/movements/" + own).then().statusCode(403);
        given().auth().oauth2(rep(LDLD)).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(ofCluster7("Đổi tên"))
                .when().put("/api/scoring/movements/" + own).then().statusCode(403);
        long boards = create(BOARD, seedMovement());
        given().auth().oauth2(leaderOf(LDLD)).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(ofCluster7("Chiếm"))
                .when().put("/api/scoring/movements/" + boards).then().statusCode(403);
        // the Board may change the cluster's movement
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(ofCluster7("Thi đua lao động giỏi, lao động sáng tạo (Ban sửa)"))
                .when().put("/api/scoring/movements/" + own).then().statusCode(200).body("version", equalTo(2));
    }
}
