package vn.thidua.awards.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "awards"))
class CatalogueResourceTest {
    static final String BOARD = TestTokens.user("board-officer", "board");

    static Map<String, Object> ruleSet(String legalBasis, String from, String to) {
        Map<String, Object> rules = new java.util.HashMap<>(Map.of(
                "legalBasis", legalBasis,
                "legalBasisDate", "2023-12-31",
                "effectiveFrom", from,
                "eligibility", List.of(Map.of("kind", "LEADS_CLUSTER"), Map.of("kind", "QUOTA_PERCENT_OF_CLUSTER_LEADERS", "value", 20)),
                "voting", Map.of("secret", true, "quorumPercent", 50, "thresholdPercent", 50, "basis", "ALL_MEMBERS", "runoffAllowed", true),
                "provincialChoices", List.of("voting.thresholdPercent")));
        if (to != null) {
            rules.put("effectiveTo", to);
        }
        return rules;
    }

    @Test
    void aRegulationInFractionsIsKeptAsFractions() {
        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("name", "Cờ thi đua thử hai phần ba", "level", "PROVINCIAL", "decidingAuthority", "Chủ tịch UBND tỉnh", "cashMultiple", 8))
                .when().put("/api/awards/award-types/TEST_TWO_THIRDS").then().statusCode(200);
        Map<String, Object> rules = ruleSet("Quy chế tổ chức hoạt động cụm, khối", "2024-01-01", null);
        rules.put("voting", Map.of("secret", true, "quorumFraction", "2/3", "thresholdFraction", "2/3", "basis", "ALL_MEMBERS", "runoffAllowed", true));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(rules)
                .when().post("/api/awards/award-types/TEST_TWO_THIRDS/rule-sets").then().statusCode(201);
        given().auth().oauth2(BOARD).queryParam("on", "2026-11-28").when().get("/api/awards/award-types/TEST_TWO_THIRDS/rule-sets/in-force")
                .then().statusCode(200).body("voting.thresholdFraction", equalTo("2/3")).body("voting.quorumFraction", equalTo("2/3"))
                .body("voting.thresholdPercent", org.hamcrest.Matchers.nullValue());
        rules.put("effectiveFrom", "2030-01-01");
        rules.put("voting", Map.of("secret", true, "quorumFraction", "2/3", "thresholdFraction", "3/2", "basis", "ALL_MEMBERS", "runoffAllowed", true));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(rules)
                .when().post("/api/awards/award-types/TEST_TWO_THIRDS/rule-sets").then().statusCode(422)
                .body("errors[0].field", equalTo("voting.thresholdFraction"));
    }

    @Test
    void theBoardKeepsAwardTypesAndTheirRuleSetsByPeriod() {
        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("name", "Cờ thi đua của Chính phủ", "level", "STATE", "decidingAuthority", "Thủ tướng Chính phủ", "cashMultiple", 12.0))
                .when().put("/api/awards/award-types/co_thi_dua_chinh_phu")
                .then().statusCode(200).body("code", equalTo("CO_THI_DUA_CHINH_PHU")).body("cashMultiple", equalTo(12.0f));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(ruleSet("Nghị định 91/2017/NĐ-CP", "2017-10-01", "2023-12-31"))
                .when().post("/api/awards/award-types/CO_THI_DUA_CHINH_PHU/rule-sets").then().statusCode(201);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(ruleSet("Luật Thi đua, khen thưởng 06/2022/QH15; Nghị định 98/2023/NĐ-CP", "2024-01-01", null))
                .when().post("/api/awards/award-types/CO_THI_DUA_CHINH_PHU/rule-sets").then().statusCode(201);
        given().auth().oauth2(BOARD).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(ruleSet("Nghị định 152/2025/NĐ-CP", "2025-07-01", null))
                .when().post("/api/awards/award-types/CO_THI_DUA_CHINH_PHU/rule-sets")
                .then().statusCode(422).body("type", equalTo("https://thidua.vn/problems/rule-sets-overlap"));

        given().auth().oauth2(TestTokens.unitRep("ldld", "000.00.32.H56")).queryParam("on", "2020-05-01")
                .when().get("/api/awards/award-types/CO_THI_DUA_CHINH_PHU/rule-sets/in-force")
                .then().statusCode(200).body("legalBasis", equalTo("Nghị định 91/2017/NĐ-CP"))
                .body("eligibility[1].value", equalTo(20));
        given().auth().oauth2(BOARD).queryParam("on", "2026-11-28")
                .when().get("/api/awards/award-types/CO_THI_DUA_CHINH_PHU/rule-sets/in-force")
                .then().statusCode(200).body("voting.secret", equalTo(true)).body("provincialChoices[0]", equalTo("voting.thresholdPercent"));
        given().auth().oauth2(BOARD).queryParam("on", "2016-12-14")
                .when().get("/api/awards/award-types/CO_THI_DUA_CHINH_PHU/rule-sets/in-force")
                .then().statusCode(404).body("type", equalTo("https://thidua.vn/problems/no-rule-set-in-force"));
        given().auth().oauth2(BOARD).when().get("/api/awards/award-types/CO_THI_DUA_CHINH_PHU/rule-sets").then().body("$", hasSize(2));
        given().auth().oauth2(BOARD).when().get("/api/awards/award-types").then().statusCode(200).body("code", org.hamcrest.Matchers.hasItem("CO_THI_DUA_CHINH_PHU"));
    }

    @Test
    void onlyTheBoardChangesTheCatalogueAndBadInputIsAProblem() {
        Map<String, Object> flag = Map.of("name", "Cờ thi đua của UBND tỉnh", "level", "PROVINCIAL", "decidingAuthority", "Chủ tịch UBND tỉnh",
                "cashMultiple", 8.0);
        given().auth().oauth2(TestTokens.unitRep("ldld", "000.00.32.H56")).contentType(ContentType.JSON).body(flag)
                .when().put("/api/awards/award-types/CO_THI_DUA_TINH").then().statusCode(403);
        given().contentType(ContentType.JSON).body(flag).when().put("/api/awards/award-types/CO_THI_DUA_TINH").then().statusCode(401);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(flag)
                .when().put("/api/awards/award-types/cờ tỉnh").then().statusCode(400);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("name", "x", "level", "GALACTIC"))
                .when().put("/api/awards/award-types/CO_THI_DUA_TINH").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(flag)
                .when().put("/api/awards/award-types/CO_THI_DUA_TINH").then().statusCode(200);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"9\"").body(flag)
                .when().put("/api/awards/award-types/CO_THI_DUA_TINH").then().statusCode(412);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("legalBasis", "", "voting", Map.of()))
                .when().post("/api/awards/award-types/CO_THI_DUA_TINH/rule-sets")
                .then().statusCode(422).body("type", equalTo("https://thidua.vn/problems/invalid-rule-set"));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(ruleSet("Quyết định của UBND tỉnh", "2024-01-01", null))
                .when().post("/api/awards/award-types/NO_SUCH_AWARD/rule-sets").then().statusCode(404);
    }
}
