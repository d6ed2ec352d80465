package vn.thidua.scoring.security;

import static io.restassured.RestAssured.given;
import static vn.thidua.scoring.flow.SeedStoryScoringIT.announceCluster;
import static vn.thidua.scoring.flow.SeedStoryScoringIT.criteriaSet;
import static vn.thidua.scoring.flow.SeedStoryScoringIT.sheetOf;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.EventSamples;
import vn.thidua.devstack.testing.InputAttacks;
import vn.thidua.devstack.testing.KafkaTestClient;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;

/**
 * Every write of scoring-service against hostile input (see {@link InputAttacks}): each case is
 * refused with a 4xx problem and the criteria set, sheets, registrations, movements and models it
 * aims at stay as they were.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "scoring"))
class InputAttackIT {
    private static final Logger LOG = Logger.getLogger(InputAttackIT.class);
    private static final String BOARD = TestTokens.user("board-officer", "board");
    // a cluster-year and units no other test of this service uses
    private static final long CLUSTER = 700081;
    private static final String UNIT = "000.00.81.H56";
    private static final String PEER = "000.00.82.H56";
    private static final String REP = TestTokens.unitRep("rep-81", UNIT);

    @Test
    void everyWriteRefusesHostileInputAndChangesNothing() {
        announceUnit(UNIT, "Hội Cựu chiến binh tỉnh (kiểm thử tấn công)");
        announceUnit(PEER, "Tỉnh đoàn (kiểm thử tấn công)");
        announceCluster(CLUSTER, 2016, List.of(UNIT, PEER));
        long set = ((Number) given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(criteriaSet(CLUSTER, "2099-12-10"))
                .post("/api/scoring/criteria-sets").then().statusCode(201).extract().path("id")).longValue();
        given().auth().oauth2(BOARD).post("/api/scoring/criteria-sets/" + set + "/publish").then().statusCode(200);
        long sheet = sheetOf(set, "SELF", UNIT, UNIT);
        long movement = ((Number) given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(movementBody())
                .post("/api/scoring/movements").then().statusCode(201).extract().path("id")).longValue();
        long model = ((Number) given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(modelBody())
                .post("/api/scoring/models").then().statusCode(201).extract().path("id")).longValue();
        String setDefinition = EventSamples.example("criteria-set-cum-07-2016.json",
                node -> node.put("clusterId", CLUSTER).put("womenShareThresholdPercent", 70)).toString();
        // a registration, so that the member statistics' attacks meet one and only their input is wrong
        given().auth().oauth2(REP).contentType(ContentType.JSON).body("""
                {"titles":["CO_THI_DUA_TINH"],"targets":[{"name":"Kết nạp hội viên mới","unitOfMeasure":"người","planned":1000}]}""")
                .put("/api/scoring/registrations/2016/" + UNIT).then().statusCode(200);

        int cases = InputAttacks.assertRefused(() -> state(set, sheet, movement, model),
                InputAttacks.json("POST", "/api/scoring/criteria-sets", BOARD, setDefinition)
                        .texts("/title", "/boardReviewer", "/deadlines/self", "/bands/0/label", "/tieBreaks/0",
                                "/groups/0/code", "/groups/0/title", "/groups/0/criteria/0/code", "/groups/0/criteria/0/title",
                                "/groups/0/criteria/0/guidance", "/groups/0/criteria/0/kind")
                        .numbers("/clusterId", "/scale", "/bonusCap", "/bands/0/minTotal", "/womenShareThresholdPercent",
                                "/groups/0/maxPoints", "/groups/0/criteria/0/maxPoints"),
                InputAttacks.json("PUT", "/api/scoring/criteria-sets/" + set, BOARD, setDefinition)
                        .header("If-Match", "\"1\"")
                        .texts("/title", "/groups/0/title", "/groups/0/criteria/0/guidance")
                        .numbers("/scale", "/groups/0/criteria/0/maxPoints"),
                InputAttacks.json("POST", "/api/scoring/criteria-sets/" + set + "/copy", BOARD, "{\"clusterId\":" + CLUSTER + "}")
                        .numbers("/clusterId"),
                InputAttacks.json("POST", "/api/scoring/criteria-sets/" + set + "/reopen", BOARD,
                        "{\"reason\":\"Sai sót trong tiêu chí I.2, cần sửa theo Hướng dẫn 05/HD-BTĐKT\"}")
                        .header("If-Match", "\"1\"")
                        .texts("/reason"),
                InputAttacks.json("PUT", "/api/scoring/sheets/" + sheet + "/scores/I.1", REP, """
                        {"points":35,"comment":"Vượt 3/5 chỉ tiêu","evidence":["https://thidua.example/minh-chung/81.pdf"],
                         "explanation":"Theo báo cáo tổng kết năm"}""")
                        .texts("/comment", "/evidence/0", "/explanation")
                        .numbers("/points"),
                InputAttacks.json("POST", "/api/scoring/sheets/" + sheet + "/reopen", BOARD,
                        "{\"reason\":\"Đơn vị xin chấm lại tiêu chí I.1\"}")
                        .texts("/reason"),
                InputAttacks.file("POST", "/api/scoring/sheets/" + sheet + "/evidence", REP, "application/pdf")
                        .fileName("X-File-Name"),
                InputAttacks.json("PUT", "/api/scoring/registration-periods/2016", BOARD, """
                        {"registrationCloses":"2016-03-31","midyearCloses":"2016-07-15","yearendCloses":"2016-12-15"}""")
                        .texts("/registrationCloses", "/midyearCloses", "/yearendCloses"),
                InputAttacks.json("PUT", "/api/scoring/registrations/2016/" + UNIT, REP, """
                        {"titles":["co_thi_dua_tinh"],"targets":[{"name":"Kết nạp hội viên mới","unitOfMeasure":"người",
                          "planned":1000,"weight":2,"direction":"HIGHER_IS_BETTER","criterionCode":"I.1"}]}""")
                        .texts("/titles/0", "/targets/0/name", "/targets/0/unitOfMeasure", "/targets/0/direction",
                                "/targets/0/criterionCode")
                        .numbers("/targets/0/planned", "/targets/0/weight"),
                InputAttacks.json("PUT", "/api/scoring/registrations/2016/" + UNIT + "/reports/midyear", REP, """
                        {"results":[{"position":1,"achieved":600,"evidence":["https://thidua.example/bao-cao/hoi-vien.pdf"]}]}""")
                        .texts("/results/0/evidence/0")
                        .numbers("/results/0/position", "/results/0/achieved"),
                InputAttacks.json("PUT", "/api/scoring/registrations/2016/" + UNIT + "/member-statistics", REP, """
                        {"members":40,"completingTasks":40,"advancedLabour":30,"grassrootsFighters":2,
                         "disciplinedWarningOrAbove":0,"women":29}""")
                        .numbers("/members", "/completingTasks", "/advancedLabour", "/grassrootsFighters",
                                "/disciplinedWarningOrAbove", "/women"),
                InputAttacks.json("POST", "/api/scoring/movements", BOARD, movementBody())
                        .texts("/name", "/kind", "/launchedBy", "/startDate", "/endDate", "/goals/0")
                        .numbers("/participantClusterIds/0", "/criteriaSetIds/0"),
                InputAttacks.json("PUT", "/api/scoring/movements/" + movement, BOARD, movementBody())
                        .header("If-Match", "\"0\"")
                        .texts("/name", "/goals/0")
                        .numbers("/participantClusterIds/0"),
                InputAttacks.json("POST", "/api/scoring/models", BOARD, modelBody())
                        .texts("/unitCode", "/kind", "/title", "/description", "/field", "/evidence/0")
                        .numbers("/startedYear"),
                InputAttacks.json("POST", "/api/scoring/models/" + model + "/replications", BOARD, """
                        {"unitCode":"%s","adoptedOn":"2016-05-01","note":"Nhân rộng tại các chi hội cơ sở"}""".formatted(PEER))
                        .texts("/unitCode", "/adoptedOn", "/note"),
                InputAttacks.json("POST", "/api/scoring/models/" + model + "/recognition", BOARD, """
                        {"recognisedOn":"2016-11-20","reason":"Được UBND tỉnh biểu dương"}""")
                        .texts("/recognisedOn", "/reason"));
        LOG.infof("scoring-service: %d input attacks on 16 writes, all refused", cases);
    }

    private static String movementBody() {
        return """
                {"name":"Phong trào thi đua \\"Đổi mới, sáng tạo\\" năm 2016","kind":"REGULAR","launchedBy":"BOARD",
                 "launchingClusterId":null,"allClusters":false,"participantClusterIds":[%d],"startDate":"2016-01-01",
                 "endDate":"2016-12-31","goals":["Hoàn thành toàn diện các chỉ tiêu giao ước thi đua năm 2016"],"criteriaSetIds":[]}"""
                .formatted(CLUSTER);
    }

    private static String modelBody() {
        return """
                {"unitCode":"%s","kind":"MODEL","title":"Mô hình \\"Tổ tiết kiệm cựu chiến binh\\"","field":"Kinh tế",
                 "description":"Hội viên góp vốn, giúp nhau\\nvay vốn phát triển kinh tế hộ gia đình.","startedYear":2015,
                 "evidence":["https://thidua.example/minh-chung/81/mo-hinh.pdf"]}""".formatted(UNIT);
    }

    private static String state(long set, long sheet, long movement, long model) {
        return String.join("\n",
                read("/api/scoring/criteria-sets?clusterId=" + CLUSTER),
                read("/api/scoring/criteria-sets/" + set + "/history"),
                read("/api/scoring/sheets/" + sheet),
                read("/api/scoring/criteria-sets/" + set + "/sheets/audit"),
                read("/api/scoring/registrations?year=2016&clusterId=" + CLUSTER),
                read("/api/scoring/movements/" + movement),
                read("/api/scoring/movements?year=2016"),
                read("/api/scoring/models/" + model),
                read("/api/scoring/models?clusterId=" + CLUSTER));
    }

    private static String read(String path) {
        return given().auth().oauth2(BOARD).get(path).then().statusCode(200).extract().asString();
    }

    /** Found by the API fuzzer (ApiFuzzer): a blank cluster id reached Hibernate as null, a 500. */
    @Test
    void aBlankOrMalformedClusterIdIsABadRequest() {
        for (String id : List.of("%20", "%20%20", "0", "-1", "abc", "99999999999999999999")) {
            given().auth().oauth2(BOARD).urlEncodingEnabled(false).get("/api/scoring/clusters/" + id)
                    .then().statusCode(400).contentType("application/problem+json");
        }
    }

    private static void announceUnit(String code, String name) {
        KafkaTestClient.shared().sendCloudEvent("thidua.units.v1", code, EventSamples.unitRegistered(UUID.randomUUID().toString(), code, name, 0));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(BOARD).get("/api/scoring/units/" + code).then().statusCode(200));
    }
}
