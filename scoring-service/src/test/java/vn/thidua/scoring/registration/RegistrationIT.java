package vn.thidua.scoring.registration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.thidua.scoring.flow.SeedStoryScoringIT.BOARD;
import static vn.thidua.scoring.flow.SeedStoryScoringIT.rep;
import static vn.thidua.scoring.flow.SeedStoryScoringIT.sheetOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.EventSamples;
import vn.thidua.devstack.testing.KafkaTestClient;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.scoring.flow.SeedStoryScoringIT;

/** Registration of targets and titles, the reports, and criteria computed from them. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "scoring"))
public class RegistrationIT {
    static final String HOI_PHU_NU = "000.00.94.H56";
    static final String HOI_NONG_DAN = "000.00.95.H56";

    @SuppressWarnings("unchecked")
    public static long publishedComputedSet(long clusterId) {
        Map<String, Object> definition = SeedStoryScoringIT.criteriaSet(clusterId, "2099-12-10");
        List<Map<String, Object>> groups = (List<Map<String, Object>>) definition.get("groups");
        List<Map<String, Object>> groupOne = (List<Map<String, Object>>) groups.get(0).get("criteria");
        groupOne.get(0).put("computedFrom", "TARGET_ATTAINMENT");
        groupOne.get(0).put("evidenceRequired", false);
        List<Map<String, Object>> groupTwo = (List<Map<String, Object>>) groups.get(1).get("criteria");
        groupTwo.get(1).put("computedFrom", "TARGET_EXCESS");
        groupTwo.get(1).put("pointsPerPercent", 0.5);
        long setId = ((Number) given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(definition)
                .when().post("/api/scoring/criteria-sets").then().statusCode(201).extract().path("id")).longValue();
        given().auth().oauth2(BOARD).when().post("/api/scoring/criteria-sets/" + setId + "/publish").then().statusCode(200);
        return setId;
    }

    static Map<String, Object> target(String name, String unit, double planned, double weight, String direction, String criterion) {
        Map<String, Object> target = new HashMap<>(Map.of("name", name, "unitOfMeasure", unit, "planned", planned, "weight", weight,
                "direction", direction));
        if (criterion != null) {
            target.put("criterionCode", criterion);
        }
        return target;
    }

    public static Map<String, Object> registration() {
        return Map.of("titles", List.of("co_thi_dua_tinh"), "targets", List.of(
                target("Kết nạp hội viên mới", "người", 1000, 2, "HIGHER_IS_BETTER", "I.1"),
                target("Đơn thư khiếu nại vượt cấp", "vụ", 4, 1, "LOWER_IS_BETTER", "I.1"),
                target("Mô hình 'Phụ nữ giúp nhau phát triển kinh tế' mới", "mô hình", 10, 1, "HIGHER_IS_BETTER", "II.2")));
    }

    public static Map<String, Object> results(double first, double second, double third) {
        return Map.of("results", List.of(
                Map.of("position", 1, "achieved", first, "evidence", List.of("https://thidua.example/bao-cao/hoi-vien.pdf")),
                Map.of("position", 2, "achieved", second),
                Map.of("position", 3, "achieved", third)));
    }

    @Test
    void unitsRegisterReportAndTheComputedCriteriaFollow() throws Exception {
        long clusterId = 730016;
        SeedStoryScoringIT.announceCluster(clusterId, 2016, List.of(HOI_PHU_NU, HOI_NONG_DAN));
        long setId = publishedComputedSet(clusterId);

        given().auth().oauth2(rep(HOI_NONG_DAN)).contentType(ContentType.JSON).body(registration())
                .when().put("/api/scoring/registrations/2016/" + HOI_PHU_NU).then().statusCode(403);
        given().auth().oauth2(rep(HOI_PHU_NU)).contentType(ContentType.JSON).body(registration())
                .when().put("/api/scoring/registrations/2016/" + HOI_PHU_NU)
                .then().statusCode(200)
                .body("clusterId", equalTo((int) clusterId))
                .body("titles", equalTo(List.of("CO_THI_DUA_TINH")))
                .body("targets", hasSize(3))
                .body("targets[1].direction", equalTo("LOWER_IS_BETTER"));
        JsonNode event = new ObjectMapper().readTree(KafkaTestClient.shared().awaitRecord(RegistrationService.TOPIC,
                r -> (HOI_PHU_NU + "/2016").equals(r.key()), Duration.ofSeconds(30)).value());
        assertEquals("vn.thidua.scoring.TitlesRegistered", event.get("type").asText());
        assertEquals("CO_THI_DUA_TINH", event.at("/data/titles/0").asText());
        JsonNode documented = new ObjectMapper().readTree(EventSamples.sample("scoring/TitlesRegistered.json", sample -> { }));
        assertEquals(SeedStoryScoringIT.fieldNames(documented.get("data")), SeedStoryScoringIT.fieldNames(event.get("data")));

        given().auth().oauth2(rep(HOI_NONG_DAN)).when().get("/api/scoring/registrations/2016/" + HOI_PHU_NU).then().statusCode(403);
        given().auth().oauth2(BOARD).queryParam("year", 2016).queryParam("clusterId", clusterId).when().get("/api/scoring/registrations")
                .then().statusCode(200).body("unitCode", equalTo(List.of(HOI_PHU_NU)));
        given().auth().oauth2(rep(HOI_NONG_DAN)).queryParam("year", 2016).when().get("/api/scoring/registrations")
                .then().statusCode(200).body("$", hasSize(0));

        // mid-year: 600 of 1,000 members is 60 %
        given().auth().oauth2(rep(HOI_PHU_NU)).contentType(ContentType.JSON).body(Map.of("results", List.of(Map.of("position", 1, "achieved", 600))))
                .when().put("/api/scoring/registrations/2016/" + HOI_PHU_NU + "/reports/midyear")
                .then().statusCode(200).body("targets[0].midyear.attainment", equalTo(0.6f));

        // year end, below plan: 800 of 1,000 (80 %) and 5 complaints for a plan of at most 4 (80 %): I.1 = 40 × 0.8
        given().auth().oauth2(rep(HOI_PHU_NU)).contentType(ContentType.JSON).body(results(800, 5, 10))
                .when().put("/api/scoring/registrations/2016/" + HOI_PHU_NU + "/reports/yearend").then().statusCode(200);
        long self = sheetOf(setId, "SELF", HOI_PHU_NU, HOI_PHU_NU);
        given().auth().oauth2(rep(HOI_PHU_NU)).when().get("/api/scoring/sheets/" + self)
                .then().statusCode(200)
                .body("scores.find { it.criterionCode == 'I.1' }.points", equalTo(32.0f))
                .body("scores.find { it.criterionCode == 'II.2' }.points", equalTo(0.0f));

        // exceeded: 1,200 members (120 %), 2 complaints (200 %), 15 new models (150 %):
        // I.1 full 40; II.2 = 50 % above × 0.5 = 25, capped at its maximum 15
        given().auth().oauth2(rep(HOI_PHU_NU)).contentType(ContentType.JSON).body(results(1200, 2, 15))
                .when().put("/api/scoring/registrations/2016/" + HOI_PHU_NU + "/reports/yearend")
                .then().statusCode(200).body("targets[0].yearend.attainment", equalTo(1.2f)).body("targets[1].yearend.attainment", equalTo(2.0f));
        given().auth().oauth2(rep(HOI_PHU_NU)).when().get("/api/scoring/sheets/" + self)
                .then().body("scores.find { it.criterionCode == 'I.1' }.points", equalTo(40.0f))
                .body("scores.find { it.criterionCode == 'II.2' }.points", equalTo(15.0f))
                .body("scores.find { it.criterionCode == 'I.1' }.comment", containsString("146.67%"));
        given().auth().oauth2(rep(HOI_PHU_NU)).contentType(ContentType.JSON).body(Map.of("points", 10))
                .when().put("/api/scoring/sheets/" + self + "/scores/I.1")
                .then().statusCode(422).body("type", equalTo("https://thidua.vn/problems/computed-criterion"));
        given().auth().oauth2(BOARD).when().get("/api/scoring/criteria-sets/" + setId + "/sheets/audit")
                .then().body("findAll { it.action == 'COMPUTED' && it.criterionCode == 'I.1' }.newPoints", equalTo(List.of(32.0f, 40.0f)));

        // once results are in, the targets cannot be registered again
        given().auth().oauth2(rep(HOI_PHU_NU)).contentType(ContentType.JSON).body(registration())
                .when().put("/api/scoring/registrations/2016/" + HOI_PHU_NU).then().statusCode(409);
        given().auth().oauth2(rep(HOI_PHU_NU)).contentType(ContentType.JSON).body(Map.of("results", List.of(Map.of("position", 9, "achieved", 1))))
                .when().put("/api/scoring/registrations/2016/" + HOI_PHU_NU + "/reports/yearend").then().statusCode(422);
        given().auth().oauth2(rep(HOI_PHU_NU)).contentType(ContentType.JSON).body(Map.of("results", List.of(Map.of("position", 1, "achieved", -3))))
                .when().put("/api/scoring/registrations/2016/" + HOI_PHU_NU + "/reports/yearend").then().statusCode(422);
    }

    @Test
    void registrationKeepsItsRulesAndDeadline() {
        long clusterId = 730017;
        SeedStoryScoringIT.announceCluster(clusterId, 2017, List.of("000.00.96.H56"));
        Map<String, Object> bad = Map.of("titles", List.of("cờ thi đua"), "targets", List.of(target("Chỉ tiêu", "lần", 0, 1, "HIGHER_IS_BETTER", null)));
        given().auth().oauth2(rep("000.00.96.H56")).contentType(ContentType.JSON).body(bad)
                .when().put("/api/scoring/registrations/2017/000.00.96.H56")
                .then().statusCode(422).body("errors", hasSize(2));
        given().auth().oauth2(rep("000.00.97.H56")).contentType(ContentType.JSON).body(registration())
                .when().put("/api/scoring/registrations/2017/000.00.97.H56")
                .then().statusCode(422).body("type", equalTo("https://thidua.vn/problems/not-in-cluster"));
        given().auth().oauth2(rep("000.00.96.H56")).contentType(ContentType.JSON)
                .body(Map.of("registrationCloses", "2017-01-31")).when().put("/api/scoring/registration-periods/2017").then().statusCode(403);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("registrationCloses", "2017-01-31", "midyearCloses", "2017-06-30", "yearendCloses", "2017-12-15"))
                .when().put("/api/scoring/registration-periods/2017").then().statusCode(200);
        given().auth().oauth2(rep("000.00.96.H56")).contentType(ContentType.JSON).body(registration())
                .when().put("/api/scoring/registrations/2017/000.00.96.H56")
                .then().statusCode(422).body("type", equalTo("https://thidua.vn/problems/registration-closed"))
                .body("detail", containsString("2017-01-31"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBonusCriterionCountsTheUnitsReplicatedModelsAndReportsCloseAtTheirDeadline() {
        long clusterId = 730018;
        String owner = "000.01.11.H56";
        String adopter = "000.01.12.H56";
        SeedStoryScoringIT.announceCluster(clusterId, 2018, List.of(owner, adopter));
        Map<String, Object> definition = SeedStoryScoringIT.criteriaSet(clusterId, "2099-12-10");
        List<Map<String, Object>> groupTwo = (List<Map<String, Object>>) ((List<Map<String, Object>>) definition.get("groups")).get(1).get("criteria");
        groupTwo.get(1).put("computedFrom", "MODEL_REPLICATIONS");
        groupTwo.get(1).put("pointsPerItem", 6);
        long setId = ((Number) given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(definition)
                .when().post("/api/scoring/criteria-sets").then().statusCode(201).extract().path("id")).longValue();
        given().auth().oauth2(BOARD).when().post("/api/scoring/criteria-sets/" + setId + "/publish").then().statusCode(200);

        long model = ((Number) given().auth().oauth2(rep(owner)).contentType(ContentType.JSON)
                .body(Map.of("unitCode", owner, "kind", "MODEL", "title", "Chi hội không có hội viên vi phạm pháp luật",
                        "field", "An ninh trật tự", "startedYear", 2017))
                .when().post("/api/scoring/models").then().statusCode(201).extract().path("id")).longValue();
        given().auth().oauth2(rep(adopter)).contentType(ContentType.JSON)
                .body(Map.of("unitCode", adopter, "adoptedOn", "2018-05-19", "note", "Nhân rộng ở 12 chi hội"))
                .when().post("/api/scoring/models/" + model + "/replications").then().statusCode(201);

        given().auth().oauth2(rep(owner)).contentType(ContentType.JSON).body(registration())
                .when().put("/api/scoring/registrations/2018/" + owner).then().statusCode(200);
        given().auth().oauth2(rep(owner)).contentType(ContentType.JSON).body(results(1000, 4, 10))
                .when().put("/api/scoring/registrations/2018/" + owner + "/reports/yearend").then().statusCode(200);
        long self = sheetOf(setId, "SELF", owner, owner);
        given().auth().oauth2(rep(owner)).when().get("/api/scoring/sheets/" + self)
                .then().body("scores.find { it.criterionCode == 'II.2' }.points", equalTo(6.0f))
                .body("scores.find { it.criterionCode == 'II.2' }.comment", containsString("1"));

        // the Board closes the mid-year report; it is refused with the date
        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("registrationCloses", "2099-01-31", "midyearCloses", "2018-06-30", "yearendCloses", "2099-12-15"))
                .when().put("/api/scoring/registration-periods/2018").then().statusCode(200);
        given().auth().oauth2(rep(owner)).contentType(ContentType.JSON).body(Map.of("results", List.of(Map.of("position", 1, "achieved", 500))))
                .when().put("/api/scoring/registrations/2018/" + owner + "/reports/midyear")
                .then().statusCode(422).body("type", equalTo("https://thidua.vn/problems/report-closed")).body("detail", containsString("2018-06-30"));
        given().auth().oauth2(rep(owner)).contentType(ContentType.JSON).body(Map.of("results", List.of(Map.of("position", 1, "achieved", 500))))
                .when().put("/api/scoring/registrations/2018/" + owner + "/reports/quarterly").then().statusCode(404);
    }
}
