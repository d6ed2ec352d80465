package vn.thidua.awards.council;

import static io.restassured.RestAssured.given;
import static vn.thidua.awards.vote.VotingFixtures.BOARD;

import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.thidua.awards.vote.VotingFixtures;
import vn.thidua.devstack.testing.TestTokens;

/** What a Council test needs: awards whose rule sets send them to the Council, a term with members, their tokens. */
public final class CouncilFixtures {
    public static final String TERMS = "/api/awards/council-terms";
    public static final String SESSIONS = "/api/awards/council-sessions";
    public static final String CITATION = "Điều 7 Quy chế hoạt động của Hội đồng TĐKT tỉnh (QĐ 86/2025/QĐ-UBND)";

    private CouncilFixtures() {
    }

    /** How the Council reviews: {@code quorum} % of the roll, more than (or from) {@code threshold} % of the basis. */
    public static Map<String, Object> review(String body, double quorum, double threshold, boolean strictlyAbove, String basis,
                                             boolean writtenOpinionsCount) {
        Map<String, Object> council = new LinkedHashMap<>();
        council.put("body", body);
        council.put("quorumPercent", quorum);
        council.put("thresholdPercent", threshold);
        council.put("strictlyAbove", strictlyAbove);
        council.put("basis", basis);
        council.put("writtenOpinionsCount", writtenOpinionsCount);
        council.put("citation", CITATION);
        council.put("tag", "V2");
        return council;
    }

    /** An award of the test's own (no eligibility rule) whose one rule set, in force since 2022, has this Council review. */
    public static String award(String code, String name, Map<String, Object> council) {
        if (given().auth().oauth2(BOARD).get("/api/awards/award-types/" + code).statusCode() == 404) {
            given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                    .body(Map.of("name", name, "level", "PROVINCIAL", "decidingAuthority", "Chủ tịch UBND tỉnh"))
                    .put("/api/awards/award-types/" + code).then().statusCode(200);
            Map<String, Object> ruleSet = new LinkedHashMap<>(Map.of("legalBasis", "Luật Thi đua, khen thưởng số 06/2022/QH15",
                    "legalBasisDate", "2022-06-15", "effectiveFrom", "2022-06-15", "eligibility", List.of(),
                    "voting", VotingFixtures.voting(50, 50, true, "ALL_MEMBERS", true), "provincialChoices", List.of("voting.thresholdPercent")));
            ruleSet.put("council", council);
            given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(ruleSet)
                    .post("/api/awards/award-types/" + code + "/rule-sets").then().statusCode(201);
        }
        return code;
    }

    public static long term(String name, String from, String to) {
        return given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("name", name, "servesFrom", from, "servesTo", to, "decisionNumber", "Quyết định số 1234/QĐ-UBND",
                        "decisionDate", from))
                .post(TERMS).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Adds a member and returns its id (the token's {@code member} claim). */
    public static String member(long term, String fullName, String role) {
        return given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("fullName", fullName, "position", "Thành viên Hội đồng", "role", role))
                .post(TERMS + "/" + term + "/members").then().statusCode(201).extract().path("id");
    }

    public static String token(String memberId) {
        return TestTokens.claims("member-" + memberId, "council-member").claim("member", memberId).sign(TestTokens.privateKey());
    }

    public static String session(long term, int year, String body, String heldOn) {
        return given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("year", year, "termId", term, "body", body, "heldOn", heldOn, "place", "Trụ sở UBND tỉnh Thanh Hóa"))
                .post(SESSIONS).then().statusCode(201).extract().path("id");
    }
}
