package vn.thidua.awards.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.thidua.awards.proposal.ProposalFixtures;
import vn.thidua.awards.vote.VotingFixtures;
import vn.thidua.devstack.testing.EventSamples;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.platform.clusters.ClusterDirectory;

/**
 * The law as data, through the API alone: the Board ends Decree 98's rule set, enters Decree 152's
 * with the Excellent Labour Collective's conditions and cash, the base salaries, and later a made-up
 * "Decree 999/2027" with a new base salary; proposals and decisions are judged and paid under the
 * rule set that governs them, and each says why it was chosen.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "awards"))
class LawAsDataIT {
    static final String BOARD = VotingFixtures.BOARD;
    static final String AWARD = "TEST_TTLDXS_LAW";
    static final String TYPE = "/api/awards/award-types/" + AWARD;
    static final String PROPOSALS = ProposalFixtures.PROPOSALS;
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final long CLUSTER_2025 = 9_716_025;
    static final long CLUSTER_2026 = 9_716_026;
    static final String GOOD = "000.00.71.H56";
    static final String SHORT = "000.00.72.H56";
    static final String LATE = "000.00.73.H56";
    static final List<String> MEMBERS = List.of(GOOD, SHORT, LATE);

    @Inject
    ClusterDirectory directory;

    @Test
    void theBoardMovesFromDecree98To152AndOnToTheNextDecreeWithoutARelease() {
        MEMBERS.forEach(unit -> ProposalFixtures.knownUnit(unit, "Đơn vị " + unit + " (thử luật)"));
        VotingFixtures.cluster(directory, CLUSTER_2025, "CUM-LAW", 2025, MEMBERS);
        VotingFixtures.cluster(directory, CLUSTER_2026, "CUM-LAW", 2026, MEMBERS);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("name", "Tập thể lao động xuất sắc (thử)", "level", "PROVINCIAL", "decidingAuthority", "Chủ tịch UBND tỉnh"))
                .put(TYPE).then().statusCode(200);

        // Decree 98 as the demo had it: open-ended
        Map<String, Object> decree98 = ruleSet("Luật Thi đua, khen thưởng 06/2022/QH15; Nghị định 98/2023/NĐ-CP", "2023-12-31", "2024-01-01",
                "DOSSIER_RECEIVED_ON", 1.5, List.of(Map.of("kind", "LEADS_CLUSTER")));
        int id98 = given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(decree98).post(TYPE + "/rule-sets")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("effectiveTo", "2025-06-30", "reason", "Nghị định 152/2025/NĐ-CP thay thế từ 01/07/2025 (Điều 59 khoản 2)"))
                .post(TYPE + "/rule-sets/" + id98 + "/end").then().statusCode(200);
        int id152 = given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(ruleSet("Luật Thi đua, khen thưởng 06/2022/QH15; Nghị định 152/2025/NĐ-CP", "2025-06-14", "2025-07-01",
                        "DOSSIER_RECEIVED_ON", 1.5, excellentCollective(70)))
                .post(TYPE + "/rule-sets").then().statusCode(201).extract().path("id");
        baseSalary("2024-07-01", 2_340_000, "Nghị định 73/2024/NĐ-CP");
        baseSalary("2026-07-01", 2_530_000, "Nghị định 161/2026/NĐ-CP");

        // the year-end reports of 2025 arrive from scoring: GOOD meets every share, SHORT has 27 of 40 "Lao động tiên tiến"
        yearEnd(GOOD, 2025, CLUSTER_2025, 40, 40, 30, 2, 0, 29, 3);
        yearEnd(SHORT, 2025, CLUSTER_2025, 40, 40, 27, 1, 0, 20, 3);
        long good = propose(GOOD, CLUSTER_2025, "2026-01-10");
        long shortOfShares = propose(SHORT, CLUSTER_2025, "2026-01-10");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(BOARD).get(PROPOSALS + "/" + good + "/eligibility").then().statusCode(200)
                        .body("eligible", equalTo(true)).body("outcome", equalTo("PASS")));
        given().auth().oauth2(BOARD).header("Accept-Language", "en").get(PROPOSALS + "/" + good).then()
                .body("ruleSetId", equalTo(id152)).body("receivedOn", equalTo("2026-01-10"))
                .body("ruleSetChosenBecause.transition", equalTo("DOSSIER_RECEIVED_ON"))
                .body("ruleSetChosenBecause.reason", containsString("Dossier received on 2026-01-10"));
        given().auth().oauth2(BOARD).get(PROPOSALS + "/" + good).then().body("ruleSetChosenBecause.reason", equalTo("Hồ sơ nhận ngày 10/01/2026: "
                + "áp dụng quy định có hiệu lực tại ngày đó, Luật Thi đua, khen thưởng 06/2022/QH15; Nghị định 152/2025/NĐ-CP (hiệu lực từ 01/07/2025)."));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(BOARD).header("Accept-Language", "en").get(PROPOSALS + "/" + shortOfShares + "/eligibility").then()
                        .body("outcome", equalTo("FAIL"))
                        .body("rules.find { it.params?.measure == 'ADVANCED_LABOUR' }.outcome", equalTo("FAIL"))
                        .body("rules.find { it.params?.measure == 'ADVANCED_LABOUR' }.reason",
                                equalTo("Members holding \"Lao động tiên tiến\": 27 of 40 members (67.5%), not ≥ 70%.")));
        // reading what a proposal meets changes nothing of it
        int version = given().auth().oauth2(BOARD).get(PROPOSALS + "/" + shortOfShares).then().extract().path("version");
        given().auth().oauth2(BOARD).get(PROPOSALS + "/" + shortOfShares + "/eligibility").then().statusCode(200);
        given().auth().oauth2(BOARD).get(PROPOSALS + "/" + shortOfShares).then().body("version", equalTo(version));
        uploadReport(shortOfShares);
        given().auth().oauth2(BOARD).post(PROPOSALS + "/" + shortOfShares + "/submit").then().statusCode(422)
                .body("type", equalTo("https://thidua.vn/problems/proposal-not-eligible"))
                .body("errors.field", hasItem("eligibility.MEMBER_SHARE"))
                .body("errors.message", hasItem("Thành viên đạt \"Lao động tiên tiến\": 27 trên 40 thành viên (67,5%), không đạt ≥ 70%."));

        // ending Decree 152 before a day already judged under it is refused; nothing changes
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("effectiveTo", "2025-12-31", "reason", "thử"))
                .post(TYPE + "/rule-sets/" + id152 + "/end").then().statusCode(422)
                .body("errors[0].field", equalTo("effectiveTo"));

        // decided on 15/07/2026: 1.5 × 2,530,000 = 3,795,000, rounded up to 3,800,000
        decide(good, "15/2026/QĐ-LAW", "2026-07-15", 2025);
        given().auth().oauth2(BOARD).queryParam("unitCode", GOOD).get("/api/awards/ledger").then().statusCode(200)
                .body("items[0].ruleSetId", equalTo(id152)).body("items[0].cashAmount", equalTo(3_800_000));

        // the next decree, a week ago: entered by the Board through the API alone, with a base salary of its own
        LocalDate today = LocalDate.now(VIETNAM);
        LocalDate from = today.minusDays(7);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("effectiveTo", from.minusDays(1).toString(), "reason", "Nghị định 999/2027/NĐ-CP thay thế"))
                .post(TYPE + "/rule-sets/" + id152 + "/end").then().statusCode(200);
        int id999 = given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(ruleSet("Luật Thi đua, khen thưởng (sửa đổi); Nghị định 999/2027/NĐ-CP", from.minusDays(20).toString(), from.toString(),
                        "ACHIEVEMENT_YEAR", 2.0, excellentCollective(80)))
                .post(TYPE + "/rule-sets").then().statusCode(201).extract().path("id");
        baseSalary(from.toString(), 2_800_000, "Nghị định 888/2027/NĐ-CP (giả định để kiểm thử)");

        // a 2026 dossier received today is judged under Decree 999 (80 %) and paid 2.0 × 2,800,000
        yearEnd(GOOD, 2026, CLUSTER_2026, 40, 40, 33, 2, 0, 29, 4);
        long next = propose(GOOD, CLUSTER_2026, null);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(BOARD).get(PROPOSALS + "/" + next + "/eligibility").then().body("eligible", equalTo(true)));
        given().auth().oauth2(BOARD).get(PROPOSALS + "/" + next).then().body("ruleSetId", equalTo(id999));
        decide(next, "16/2026/QĐ-LAW", today.toString(), 2026);
        given().auth().oauth2(BOARD).queryParam("unitCode", GOOD).queryParam("year", 2026).get("/api/awards/ledger").then()
                .body("items.find { it.year == 2026 }.cashAmount", equalTo(5_600_000))
                .body("items.find { it.year == 2026 }.ruleSetId", equalTo(id999));

        // a 2025 dossier received today: Decree 999 keeps the achievement year's rules, so Decree 152 (70 %) judges it
        yearEnd(LATE, 2025, CLUSTER_2025, 40, 40, 29, 1, 0, 20, 5);
        long late = propose(LATE, CLUSTER_2025, null);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(BOARD).get(PROPOSALS + "/" + late + "/eligibility").then().body("eligible", equalTo(true)));
        given().auth().oauth2(BOARD).get(PROPOSALS + "/" + late).then().body("ruleSetId", equalTo(id152))
                .body("ruleSetChosenBecause.transition", equalTo("ACHIEVEMENT_YEAR"))
                .body("ruleSetChosenBecause.judgedOn", equalTo("2025-12-31"))
                .body("ruleSetChosenBecause.reason", containsString("Nghị định 999/2027/NĐ-CP"));
    }

    @Test
    void anOpenProceedingBlocksTheProposalAndTheDecisionUntilItCloses() {
        String award = "TEST_PROCEEDINGS";
        String type = "/api/awards/award-types/" + award;
        String unit = "000.00.74.H56";
        ProposalFixtures.knownUnit(unit, "Đơn vị bị thanh tra (thử)");
        VotingFixtures.cluster(directory, 9_716_125, "CUM-PRC", 2025, List.of(unit));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("name", "Bằng khen (thử)", "level", "PROVINCIAL", "decidingAuthority", "Chủ tịch UBND tỉnh")).put(type)
                .then().statusCode(200);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(ruleSet("Nghị định 152/2025/NĐ-CP", "2025-06-14", "2025-07-01",
                        "DOSSIER_RECEIVED_ON", 3.0, List.of(Map.of("kind", "NO_PENDING_PROCEEDINGS", "citation", "Điều 4 khoản 4", "tag", "V2"))))
                .post(type + "/rule-sets").then().statusCode(201);
        long proposal = given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("unitCode", unit, "awardTypeCode", award, "clusterId", 9_716_125)).post(PROPOSALS)
                .then().statusCode(201).extract().jsonPath().getLong("id");
        uploadReport(proposal);
        for (String step : List.of("submit", "appraisal", "appraise")) {
            given().auth().oauth2(BOARD).post(PROPOSALS + "/" + proposal + "/" + step).then().statusCode(200);
        }
        String proceedings = "/api/awards/units/" + unit + "/proceedings";
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("kind", "GALACTIC", "openedOn", "2099-01-01"))
                .post(proceedings).then().statusCode(400);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("kind", "INSPECTION", "openedOn", "2099-01-01"))
                .post(proceedings).then().statusCode(422).body("errors.field", hasItem("openedOn")).body("errors.field", hasItem("source"));
        long opened = given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("kind", "INSPECTION", "openedOn", "2026-11-02", "source", "Kết luận thanh tra số 12/KL-TTr")).post(proceedings)
                .then().statusCode(201).body("open", equalTo(true)).extract().jsonPath().getLong("id");
        given().auth().oauth2(VotingFixtures.rep(unit)).get(proceedings).then().statusCode(200).body("[0].kind", equalTo("INSPECTION"));
        given().auth().oauth2(BOARD).get(PROPOSALS + "/" + proposal + "/eligibility").then().body("eligible", equalTo(false));
        Map<String, Object> decision = Map.of("number", "17/2026/QĐ-PRC", "date", "2026-11-20", "awardTypeCode", award, "year", 2025,
                "units", List.of(unit));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(decision).post("/api/awards/decisions").then().statusCode(422)
                .body("type", equalTo("https://thidua.vn/problems/proceeding-open")).body("detail", containsString("(Điều 4 khoản 4)"));
        given().auth().oauth2(BOARD).queryParam("unitCode", unit).get("/api/awards/ledger").then().body("total", equalTo(0));

        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("closedOn", "2026-10-01", "source", "Kết luận"))
                .post(proceedings + "/" + opened + "/close").then().statusCode(422).body("errors[0].field", equalTo("closedOn"));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("closedOn", "2026-11-25", "source", "Thông báo kết thúc thanh tra"))
                .post(proceedings + "/" + opened + "/close").then().statusCode(200).body("open", equalTo(false));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("closedOn", "2026-11-26", "source", "lần nữa"))
                .post(proceedings + "/" + opened + "/close").then().statusCode(409);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(decision).post("/api/awards/decisions").then().statusCode(201);
    }

    @Test
    void ratingsAreRecordedByTheBoardWithTheirSourceAndCorrectedUnderIfMatch() {
        String unit = "000.00.75.H56";
        String ratings = "/api/awards/units/" + unit + "/ratings";
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("rating", "HTXSNV", "source", "QĐ"))
                .put(ratings + "/2024").then().statusCode(422).body("errors[0].field", equalTo("unitCode"));
        ProposalFixtures.knownUnit(unit, "Đơn vị được xếp loại (thử)");
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("rating", "XUAT_SAC", "source", "QĐ"))
                .put(ratings + "/2024").then().statusCode(400);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("rating", "HTXSNV"))
                .put(ratings + "/2024").then().statusCode(422).body("errors[0].field", equalTo("source"));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("rating", "HTXSNV", "source", "QĐ"))
                .put(ratings + "/2099").then().statusCode(422).body("errors[0].field", equalTo("year"));
        given().auth().oauth2(VotingFixtures.rep(unit)).contentType(ContentType.JSON).body(Map.of("rating", "HTXSNV", "source", "QĐ"))
                .put(ratings + "/2024").then().statusCode(403);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("rating", "HTTNV", "source", "QĐ 5/QĐ-UBND (2024)"))
                .put(ratings + "/2024").then().statusCode(200).body("version", equalTo(0));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("rating", "HTXSNV", "source", "QĐ 9/QĐ-UBND (2024, đính chính)")).put(ratings + "/2024").then().statusCode(200);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("rating", "HTXSNV", "source", "QĐ 3/QĐ-UBND (2025)"))
                .put(ratings + "/2025").then().statusCode(200);
        given().auth().oauth2(VotingFixtures.rep(unit)).get(ratings).then().statusCode(200)
                .body("year", equalTo(List.of(2025, 2024))).body("rating", equalTo(List.of("HTXSNV", "HTXSNV")));

        // the province's rating decision for many units at once: a report per row, a bad row does not stop the others
        String csv = "unit_code,year,rating,source\n" + unit + ",2023,HTXSNV,QĐ 2/QĐ-UBND (2023)\n" + unit + ",2025,HTXSNV,QĐ 3/QĐ-UBND (2025)\n"
                + "000.00.99.H56,2023,HTTNV,QĐ 2/QĐ-UBND (2023)\n" + unit + ",2022,XUAT_SAC,QĐ 1\n" + unit + ",hai nghìn,HTNV,QĐ 1\n";
        given().auth().oauth2(BOARD).header("Accept-Language", "en").contentType("text/csv; charset=UTF-8").body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/awards/ratings/import").then().statusCode(200).body("rows", equalTo(5))
                .body("results.outcome", equalTo(List.of("CREATED", "UNCHANGED", "REFUSED", "REFUSED", "REFUSED")))
                .body("results[2].reason", containsString("does not know a unit"));
        given().auth().oauth2(VotingFixtures.rep(unit)).contentType("text/csv; charset=UTF-8").body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/awards/ratings/import").then().statusCode(403);
        given().auth().oauth2(BOARD).get(ratings).then().body("year", equalTo(List.of(2025, 2024, 2023)));
    }

    static Map<String, Object> ruleSet(String basis, String basisDate, String from, String transition, double cash, List<Map<String, Object>> conditions) {
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("legalBasis", basis);
        rules.put("legalBasisDate", basisDate);
        rules.put("legalBasisTag", "V2");
        rules.put("effectiveFrom", from);
        rules.put("transition", transition);
        rules.put("transitionTag", "?");
        rules.put("eligibility", conditions);
        rules.put("voting", VotingFixtures.voting(50, 50, true, "ALL_MEMBERS", true));
        rules.put("cashMultiple", cash);
        rules.put("cashCitation", "Điều 49–54");
        rules.put("cashTag", "V2");
        return rules;
    }

    /** The conditions of an Excellent Labour Collective (law-2025.md §2), the share of "Lao động tiên tiến" as given. */
    static List<Map<String, Object>> excellentCollective(int advancedLabourPercent) {
        return List.of(
                share("COMPLETING_TASKS", "atLeastPercent", 100),
                share("ADVANCED_LABOUR", "atLeastPercent", advancedLabourPercent),
                share("GRASSROOTS_FIGHTERS", "atLeast", 1),
                Map.of("kind", "NO_PENDING_PROCEEDINGS", "citation", "Nghị định 152/2025/NĐ-CP, Điều 4 khoản 4", "tag", "V2"));
    }

    static Map<String, Object> share(String measure, String bound, int value) {
        return Map.of("kind", "MEMBER_SHARE", "params", Map.of("measure", measure, bound, value), "citation", "QĐ 86/2025/QĐ-UBND", "tag", "V2");
    }

    static void baseSalary(String from, long amount, String basis) {
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("amount", amount, "legalBasis", basis, "tag", "V2"))
                .put("/api/awards/base-salaries/" + from).then().statusCode(200);
    }

    static void yearEnd(String unit, int year, long cluster, int members, int completing, int advanced, int fighters, int disciplined,
                        int women, long version) {
        VotingFixtures.KAFKA.sendCloudEvent("thidua.scoring.registrations.v1", unit + "/" + year,
                EventSamples.sample("scoring/YearEndReported.json", event -> {
                    event.put("id", UUID.randomUUID().toString());
                    event.put("subject", unit + "/" + year);
                    ObjectNode data = (ObjectNode) event.get("data");
                    data.put("unitCode", unit).put("year", year).put("clusterId", cluster).put("version", version);
                    ArrayNode targets = data.putArray("targets");
                    targets.addObject().put("position", 1).put("name", "Chỉ tiêu 1").put("attainment", new BigDecimal("1.05"));
                    ObjectNode statistics = (ObjectNode) data.get("memberStatistics");
                    statistics.put("members", members).put("completingTasks", completing).put("advancedLabour", advanced)
                            .put("grassrootsFighters", fighters).put("disciplinedWarningOrAbove", disciplined).put("women", women)
                            .put("confirmed", true);
                }));
    }

    static long propose(String unit, long cluster, String receivedOn) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("unitCode", unit, "awardTypeCode", AWARD, "clusterId", cluster));
        if (receivedOn != null) {
            body.put("receivedOn", receivedOn);
        }
        return given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(body).post(PROPOSALS)
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static void uploadReport(long proposal) {
        given().auth().oauth2(BOARD).contentType("application/pdf").header("X-File-Name", "bao-cao-thanh-tich.pdf").body(ProposalFixtures.REPORT)
                .put(PROPOSALS + "/" + proposal + "/files/achievement-report").then().statusCode(201);
    }

    static void decide(long proposal, String number, String date, int year) {
        uploadReport(proposal);
        for (String step : List.of("submit", "appraisal", "appraise")) {
            given().auth().oauth2(BOARD).post(PROPOSALS + "/" + proposal + "/" + step).then().statusCode(200);
        }
        String unit = given().auth().oauth2(BOARD).get(PROPOSALS + "/" + proposal).then().extract().path("unitCode");
        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("number", number, "date", date, "awardTypeCode", AWARD, "year", year, "units", List.of(unit)))
                .post("/api/awards/decisions").then().statusCode(201);
    }
}
