package vn.thidua.scoring.model;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.EventSamples;
import vn.thidua.devstack.testing.KafkaTestClient;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;
import vn.thidua.scoring.flow.SeedStoryScoringIT;

/**
 * Models and advanced examples of the seed story: the Women's Union's model "Phụ nữ giúp nhau phát
 * triển kinh tế", replicated by the Farmers' Association in 2016 and recognised by the Board at the
 * review conference. Test twins of cluster 7 (000.00.8x.H56, cluster-year 720001) and of a second
 * cluster (000.00.9x.H56, 720002), so other tests do not collide.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "scoring"))
class ExemplaryModelFlowIT {
    static final String BOARD = TestTokens.user("board-officer", "board");
    static final String VIEWER = TestTokens.user("viewer-1", "viewer");
    static final String LDLD = "000.00.82.H56";
    static final String FARMERS = "000.00.83.H56";
    static final String WOMEN = "000.00.84.H56";
    static final String YOUTH = "000.00.86.H56";
    static final List<String> CLUSTER_7 = List.of("000.00.81.H56", LDLD, FARMERS, WOMEN, "000.00.85.H56", YOUTH);
    static final long CLUSTER_7_ID = 720001;
    static final List<String> OTHER_CLUSTER = List.of("000.00.91.H56", "000.00.92.H56", "000.00.93.H56");
    static final long OTHER_CLUSTER_ID = 720002;
    static final String WOMENS_MODEL = "Mô hình 'Phụ nữ giúp nhau phát triển kinh tế'";

    @Inject
    ModelStatistics statistics;

    static String rep(String unit) {
        return TestTokens.unitRep("rep-" + unit, unit);
    }

    static String leader(String unit) {
        return TestTokens.claims("leader-" + unit, "cluster-leader").claim("unit", unit).sign(TestTokens.privateKey());
    }

    private static boolean announced;

    /** Once per test class: the application is up only when instance callbacks run. */
    @BeforeEach
    void announce() {
        if (announced) {
            return;
        }
        announced = true;
        announceUnit(FARMERS, "Hội Nông dân tỉnh Thanh Hóa");
        announceUnit(WOMEN, "Hội Liên hiệp Phụ nữ tỉnh Thanh Hóa");
        announceCluster(CLUSTER_7_ID, 2016, CLUSTER_7);
        announceCluster(OTHER_CLUSTER_ID, 2016, OTHER_CLUSTER);
    }

    static void announceUnit(String code, String name) {
        KafkaTestClient.shared().sendCloudEvent("thidua.units.v1", code,
                EventSamples.unitRegistered(UUID.randomUUID().toString(), code, name, 0));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(BOARD).when().get("/api/scoring/units/" + code).then().statusCode(200));
    }

    static void announceCluster(long clusterId, int year, List<String> members) {
        SeedStoryScoringIT.announceCluster(clusterId, year, members);
    }

    static Map<String, Object> model(String unit, String kind, String title, String field, int startedYear) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitCode", unit);
        body.put("kind", kind);
        body.put("title", title);
        body.put("description", "Hội viên góp vốn, góp công, giúp nhau\nvay vốn phát triển kinh tế hộ gia đình.");
        body.put("field", field);
        body.put("startedYear", startedYear);
        body.put("evidence", List.of("https://thidua.example/minh-chung/" + unit + "/mo-hinh.pdf"));
        return body;
    }

    static Response post(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post(path);
    }

    static long create(String token, Map<String, Object> body) {
        return ((Number) post(token, "/api/scoring/models", body).then().statusCode(201).extract().path("id")).longValue();
    }

    static Response replicate(String token, long modelId, String unit, String adoptedOn) {
        return post(token, "/api/scoring/models/" + modelId + "/replications",
                Map.of("unitCode", unit, "adoptedOn", adoptedOn, "note", "Nhân rộng tại các chi hội cơ sở"));
    }

    static int total(String query) {
        return given().auth().oauth2(VIEWER).when().get("/api/scoring/models?" + query)
                .then().statusCode(200).extract().path("total");
    }

    @Test
    void theWomensUnionsModelIsReplicatedRecognisedAndReported() {
        // the Women's Union records its model, with an unnormalised title
        Response created = post(rep(WOMEN), "/api/scoring/models",
                model(WOMEN, "MODEL", "  Mô hình  'Phụ nữ giúp nhau phát triển kinh tế' ", "Xây dựng nông thôn mới", 2014));
        created.then().statusCode(201)
                .header("Location", containsString("/api/scoring/models/"))
                .header("ETag", equalTo("\"1\""))
                .body("title", equalTo(WOMENS_MODEL))
                .body("unitName", equalTo("Hội Liên hiệp Phụ nữ tỉnh Thanh Hóa"))
                .body("description", equalTo("Hội viên góp vốn, góp công, giúp nhau vay vốn phát triển kinh tế hộ gia đình."))
                .body("recognised", equalTo(false))
                .body("replications", hasSize(0));
        long womens = ((Number) created.path("id")).longValue();
        // the Board records the Labour Federation's advanced collective; a cluster leader its own unit's model
        long ldlds = create(BOARD, model(LDLD, "EXEMPLARY_COLLECTIVE", "Công đoàn cơ sở chăm lo đời sống đoàn viên",
                "Chăm lo đời sống đoàn viên", 2016));
        long other = create(leader("000.00.91.H56"), model("000.00.91.H56", "EXEMPLARY_PERSON",
                "Nông dân sản xuất kinh doanh giỏi", "xay dung nong thon moi", 2015));

        // replications: the Farmers' Association in 2016 (its rep), unit 92 in 2016 (by the Board), the Youth Union in 2017
        replicate(rep(FARMERS), womens, FARMERS, "2016-03-08").then().statusCode(201)
                .header("ETag", equalTo("\"2\""))
                .body("replications", hasSize(1))
                .body("replications[0].unitCode", equalTo(FARMERS))
                .body("replications[0].unitName", equalTo("Hội Nông dân tỉnh Thanh Hóa"))
                .body("replications[0].adoptedOn", equalTo("2016-03-08"))
                .body("replications[0].note", equalTo("Nhân rộng tại các chi hội cơ sở"));
        replicate(BOARD, womens, "000.00.92.H56", "2016-06-01").then().statusCode(201);
        replicate(rep(YOUTH), womens, YOUTH, "2017-02-01").then().statusCode(201);
        replicate(rep(FARMERS), ldlds, FARMERS, "2016-09-02").then().statusCode(201);

        given().auth().oauth2(VIEWER).when().get("/api/scoring/models/" + womens).then().statusCode(200)
                .header("ETag", equalTo("\"4\""))
                .body("replicationCount", equalTo(3))
                .body("replications.unitCode", equalTo(List.of(FARMERS, "000.00.92.H56", YOUTH)))
                .body("evidence", equalTo(List.of("https://thidua.example/minh-chung/" + WOMEN + "/mo-hinh.pdf")));

        // no second adoption by the same unit; the owner does not adopt its own; not before the model started
        replicate(rep(FARMERS), womens, FARMERS, "2016-10-10").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://thidua.vn/problems/model-replication-duplicate"));
        replicate(rep(WOMEN), womens, WOMEN, "2016-10-10").then().statusCode(422)
                .body("type", equalTo("https://thidua.vn/problems/model-own-replication"));
        replicate(rep("000.00.85.H56"), womens, "000.00.85.H56", "2013-12-31").then().statusCode(422)
                .body("type", equalTo("https://thidua.vn/problems/model-date-before-start"));
        // a rep records adoptions for its own unit only
        replicate(rep(FARMERS), womens, "000.00.85.H56", "2016-10-10").then().statusCode(403);

        // list filters
        assertEquals(2, total("clusterId=" + CLUSTER_7_ID));
        assertEquals(1, total("clusterId=" + OTHER_CLUSTER_ID));
        given().auth().oauth2(rep(YOUTH)).queryParam("clusterId", CLUSTER_7_ID).queryParam("field", "xay dung NONG thon")
                .when().get("/api/scoring/models").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo((int) womens))
                .body("items[0].unitName", equalTo("Hội Liên hiệp Phụ nữ tỉnh Thanh Hóa"))
                .body("items[0].replicationCount", equalTo(3));
        given().auth().oauth2(VIEWER).queryParam("clusterId", OTHER_CLUSTER_ID).queryParam("field", "Nông thôn mới")
                .when().get("/api/scoring/models").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo((int) other));
        // year: started in that year, or adopted by some unit in that year
        assertEquals(2, total("clusterId=" + CLUSTER_7_ID + "&year=2016"));
        assertEquals(1, total("clusterId=" + CLUSTER_7_ID + "&year=2017"));
        assertEquals(1, total("clusterId=" + CLUSTER_7_ID + "&year=2014"));
        assertEquals(0, total("clusterId=" + CLUSTER_7_ID + "&year=2015"));
        assertEquals(0, total("clusterId=" + CLUSTER_7_ID + "&recognised=true"));
        assertEquals(2, total("clusterId=" + CLUSTER_7_ID + "&recognised=false"));
        given().auth().oauth2(VIEWER).when().get("/api/scoring/models?clusterId=" + CLUSTER_7_ID + "&page=1&size=1")
                .then().statusCode(200).body("total", equalTo(2)).body("items", hasSize(1))
                .body("items[0].id", equalTo((int) ldlds));

        // recognition: the Board only, once
        Map<String, Object> recognition = Map.of("recognisedOn", "2016-12-14",
                "reason", "Hội nghị tổng kết cụm thi đua số 7 năm 2016 đề nghị nhân rộng");
        post(rep(WOMEN), "/api/scoring/models/" + womens + "/recognition", recognition).then().statusCode(403);
        post(leader(WOMEN), "/api/scoring/models/" + womens + "/recognition", recognition).then().statusCode(403);
        post(BOARD, "/api/scoring/models/" + womens + "/recognition", recognition).then().statusCode(200)
                .header("ETag", equalTo("\"5\""))
                .body("recognised", equalTo(true))
                .body("recognisedOn", equalTo("2016-12-14"))
                .body("recognisedBy", equalTo("board-officer"));
        post(BOARD, "/api/scoring/models/" + womens + "/recognition", recognition).then().statusCode(409)
                .body("type", equalTo("https://thidua.vn/problems/model-already-recognised"));
        assertEquals(1, total("clusterId=" + CLUSTER_7_ID + "&recognised=true"));

        // the statistics the scoring rules will use
        assertEquals(1, statistics.recognisedModels(WOMEN, 2016));
        assertEquals(0, statistics.recognisedModels(WOMEN, 2017));
        assertEquals(0, statistics.recognisedModels(LDLD, 2016));
        assertEquals(2, statistics.replicationsOf(WOMEN, 2016));
        assertEquals(1, statistics.replicationsOf(WOMEN, 2017));
        assertEquals(1, statistics.replicationsOf(LDLD, 2016));
        assertEquals(0, statistics.replicationsOf(FARMERS, 2016));

        // the Board's report for the review conference: most adopting units first
        given().auth().oauth2(BOARD).queryParam("year", 2016).queryParam("clusterId", CLUSTER_7_ID)
                .when().get("/api/scoring/models/replicated").then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].id", equalTo((int) womens))
                .body("[0].title", equalTo(WOMENS_MODEL))
                .body("[0].recognised", equalTo(true))
                .body("[0].adoptingUnits", equalTo(2))
                .body("[0].adopters[0].unitName", equalTo("Hội Nông dân tỉnh Thanh Hóa"))
                .body("[0].adopters[0].adoptedOn", equalTo("2016-03-08"))
                .body("[1].id", equalTo((int) ldlds))
                .body("[1].adoptingUnits", equalTo(1));
        given().auth().oauth2(BOARD).queryParam("year", 2017).queryParam("clusterId", CLUSTER_7_ID)
                .when().get("/api/scoring/models/replicated").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].adoptingUnits", equalTo(1));
        given().auth().oauth2(BOARD).queryParam("year", 2016).queryParam("clusterId", OTHER_CLUSTER_ID)
                .when().get("/api/scoring/models/replicated").then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(rep(WOMEN)).queryParam("year", 2016)
                .when().get("/api/scoring/models/replicated").then().statusCode(403);
        given().auth().oauth2(BOARD).when().get("/api/scoring/models/replicated").then().statusCode(400);
    }

    @Test
    void badRequestsAreRefusedWithProblems() {
        int nextYear = LocalDate.now().getYear() + 1;
        Map<String, Object> good = model("000.00.95.H56", "MODEL", "Mô hình dân vận khéo", "Dân vận", 2016);

        // who may write
        post(rep(FARMERS), "/api/scoring/models", good).then().statusCode(403)
                .contentType("application/problem+json");
        post(VIEWER, "/api/scoring/models", good).then().statusCode(403);
        given().contentType(ContentType.JSON).body(good).when().post("/api/scoring/models").then().statusCode(401);
        given().when().get("/api/scoring/models").then().statusCode(401);

        // validation
        Map<String, Object> body = new HashMap<>(good);
        body.remove("title");
        post(BOARD, "/api/scoring/models", body).then().statusCode(400)
                .body("type", equalTo("https://thidua.vn/problems/invalid-field"));
        body.put("title", "x".repeat(301));
        post(BOARD, "/api/scoring/models", body).then().statusCode(400);
        body.put("title", "Mô hình dân vận khéo");
        body.put("description", "y".repeat(4001));
        post(BOARD, "/api/scoring/models", body).then().statusCode(400);
        body.put("description", "Ngắn gọn");
        body.put("field", "z".repeat(101));
        post(BOARD, "/api/scoring/models", body).then().statusCode(400);
        body.put("field", "Dân vận");
        body.put("startedYear", 1944);
        post(BOARD, "/api/scoring/models", body).then().statusCode(422)
                .body("type", equalTo("https://thidua.vn/problems/model-year-invalid"));
        body.put("startedYear", nextYear + 1);
        post(BOARD, "/api/scoring/models", body).then().statusCode(422);
        body.remove("startedYear");
        post(BOARD, "/api/scoring/models", body).then().statusCode(400);
        body.put("startedYear", nextYear);
        body.put("kind", "SOMETHING");
        post(BOARD, "/api/scoring/models", body).then().statusCode(400);
        body.remove("kind");
        post(BOARD, "/api/scoring/models", body).then().statusCode(400);
        body.put("kind", "MODEL");
        body.put("evidence", List.of("https://a.example/1", "bad\u202Elink"));
        post(BOARD, "/api/scoring/models", body).then().statusCode(400);
        body.put("evidence", List.of());
        long id = create(BOARD, body);
        post(BOARD, "/api/scoring/models", "{").then().statusCode(400);

        // unknown or malformed ids; bad query parameters
        given().auth().oauth2(VIEWER).header("Accept-Language", "en").when().get("/api/scoring/models/999999999")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://thidua.vn/problems/model-not-found"))
                .body("detail", containsString("No model"));
        given().auth().oauth2(VIEWER).when().get("/api/scoring/models/999999999")
                .then().statusCode(404).body("detail", containsString("Không tìm thấy mô hình"));
        given().auth().oauth2(VIEWER).when().get("/api/scoring/models/abc").then().statusCode(404);
        given().auth().oauth2(VIEWER).when().get("/api/scoring/models/-3").then().statusCode(404);
        replicate(BOARD, 999999999, FARMERS, "2016-03-08").then().statusCode(404);
        post(BOARD, "/api/scoring/models/999999999/recognition", Map.of("recognisedOn", "2016-12-14", "reason", "x"))
                .then().statusCode(404);
        given().auth().oauth2(VIEWER).when().get("/api/scoring/models?year=abc").then().statusCode(400);
        given().auth().oauth2(VIEWER).when().get("/api/scoring/models?recognised=maybe").then().statusCode(400);
        given().auth().oauth2(VIEWER).when().get("/api/scoring/models?clusterId=x").then().statusCode(400);
        given().auth().oauth2(VIEWER).when().get("/api/scoring/models?clusterId=729999").then().statusCode(404);
        given().auth().oauth2(VIEWER).when().get("/api/scoring/models?size=0").then().statusCode(400);

        // replication and recognition bodies
        post(BOARD, "/api/scoring/models/" + id + "/replications", Map.of("unitCode", FARMERS, "adoptedOn", "2016-13-45"))
                .then().statusCode(400);
        post(BOARD, "/api/scoring/models/" + id + "/replications", Map.of("unitCode", FARMERS)).then().statusCode(400);
        post(BOARD, "/api/scoring/models/" + id + "/replications", Map.of("adoptedOn", String.valueOf(nextYear) + "-01-01"))
                .then().statusCode(400);
        replicate(rep(FARMERS), id, FARMERS, (nextYear - 1) + "-12-31").then().statusCode(422);
        post(BOARD, "/api/scoring/models/" + id + "/recognition", Map.of("recognisedOn", nextYear + "-01-01"))
                .then().statusCode(400);
        post(BOARD, "/api/scoring/models/" + id + "/recognition", Map.of("reason", "Công nhận"))
                .then().statusCode(400);
        given().auth().oauth2(VIEWER).when().get("/api/scoring/models/" + id).then().statusCode(200)
                .body("replications", hasSize(0)).body("recognised", equalTo(false)).body("createdAt", notNullValue());
    }
}
