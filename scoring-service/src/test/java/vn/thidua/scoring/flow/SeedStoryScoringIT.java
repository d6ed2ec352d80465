package vn.thidua.scoring.flow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
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
import vn.thidua.platform.web.Table;

/**
 * The seed story's scoring: cluster 7 of Thanh Hóa, 2016, six members. A criteria set, six self
 * sheets, thirty peer sheets, the Board's appraisal, closing, the ranking with the Labour
 * Federation first, and the ClusterRankingFinalized event.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "scoring"))
public class SeedStoryScoringIT {
    public static final String BOARD = TestTokens.user("board-officer", "board");
    /** The Labour Federation first: it scores best and hosts the 2016 conference as the leader. */
    static final List<String> MEMBERS = List.of("000.00.32.H56", "000.00.31.H56", "000.00.33.H56", "000.00.34.H56",
            "000.00.35.H56", "000.00.36.H56");
    static final List<String> CRITERIA = List.of("I.1", "I.2", "II.1", "II.2", "II.3");

    /** Units-service's event for a cluster-year, from its documented sample. */
    public static void announceCluster(long clusterId, int year, List<String> members) {
        announceCluster(clusterId, year, members, null);
    }

    /** The same, led by {@code leader} (one of the members; null for none). */
    public static void announceCluster(long clusterId, int year, List<String> members, String leader) {
        String event = EventSamples.clusterEvent("ClusterCreated", UUID.randomUUID().toString(), clusterId, 0, members, data -> {
            data.put("year", year);
            if (leader != null) {
                data.put("leaderUnitCode", leader).put("leadershipBasis", "ASSIGNED");
            }
        });
        KafkaTestClient.shared().sendCloudEvent("thidua.clusters.v1", Long.toString(clusterId), event);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(BOARD).when().get("/api/scoring/clusters/" + clusterId).then().statusCode(200));
    }

    /** The documented example (docs/examples/criteria-set-cum-07-2016.json) for that cluster-year. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> criteriaSet(long clusterId, String selfDeadline) {
        ObjectNode example = EventSamples.example("criteria-set-cum-07-2016.json", node -> {
            node.put("clusterId", clusterId);
            ((ObjectNode) node.get("deadlines")).put("self", selfDeadline);
        });
        return new ObjectMapper().convertValue(example, Map.class);
    }

    /** Unit i of MEMBERS: 95 − 4i − (i mod 2) points in all, the Labour Federation (i = 0) first. */
    static Map<String, Integer> pointsOf(int i) {
        return Map.of("I.1", 40 - 2 * i, "I.2", 20 - i, "II.1", 30 - i, "II.2", 5, "II.3", i % 2);
    }

    public static Response score(String token, long sheetId, String criterion, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().put("/api/scoring/sheets/" + sheetId + "/scores/" + criterion);
    }

    public static long sheetOf(long setId, String stage, String unit, String scorer) {
        List<Map<String, Object>> sheets = given().auth().oauth2(BOARD).queryParam("stage", stage).queryParam("unit", unit)
                .when().get("/api/scoring/criteria-sets/" + setId + "/sheets").then().statusCode(200).extract().path("$");
        return sheets.stream().filter(s -> scorer == null ? s.get("scorerCode") == null : scorer.equals(s.get("scorerCode")))
                .map(s -> ((Number) s.get("id")).longValue()).findFirst().orElseThrow();
    }

    public static java.util.Set<String> fieldNames(JsonNode node) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    public static String rep(String unit) {
        return TestTokens.unitRep("rep-" + unit, unit);
    }

    @Test
    void theSeedStoryIsScoredRankedAndPublished() throws Exception {
        long clusterId = 700016;
        announceCluster(clusterId, 2016, MEMBERS);

        long setId = ((Number) given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(criteriaSet(clusterId, "2099-12-10"))
                .when().post("/api/scoring/criteria-sets")
                .then().statusCode(201).body("status", equalTo("DRAFT")).body("groups", hasSize(2))
                .extract().path("id")).longValue();
        given().auth().oauth2(rep(MEMBERS.get(0))).contentType(ContentType.JSON).body(criteriaSet(clusterId, "2099-12-10"))
                .when().post("/api/scoring/criteria-sets").then().statusCode(403);
        given().auth().oauth2(BOARD).when().post("/api/scoring/criteria-sets/" + setId + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));
        given().auth().oauth2(BOARD).when().get("/api/scoring/criteria-sets/" + setId + "/sheets")
                .then().statusCode(200).body("$", hasSize(6 + 6 + 30));
        // published criteria are frozen
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(criteriaSet(clusterId, "2099-12-10"))
                .when().put("/api/scoring/criteria-sets/" + setId).then().statusCode(409);

        // 1. self-scoring, each unit its own sheet
        for (int i = 0; i < MEMBERS.size(); i++) {
            String unit = MEMBERS.get(i);
            long sheet = sheetOf(setId, "SELF", unit, unit);
            for (String criterion : CRITERIA) {
                Map<String, Object> body = new HashMap<>(Map.of("points", pointsOf(i).get(criterion), "comment", "Tự chấm"));
                if (criterion.equals("I.1")) {
                    body.put("evidence", List.of("https://thidua.example/minh-chung/" + unit + "/bao-cao-tong-ket-2016.pdf"));
                }
                score(rep(unit), sheet, criterion, body).then().statusCode(200);
            }
            given().auth().oauth2(rep(unit)).when().post("/api/scoring/sheets/" + sheet + "/submit")
                    .then().statusCode(200).body("status", equalTo("SUBMITTED"));
        }
        long ldldSelf = sheetOf(setId, "SELF", MEMBERS.get(0), MEMBERS.get(0));
        score(rep(MEMBERS.get(1)), ldldSelf, "I.1", Map.of("points", 1)).then().statusCode(403);
        score(rep(MEMBERS.get(0)), ldldSelf, "I.1", Map.of("points", 1)).then().statusCode(409)
                .body("type", equalTo("https://thidua.vn/problems/sheet-submitted"));
        given().auth().oauth2(rep(MEMBERS.get(1))).when().get("/api/scoring/sheets/" + ldldSelf).then().statusCode(403);

        // 2. peer scoring: every member scores the five others; peers cannot read each other's sheets yet
        for (int i = 0; i < MEMBERS.size(); i++) {
            for (String scorer : MEMBERS) {
                if (scorer.equals(MEMBERS.get(i))) {
                    continue;
                }
                long sheet = sheetOf(setId, "PEER", MEMBERS.get(i), scorer);
                for (String criterion : CRITERIA) {
                    score(rep(scorer), sheet, criterion, Map.of("points", pointsOf(i).get(criterion))).then().statusCode(200);
                }
                given().auth().oauth2(rep(scorer)).when().post("/api/scoring/sheets/" + sheet + "/submit").then().statusCode(200);
            }
        }
        long peerOfOthers = sheetOf(setId, "PEER", MEMBERS.get(2), MEMBERS.get(1));
        given().auth().oauth2(rep(MEMBERS.get(3))).when().get("/api/scoring/sheets/" + peerOfOthers).then().statusCode(403);
        given().auth().oauth2(rep(MEMBERS.get(1))).when().get("/api/scoring/sheets/" + peerOfOthers).then().statusCode(200);

        // 3. the Board confirms, and adjusts one score with an explanation
        for (int i = 0; i < MEMBERS.size(); i++) {
            long sheet = sheetOf(setId, "BOARD", MEMBERS.get(i), null);
            for (String criterion : CRITERIA) {
                score(BOARD, sheet, criterion, Map.of("points", pointsOf(i).get(criterion))).then().statusCode(200);
            }
        }
        long hndBoard = sheetOf(setId, "BOARD", MEMBERS.get(2), null);
        score(BOARD, hndBoard, "I.2", Map.of("points", 16)).then().statusCode(422)
                .body("type", equalTo("https://thidua.vn/problems/explanation-required"));
        score(BOARD, hndBoard, "I.2", Map.of("points", 16, "explanation", "Thiếu minh chứng hoạt động tuyên truyền quý IV"))
                .then().statusCode(200);
        for (String unit : MEMBERS) {
            given().auth().oauth2(BOARD).when().post("/api/scoring/sheets/" + sheetOf(setId, "BOARD", unit, null) + "/submit")
                    .then().statusCode(200);
        }

        // the provisional ranking is the Board's until the set is closed
        given().auth().oauth2(BOARD).when().get("/api/scoring/criteria-sets/" + setId + "/ranking")
                .then().statusCode(200).body("provisional", equalTo(true)).body("units[0].unitCode", equalTo("000.00.32.H56"));
        given().auth().oauth2(rep(MEMBERS.get(0))).when().get("/api/scoring/criteria-sets/" + setId + "/ranking").then().statusCode(403);

        // 4. close; reopening needs a reason
        given().auth().oauth2(BOARD).when().post("/api/scoring/criteria-sets/" + setId + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED"));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .when().post("/api/scoring/criteria-sets/" + setId + "/reopen").then().statusCode(422);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("reason", "Đơn vị khiếu nại điểm tiêu chí II.1"))
                .when().post("/api/scoring/criteria-sets/" + setId + "/reopen").then().statusCode(200).body("status", equalTo("PUBLISHED"));
        given().auth().oauth2(BOARD).when().post("/api/scoring/criteria-sets/" + setId + "/close").then().statusCode(200);
        given().auth().oauth2(BOARD).when().get("/api/scoring/criteria-sets/" + setId + "/history")
                .then().statusCode(200).body("action", hasItem("REOPENED")).body("reason", hasItem("Đơn vị khiếu nại điểm tiêu chí II.1"));

        // 5. the ranking anyone in the cluster can check, line by line
        given().auth().oauth2(rep(MEMBERS.get(5))).when().get("/api/scoring/criteria-sets/" + setId + "/ranking")
                .then().statusCode(200)
                .body("provisional", equalTo(false))
                .body("units.unitCode", equalTo(MEMBERS))
                .body("units[0].rank", equalTo(1))
                .body("units[0].total", equalTo(95.0f))
                .body("units[0].band", equalTo("Xuất sắc"))
                .body("units[0].groups.I.standard", equalTo(60.0f))
                .body("units[0].stageTotals.SELF", equalTo(95.0f))
                // 000.00.33: 95 − 8 = 87, less the Board's 2-point adjustment of I.2 (18 → 16)
                .body("units[2].total", equalTo(85.0f))
                .body("units[2].stageTotals.PEER", equalTo(87.0f))
                .body("units[2].stageTotals.BOARD", equalTo(85.0f));
        given().auth().oauth2(rep(MEMBERS.get(3))).when().get("/api/scoring/sheets/" + peerOfOthers).then().statusCode(200);

        // 6. finalize: ClusterRankingFinalized through the outbox, once
        given().auth().oauth2(BOARD).when().post("/api/scoring/criteria-sets/" + setId + "/ranking/finalize")
                .then().statusCode(200).body("finalized", equalTo(true));
        given().auth().oauth2(BOARD).when().post("/api/scoring/criteria-sets/" + setId + "/ranking/finalize").then().statusCode(409);
        String value = KafkaTestClient.shared().awaitRecord("thidua.scoring.results.v1",
                r -> Long.toString(clusterId).equals(r.key()), Duration.ofSeconds(30)).value();
        JsonNode event = new ObjectMapper().readTree(value);
        assertEquals("vn.thidua.scoring.ClusterRankingFinalized", event.get("type").asText());
        assertEquals("CUM-07", event.at("/data/clusterCode").asText());
        assertEquals(2016, event.at("/data/year").asInt());
        assertEquals("000.00.32.H56", event.at("/data/ranking/0/unitCode").asText());
        assertEquals(6, event.at("/data/ranking").size());
        // the shape the catalogue documents (docs/events/scoring/ClusterRankingFinalized.json)
        JsonNode documented = new ObjectMapper().readTree(EventSamples.sample("scoring/ClusterRankingFinalized.json", sample -> { }));
        assertEquals(fieldNames(documented.get("data")), fieldNames(event.get("data")));
        assertEquals(fieldNames(documented.at("/data/ranking/0")), fieldNames(event.at("/data/ranking/0")));

        // 7. the printed forms: the ranking and each sheet, as XLSX (Vietnamese headers) or CSV
        byte[] xlsx = given().auth().oauth2(rep(MEMBERS.get(0))).when().get("/api/scoring/criteria-sets/" + setId + "/ranking/export")
                .then().statusCode(200).contentType(Table.XLSX)
                .header("Content-Disposition", containsString(".xlsx")).extract().asByteArray();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertEquals("BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("Cụm thi đua số 7 – năm 2016", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals("Hạng", sheet.getRow(4).getCell(0).getStringCellValue());
            assertEquals("000.00.32.H56", sheet.getRow(5).getCell(1).getStringCellValue());
            assertEquals(95.0, sheet.getRow(5).getCell(7).getNumericCellValue());
        }
        String csv = given().auth().oauth2(BOARD).queryParam("format", "csv").when().get("/api/scoring/criteria-sets/" + setId + "/ranking/export")
                .then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(csv.contains("1,000.00.32.H56"), csv);
        given().auth().oauth2(BOARD).queryParam("format", "pdf").when().get("/api/scoring/criteria-sets/" + setId + "/ranking/export")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(rep(MEMBERS.get(0))).when().get("/api/scoring/sheets/" + ldldSelf + "/export")
                .then().statusCode(200).contentType(Table.XLSX);
        given().auth().oauth2(rep(MEMBERS.get(1))).queryParam("format", "csv").when().get("/api/scoring/sheets/" + peerOfOthers + "/export")
                .then().statusCode(200).body(containsString("I.1"));

        // 8. every change is in the audit trail, for the Board
        given().auth().oauth2(BOARD).when().get("/api/scoring/criteria-sets/" + setId + "/sheets/audit")
                .then().statusCode(200)
                .body("find { it.reason == 'Thiếu minh chứng hoạt động tuyên truyền quý IV' }.newPoints", equalTo(16.0f))
                .body("find { it.reason == 'Thiếu minh chứng hoạt động tuyên truyền quý IV' }.actor", equalTo("board-officer"));
        given().auth().oauth2(rep(MEMBERS.get(0))).when().get("/api/scoring/criteria-sets/" + setId + "/sheets/audit").then().statusCode(403);
    }

    @Test
    void scoresAreBoundedCompleteAndRefusedAfterTheDeadline() {
        long clusterId = 700017;
        announceCluster(clusterId, 2017, List.of("000.00.41.H56", "000.00.42.H56", "000.00.43.H56"));
        Map<String, Object> definition = criteriaSet(clusterId, "2016-12-05");
        long setId = ((Number) given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(definition)
                .when().post("/api/scoring/criteria-sets").then().statusCode(201).extract().path("id")).longValue();
        given().auth().oauth2(BOARD).when().post("/api/scoring/criteria-sets/" + setId + "/publish").then().statusCode(200);
        long self = sheetOf(setId, "SELF", "000.00.41.H56", "000.00.41.H56");
        score(rep("000.00.41.H56"), self, "I.1", Map.of("points", 10)).then().statusCode(422)
                .body("type", equalTo("https://thidua.vn/problems/stage-deadline-passed"))
                .body("detail", containsString("2016-12-05"));

        long peer = sheetOf(setId, "PEER", "000.00.42.H56", "000.00.41.H56");
        score(rep("000.00.41.H56"), peer, "I.1", Map.of("points", 41)).then().statusCode(422)
                .body("type", equalTo("https://thidua.vn/problems/points-out-of-range"));
        score(rep("000.00.41.H56"), peer, "II.3", Map.of("points", -1)).then().statusCode(422);
        score(rep("000.00.41.H56"), peer, "I.1", Map.of("points", 10.125)).then().statusCode(422);
        score(rep("000.00.41.H56"), peer, "X.9", Map.of("points", 1)).then().statusCode(404);
        given().auth().oauth2(rep("000.00.41.H56")).contentType(ContentType.JSON).body("{\"points\": \"nhiều\"}")
                .when().put("/api/scoring/sheets/" + peer + "/scores/I.1").then().statusCode(400);
        score(rep("000.00.41.H56"), peer, "I.1", Map.of("points", 39.5)).then().statusCode(200).header("ETag", notNullValue());
        given().auth().oauth2(rep("000.00.41.H56")).when().post("/api/scoring/sheets/" + peer + "/submit")
                .then().statusCode(422).body("type", equalTo("https://thidua.vn/problems/sheet-incomplete"))
                .body("errors", hasSize(4));
        // a stale If-Match on a sheet is refused
        score(rep("000.00.41.H56"), peer, "I.2", Map.of("points", 1)).then().statusCode(200);
        given().auth().oauth2(rep("000.00.41.H56")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("points", 2)).when().put("/api/scoring/sheets/" + peer + "/scores/I.2").then().statusCode(412);

        Map<String, Object> broken = criteriaSet(clusterId, "2016-12-05");
        broken.put("scale", 1000);
        given().auth().oauth2(BOARD).header("Accept-Language", "en").contentType(ContentType.JSON).body(broken)
                .when().post("/api/scoring/criteria-sets")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].message", equalTo("The groups add up to 100 points; they must add up to the scale, 1000."));
        broken.put("clusterId", 123456789);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(broken).when().post("/api/scoring/criteria-sets")
                .then().statusCode(422).body("type", equalTo("https://thidua.vn/problems/unknown-cluster"));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body("{\"clusterId\": 700017, \"groups\": [null, {\"criteria\": [null]}]}")
                .when().post("/api/scoring/criteria-sets").then().statusCode(422);
    }
}
