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
class CatalogueResourceIT {
    static final String BOARD = TestTokens.user("board-officer", "board");
    static final String VIEWER = TestTokens.user("viewer", "viewer");

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    static Map<String, Object> ruleSet(String legalBasis, String from, String to) {
        return ruleSet(legalBasis, "2017-07-31", from, to);
    }

    static Map<String, Object> ruleSet(String legalBasis, String legalBasisDate, String from, String to) {
        Map<String, Object> rules = new java.util.HashMap<>(Map.of(
                "legalBasis", legalBasis,
                "legalBasisDate", legalBasisDate,
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
                .body(Map.of("name", "Cờ thi đua thử hai phần ba", "level", "PROVINCIAL", "decidingAuthority", "Chủ tịch UBND tỉnh"))
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
                .body(Map.of("name", "Cờ thi đua của Chính phủ", "level", "STATE", "decidingAuthority", "Thủ tướng Chính phủ"))
                .when().put("/api/awards/award-types/co_thi_dua_chinh_phu")
                .then().statusCode(200).body("code", equalTo("CO_THI_DUA_CHINH_PHU")).body("kind", equalTo("MERIT"));
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
                .body("eligibility[1].params.percent", equalTo(20)).body("eligibility[1].value", org.hamcrest.Matchers.nullValue())
                .body("transition", equalTo("DOSSIER_RECEIVED_ON")).body("transitionTag", equalTo("?"));
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
        Map<String, Object> flag = Map.of("name", "Cờ thi đua của UBND tỉnh", "level", "PROVINCIAL", "decidingAuthority", "Chủ tịch UBND tỉnh");
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

    @Test
    void decree98IsEndedOnceAndDecree152FollowsItWithConditionsCashAndTags() {
        String award = "/api/awards/award-types/TEST_SUCCESSION";
        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("name", "Tập thể lao động xuất sắc (thử)", "level", "PROVINCIAL", "decidingAuthority", "Chủ tịch UBND tỉnh"))
                .put(award).then().statusCode(200);
        Map<String, Object> decree98 = ruleSet("Luật Thi đua, khen thưởng 06/2022/QH15; Nghị định 98/2023/NĐ-CP", "2023-12-31", "2024-01-01", null);
        int id98 = given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(decree98).post(award + "/rule-sets")
                .then().statusCode(201).header("ETag", equalTo("\"0\"")).extract().path("id");
        Map<String, Object> decree152 = ruleSet("Luật Thi đua, khen thưởng 06/2022/QH15; Nghị định 152/2025/NĐ-CP", "2025-06-14", "2025-07-01", null);
        decree152.put("legalBasisTag", "V2");
        decree152.put("transitionTag", "?");
        decree152.put("cashMultiple", 1.5);
        decree152.put("cashCitation", "Nghị định 152/2025/NĐ-CP, Điều 49–54");
        decree152.put("cashTag", "V2");
        decree152.put("eligibility", List.of(
                Map.of("kind", "MEMBER_SHARE", "params", Map.of("measure", "COMPLETING_TASKS", "atLeastPercent", 100),
                        "citation", "QĐ 86/2025/QĐ-UBND (Bắc Ninh)", "tag", "V2"),
                Map.of("kind", "MEMBER_SHARE", "params", Map.of("measure", "ADVANCED_LABOUR", "atLeastPercent", 70), "tag", "V2"),
                Map.of("any", List.of(Map.of("kind", "RATING_STREAK", "params", Map.of("years", 2)),
                        Map.of("kind", "AWARDS_IN_WINDOW", "params", Map.of("awardTypes", List.of("TEST_SUCCESSION"), "count", 2, "years", 2))),
                        "citation", "Nghị định 152/2025/NĐ-CP", "tag", "?"),
                Map.of("kind", "NO_PENDING_PROCEEDINGS", "citation", "Nghị định 152/2025/NĐ-CP, Điều 4 khoản 4", "tag", "V2")));
        // while Decree 98's period is open the next one overlaps it: not even the dates can be entered
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(decree152).post(award + "/rule-sets")
                .then().statusCode(422).body("type", equalTo("https://thidua.vn/problems/rule-sets-overlap"));

        String end = award + "/rule-sets/" + id98 + "/end";
        Map<String, Object> ending = Map.of("effectiveTo", "2025-06-30", "reason", "Nghị định 152/2025/NĐ-CP, Điều 59 khoản 2");
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(ending).post(end).then().statusCode(428);
        given().auth().oauth2(TestTokens.unitRep("ldld", "000.00.32.H56")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(ending).post(end).then().statusCode(403);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(ending).post(end).then().statusCode(412);
        given().auth().oauth2(BOARD).header("Accept-Language", "en").contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("effectiveTo", "2023-12-31", "reason", "thử")).post(end)
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("effectiveTo"));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("effectiveTo", "2025-06-30"))
                .post(end).then().statusCode(422).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(ending).post(end)
                .then().statusCode(200).body("effectiveTo", equalTo("2025-06-30")).body("endedBy", equalTo("board-officer"))
                .body("endReason", equalTo("Nghị định 152/2025/NĐ-CP, Điều 59 khoản 2")).header("ETag", equalTo("\"1\""));
        // once: ending it again, even to the same day, is refused
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(ending).post(end)
                .then().statusCode(409).body("type", equalTo("https://thidua.vn/problems/rule-set-ended"));

        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(decree152).post(award + "/rule-sets").then().statusCode(201)
                .body("cashMultiple", equalTo(1.5f)).body("eligibility[2].any[1].params.awardTypes[0]", equalTo("TEST_SUCCESSION"));
        given().auth().oauth2(VIEWER).get(award + "/rule-sets").then().statusCode(200).body("$", hasSize(2))
                .body("legalBasis[1]", equalTo("Luật Thi đua, khen thưởng 06/2022/QH15; Nghị định 152/2025/NĐ-CP"))
                .body("effectiveTo[0]", equalTo("2025-06-30")).body("effectiveTo[1]", org.hamcrest.Matchers.nullValue())
                .body("endReason[0]", equalTo("Nghị định 152/2025/NĐ-CP, Điều 59 khoản 2")).body("legalBasisTag[1]", equalTo("V2"));
        given().auth().oauth2(BOARD).queryParam("on", "2025-06-30").get(award + "/rule-sets/in-force").then().body("id", equalTo(id98));
        given().auth().oauth2(BOARD).queryParam("on", "2025-07-01").get(award + "/rule-sets/in-force").then()
                .body("legalBasis", equalTo("Luật Thi đua, khen thưởng 06/2022/QH15; Nghị định 152/2025/NĐ-CP"));
        try (java.sql.Connection db = dataSource.getConnection(); java.sql.PreparedStatement audit = db.prepareStatement(
                "SELECT action, actor, reason, after->>'effectiveTo' FROM rule_set_audit WHERE rule_set_id = ? ORDER BY id")) {
            audit.setLong(1, id98);
            java.sql.ResultSet rows = audit.executeQuery();
            List<String> trail = new java.util.ArrayList<>();
            while (rows.next()) {
                trail.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " " + rows.getString(4));
            }
            org.junit.jupiter.api.Assertions.assertEquals(List.of("CREATED board-officer null null",
                    "ENDED board-officer Nghị định 152/2025/NĐ-CP, Điều 59 khoản 2 2025-06-30"), trail);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aConditionOutsideTheVocabularyOrWithUnknownParametersIsRefusedAndNothingWritten() {
        String award = "/api/awards/award-types/TEST_BAD_CONDITIONS";
        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("name", "Bằng khen (thử)", "level", "PROVINCIAL", "decidingAuthority", "Chủ tịch UBND tỉnh", "kind", "THEMATIC"))
                .put(award).then().statusCode(200).body("kind", equalTo("THEMATIC"));
        Map<String, Object> rules = ruleSet("Nghị định 152/2025/NĐ-CP", "2025-06-14", "2025-07-01", null);
        rules.put("eligibility", List.of(Map.of("kind", "RANKS_WITHIN", "params", Map.of("n", 3, "colour", "đỏ")),
                Map.of("kind", "FLIES"), Map.of("kind", "MEMBER_SHARE", "params", Map.of("measure", "WOMEN", "atLeastPercent", 120))));
        rules.put("cashMultiple", -1);
        given().auth().oauth2(BOARD).header("Accept-Language", "en").contentType(ContentType.JSON).body(rules).post(award + "/rule-sets")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("eligibility[0].params.colour", "eligibility[1].kind", "cashMultiple"));
        Map<String, Object> early = ruleSet("Nghị định 152/2025/NĐ-CP", "2025-06-14", "2025-01-01", null);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(early).post(award + "/rule-sets")
                .then().statusCode(422).body("errors[0].field", equalTo("effectiveFrom"));
        given().auth().oauth2(BOARD).get(award + "/rule-sets").then().body("$", hasSize(0));
    }

    @Test
    void awardsForPersonsTakeTheConditionsOfAPersonAndCashAsData() {
        // the rule sets of docs/rules.md for LĐTT, CSTĐ cơ sở and CSTĐ tỉnh, as the Board enters them
        vn.thidua.awards.person.PersonFixtures.grassrootsFighter();
        vn.thidua.awards.person.PersonFixtures.personAward("CHIEN_SI_THI_DUA_TINH", "Chiến sĩ thi đua cấp tỉnh", "PROVINCIAL");
        given().auth().oauth2(VIEWER).get("/api/awards/award-types/CHIEN_SI_THI_DUA_CO_SO").then().statusCode(200)
                .body("recipient", equalTo("PERSON"));
        given().auth().oauth2(VIEWER).queryParam("on", "2026-01-08").get("/api/awards/award-types/CHIEN_SI_THI_DUA_TINH/rule-sets/in-force")
                .then().statusCode(200).body("cashMultiple", equalTo(3.0f)).body("eligibility[0].kind", equalTo("TITLE_IN_CONSECUTIVE_YEARS"));
        // an award type of old stays a unit's
        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("name", "Tập thể thử", "level", "PROVINCIAL", "decidingAuthority", "Chủ tịch UBND tỉnh"))
                .put("/api/awards/award-types/TEST_COLLECTIVE").then().statusCode(200).body("recipient", equalTo("UNIT"));

        // a unit's kind in a person's rule set, and a person's kind in a unit's: refused where they are, nothing written
        Map<String, Object> rules = ruleSet("Nghị định 152/2025/NĐ-CP", "2025-06-14", "2030-01-01", null);
        rules.put("eligibility", List.of(Map.of("kind", "RANKS_FIRST"), Map.of("kind", "TASK_RATING_AT_LEAST", "params", Map.of("rating", "GOOD"))));
        given().auth().oauth2(BOARD).header("Accept-Language", "en").contentType(ContentType.JSON).body(rules)
                .post("/api/awards/award-types/LAO_DONG_TIEN_TIEN/rule-sets").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("eligibility[0].kind")))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("cannot be used for an award to a person"));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(rules)
                .post("/api/awards/award-types/TEST_COLLECTIVE/rule-sets").then().statusCode(422)
                .body("errors.field", equalTo(List.of("eligibility[1].kind")))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("không dùng được cho khen thưởng dành cho tập thể"));
        given().auth().oauth2(BOARD).get("/api/awards/award-types/TEST_COLLECTIVE/rule-sets").then().body("$", hasSize(0));

        // whom an award goes to is fixed once its rule sets speak of it; an unknown recipient is bad input
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("name", "Lao động tiên tiến", "level", "DEPARTMENT",
                        "decidingAuthority", "Thủ trưởng cơ quan, đơn vị", "recipient", "UNIT"))
                .put("/api/awards/award-types/LAO_DONG_TIEN_TIEN").then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("name", "Tập thể thử", "level", "PROVINCIAL",
                        "decidingAuthority", "Chủ tịch UBND tỉnh", "recipient", "HOUSEHOLD"))
                .put("/api/awards/award-types/TEST_COLLECTIVE").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("name", "Tập thể thử", "level", "PROVINCIAL",
                        "decidingAuthority", "Chủ tịch UBND tỉnh", "recipient", "PERSON"))
                .put("/api/awards/award-types/TEST_COLLECTIVE").then().statusCode(200).body("recipient", equalTo("PERSON"));
    }
}
