package vn.thidua.awards.proposal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.thidua.awards.vote.VotingFixtures.BOARD;
import static vn.thidua.awards.vote.VotingFixtures.SEVEN;
import static vn.thidua.awards.vote.VotingFixtures.rep;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.thidua.awards.vote.MinutesPdfTest;
import vn.thidua.awards.vote.VotingFixtures;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.web.PdfDocument;

/**
 * A proposal's whole life through the API: from cluster 7's published vote to the decision and the
 * ledger, and every way it can be refused on the way.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "awards"))
class ProposalFlowIT {
    static final String PROPOSALS = "/api/awards/proposals";
    static final String LDLD = "000.00.32.H56";
    static final String PORTAL = TestTokens.user("portal-demo", "portal");
    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    static final byte[] REPORT = vn.thidua.devstack.testing.TestFiles.pdf("Báo cáo thành tích năm 2016");

    @Inject
    ClusterDirectory directory;

    @Inject
    DataSource dataSource;

    static String leaderOf(String unit) {
        return TestTokens.claims("leader-" + unit, "cluster-leader").claim("unit", unit).sign(TestTokens.privateKey());
    }

    /** Cluster 7 of that id scores, the Labour Federation first, and elects it to lead for the award. */
    String votedCluster(long cluster, String award) {
        VotingFixtures.cluster(directory, cluster, "CUM-07", 2016, SEVEN, LDLD);
        VotingFixtures.ranking(cluster, "CUM-07", 2016, List.of(LDLD, "000.00.31.H56", "000.00.33.H56", "000.00.34.H56",
                "000.00.35.H56", "000.00.36.H56"));
        String session = VotingFixtures.create(VotingFixtures.leadVote(cluster, award, Map.of("topN", 2)));
        VotingFixtures.open(session);
        for (String unit : SEVEN) {
            VotingFixtures.vote(session, unit, VotingFixtures.leadFor(LDLD));
        }
        given().auth().oauth2(BOARD).post(VotingFixtures.SESSIONS + "/" + session + "/close").then().statusCode(200);
        given().auth().oauth2(BOARD).post(VotingFixtures.SESSIONS + "/" + session + "/publish").then().statusCode(200);
        return session;
    }

    static Response step(String token, long id, String step, Map<String, Object> body) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.post(PROPOSALS + "/" + id + "/" + step);
    }

    /** A decision of the Board or the portal naming one unit (POST /api/awards/decisions). */
    static Response decide(String token, String award, String unit, String number, String date, String authority) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("number", number, "date", date, "awardTypeCode", award, "year", 2016,
                "units", List.of(unit)));
        if (authority != null) {
            body.put("authority", authority);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/awards/decisions");
    }

    static void upload(String token, long id, byte[] pdf) {
        given().auth().oauth2(token).contentType("application/pdf").header("X-File-Name", "bao-cao-thanh-tich.pdf").body(pdf)
                .put(PROPOSALS + "/" + id + "/files/achievement-report").then().statusCode(201)
                .body("sha256", equalTo(PdfDocument.sha256(pdf))).body("kind", equalTo("ACHIEVEMENT_REPORT"));
    }

    @Test
    void theProvincialFlagFromTheVoteToTheDecisionAndTheLedger() throws Exception {
        String award = VotingFixtures.awardWithRules("TEST_PROP_TINH", "PROVINCIAL",
                List.of(Map.of("kind", "LEADS_CLUSTER"), Map.of("kind", "RANKS_FIRST")),
                VotingFixtures.voting(50, 50, true, "ALL_MEMBERS", true));
        String session = votedCluster(962_007, award);
        String leader = leaderOf(LDLD);

        // a member that is not the cluster's leader does not propose; the leader does
        given().auth().oauth2(leaderOf("000.00.31.H56")).contentType(ContentType.JSON).body(Map.of("votingSessionId", session))
                .post(PROPOSALS).then().statusCode(403).contentType("application/problem+json");
        long id = given().auth().oauth2(leader).contentType(ContentType.JSON).body(Map.of("votingSessionId", session))
                .post(PROPOSALS).then().statusCode(201).body("status", equalTo("DRAFT")).body("unitCode", equalTo(LDLD))
                .body("awardTypeCode", equalTo(award)).body("rankingRank", equalTo(1)).extract().jsonPath().getLong("id");
        given().auth().oauth2(leader).contentType(ContentType.JSON).body(Map.of("votingSessionId", session))
                .post(PROPOSALS).then().statusCode(409);
        given().auth().oauth2(BOARD).get(PROPOSALS + "/" + id + "/files").then().statusCode(200).body("kind", contains("MINUTES"));

        given().auth().oauth2(BOARD).header("Accept-Language", "en").get(PROPOSALS + "/" + id + "/eligibility").then().statusCode(200)
                .body("eligible", equalTo(true)).body("rules.kind", contains("LEADS_CLUSTER", "RANKS_FIRST"))
                .body("rules[0].reason", equalTo("Leads Cụm thi đua số 7 in 2016 (elected by the vote)."));

        // no achievement report yet; then the unit writes its own (a PDF, by its bytes), not another unit
        step(leader, id, "submit", null).then().statusCode(422).body("type", containsString("dossier-incomplete"));
        given().auth().oauth2(rep(LDLD)).contentType("application/pdf").header("X-File-Name", "x.pdf").body("not a pdf".getBytes())
                .put(PROPOSALS + "/" + id + "/files/achievement-report").then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(rep("000.00.31.H56")).contentType("application/pdf").header("X-File-Name", "x.pdf").body(REPORT)
                .put(PROPOSALS + "/" + id + "/files/achievement-report").then().statusCode(404);
        upload(rep(LDLD), id, REPORT);

        step(leader, id, "submit", null).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        given().auth().oauth2(BOARD).get(PROPOSALS + "/" + id + "/files").then().body("kind", hasItems("COVER_SUBMISSION", "MINUTES", "ACHIEVEMENT_REPORT"));
        int cover = given().auth().oauth2(BOARD).get(PROPOSALS + "/" + id + "/files").then().extract().jsonPath()
                .getInt("find { it.kind == 'COVER_SUBMISSION' }.id");
        byte[] coverPdf = given().auth().oauth2(PORTAL).get(PROPOSALS + "/" + id + "/files/" + cover).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        String coverText = MinutesPdfTest.text(coverPdf).replaceAll("\\s+", " ");
        assertTrue(coverText.contains("TỜ TRÌNH") && coverText.contains("Về việc đề nghị tặng Cờ thi đua thử TEST_PROP_TINH năm 2016")
                && coverText.contains("mã định danh 000.00.32.H56") && coverText.contains("Báo cáo thành tích"), coverText);
        // the dossier is frozen once submitted
        given().auth().oauth2(rep(LDLD)).contentType("application/pdf").header("X-File-Name", "x.pdf").body(REPORT)
                .put(PROPOSALS + "/" + id + "/files/achievement-report").then().statusCode(409);

        // illegal steps are refused and change nothing
        for (String illegal : List.of("appraise", "forward", "rework", "submit")) {
            step(BOARD, id, illegal, null).then().statusCode(409).body("type", containsString("illegal-transition"));
        }
        decide(BOARD, award, LDLD, "123/QĐ-UBND", "2017-01-20", null).then().statusCode(422);
        // only the Board (or the portal) returns or appraises
        step(leader, id, "return", Map.of("reason", "x")).then().statusCode(403);
        step(leader, id, "appraisal", null).then().statusCode(403);

        step(PORTAL, id, "return", Map.of("reason", "Thiếu số liệu năm 2016")).then().statusCode(200)
                .body("status", equalTo("RETURNED")).body("statusReason", equalTo("Thiếu số liệu năm 2016"));
        step(BOARD, id, "return", Map.of()).then().statusCode(409);
        step(leader, id, "rework", null).then().statusCode(200).body("status", equalTo("DRAFT"));
        upload(rep(LDLD), id, REPORT);
        step(leader, id, "submit", null).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        step(BOARD, id, "appraisal", null).then().statusCode(200).body("status", equalTo("UNDER_APPRAISAL"));
        step(BOARD, id, "appraise", null).then().statusCode(200).body("status", equalTo("APPRAISED"));
        // a provincial award is decided in the province, not forwarded
        step(BOARD, id, "forward", null).then().statusCode(409);
        decide(BOARD, award, LDLD, " ", "2017-01-20", null).then().statusCode(400);
        decide(BOARD, award, LDLD, "123/QĐ-UBND", "2017-01-20", null).then().statusCode(201);
        given().auth().oauth2(BOARD).get(PROPOSALS + "/" + id).then().body("status", equalTo("DECIDED"))
                .body("decisionNumber", equalTo("123/QĐ-UBND")).body("decidingAuthority", equalTo("Chủ tịch UBND tỉnh"));
        assertEquals(1, count("SELECT count(*) FROM ledger_entry WHERE proposal_id = " + id + " AND revoked_at IS NULL AND year = 2016"));

        step(BOARD, id, "revoke", Map.of("reason", "Phát hiện sai phạm")).then().statusCode(400);
        step(BOARD, id, "revoke", Map.of("reason", "Phát hiện sai phạm", "legalGround", "Điều 82 Luật Thi đua, khen thưởng")).then()
                .statusCode(200).body("status", equalTo("REVOKED"));
        // the ledger entry is marked, never deleted
        assertEquals(1, count("SELECT count(*) FROM ledger_entry WHERE proposal_id = " + id + " AND revoked_at IS NOT NULL"));
        for (String after : List.of("submit", "appraise", "rework")) {
            step(BOARD, id, after, null).then().statusCode(409);
        }

        given().auth().oauth2(BOARD).get(PROPOSALS + "/" + id + "/history").then().statusCode(200)
                .body("to", contains("DRAFT", "SUBMITTED", "RETURNED", "DRAFT", "SUBMITTED", "UNDER_APPRAISAL", "APPRAISED", "DECIDED", "REVOKED"))
                .body("actor", hasItem("portal-demo"));
        // every step went out through the outbox, the whole state each time, keyed by the proposal
        var published = VotingFixtures.KAFKA.awaitRecords("thidua.awards.proposals.v1", r -> r.key().equals(Long.toString(id)), 9,
                Duration.ofSeconds(30));
        var last = JSON.readTree(published.get(8).value());
        assertEquals("REVOKED", last.at("/data/status").asText());
        assertEquals("DECIDED", last.at("/data/previousStatus").asText());
        var documented = JSON.readTree(vn.thidua.devstack.testing.EventSamples.sample("awards/ProposalStatusChanged.json", node -> { }));
        assertEquals(names(documented), names(last));
        assertEquals(names(documented.get("data")), names(last.get("data")));
    }

    @Test
    void aGovernmentFlagGoesToThePrimeMinistersOfficeAndThePortalPostsTheDecision() {
        String award = VotingFixtures.awardWithRules("TEST_PROP_CP", "STATE", List.of(Map.of("kind", "LEADS_CLUSTER")),
                VotingFixtures.voting(50, 50, true, "ALL_MEMBERS", true));
        String session = votedCluster(962_107, award);
        long id = given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("votingSessionId", session))
                .post(PROPOSALS).then().statusCode(201).extract().jsonPath().getLong("id");
        // the portal sees nothing of a draft
        given().auth().oauth2(PORTAL).get(PROPOSALS + "/" + id).then().statusCode(404);
        upload(BOARD, id, REPORT);
        for (String s : List.of("submit", "appraisal", "appraise")) {
            step(BOARD, id, s, null).then().statusCode(200);
        }
        decide(BOARD, award, LDLD, "1/QĐ-TTg", "2017-06-01", null).then().statusCode(422);
        step(BOARD, id, "forward", null).then().statusCode(200).body("status", equalTo("FORWARDED"));
        given().auth().oauth2(PORTAL).queryParam("year", 2016).queryParam("status", "FORWARDED").get(PROPOSALS).then().statusCode(200)
                .body("id", hasItem((int) id));
        decide(rep(LDLD), award, LDLD, "1/QĐ-TTg", "2017-06-01", null).then().statusCode(403);
        decide(PORTAL, award, LDLD, "1/QĐ-TTg", "2017-06-01", "Thủ tướng Chính phủ").then().statusCode(201);
        given().auth().oauth2(PORTAL).get(PROPOSALS + "/" + id).then().body("status", equalTo("DECIDED"))
                .body("decidingAuthority", equalTo("Thủ tướng Chính phủ"));
    }

    @Test
    void aProposalThatFailsItsRulesCannotBeSubmittedAndSaysWhy() {
        String award = VotingFixtures.awardWithRules("TEST_PROP_TINH", "PROVINCIAL",
                List.of(Map.of("kind", "LEADS_CLUSTER"), Map.of("kind", "RANKS_FIRST")),
                VotingFixtures.voting(50, 50, true, "ALL_MEMBERS", true));
        votedCluster(962_207, award);
        // the Fatherland Front: second on points and not elected
        long id = given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("unitCode", "000.00.31.H56", "awardTypeCode", award, "clusterId", 962_207))
                .post(PROPOSALS).then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(BOARD).get(PROPOSALS + "/" + id + "/eligibility").then().statusCode(200).body("eligible", equalTo(false))
                .body("rules.passed", contains(false, false))
                .body("rules[0].reason", equalTo("Đơn vị không dẫn đầu Cụm thi đua số 7 năm 2016 (chưa được suy tôn)."))
                .body("rules[1].reason", equalTo("Đơn vị xếp thứ 2 trong Cụm thi đua số 7, không phải thứ nhất."));
        upload(BOARD, id, REPORT);
        step(BOARD, id, "submit", null).then().statusCode(422).body("type", containsString("proposal-not-eligible"))
                .body("errors", hasSize(2)).body("errors[0].field", equalTo("eligibility.LEADS_CLUSTER"));
        given().auth().oauth2(BOARD).get(PROPOSALS + "/" + id).then().body("status", equalTo("DRAFT"));
        // a unit outside the cluster-year, or a vote that did not elect the unit, is refused
        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("unitCode", "000.00.99.H56", "awardTypeCode", award, "clusterId", 962_207))
                .post(PROPOSALS).then().statusCode(422);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("votingSessionId", java.util.UUID.randomUUID().toString()))
                .post(PROPOSALS).then().statusCode(422);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body("{\"clusterId\": []}").post(PROPOSALS).then().statusCode(400);
        given().auth().oauth2(BOARD).get(PROPOSALS + "/999999999").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(BOARD).queryParam("year", 2016).queryParam("status", "SOMEWHERE").get(PROPOSALS).then().statusCode(400);
    }

    @Test
    void theQuotaCountsTheProposalsOfTheYearAgainstTheProvincesClusterLeaders() {
        // five cluster-years in 2031 with a recorded emulation leader, and one without: 20% of 5 leaders is one Government-flag proposal
        String award = VotingFixtures.awardWithRules("TEST_PROP_QUOTA", "STATE",
                List.of(Map.of("kind", "QUOTA_PERCENT_OF_CLUSTER_LEADERS", "value", 20)), VotingFixtures.voting(50, 50, true, "ALL_MEMBERS", true));
        for (int i = 0; i < 5; i++) {
            String unit = String.format("031.%02d.01.H56", i);
            VotingFixtures.clusterLedBy(directory, 963_000 + i, "CUM-Q" + i, 2031, List.of(unit), List.of(unit));
        }
        VotingFixtures.cluster(directory, 963_005, "CUM-Q5", 2031, List.of("031.05.01.H56"));
        long first = proposeIn(963_000, "031.00.01.H56", award);
        long second = proposeIn(963_001, "031.01.01.H56", award);
        step(BOARD, first, "submit", null).then().statusCode(200);
        step(BOARD, second, "submit", null).then().statusCode(422).body("errors[0].field", equalTo("eligibility.QUOTA_PERCENT_OF_CLUSTER_LEADERS"));
        given().auth().oauth2(BOARD).header("Accept-Language", "en").get(PROPOSALS + "/" + second + "/eligibility").then()
                .body("rules[0].reason", equalTo("Over the quota: 2 proposals, at most 1 (20% of 5 collectives voted to lead their clusters/blocks:"
                        + " 5 in the system, 0 outside; rounding EXACT)."));
        // when the first is rejected, the place is free again
        step(BOARD, first, "appraisal", null).then().statusCode(200);
        step(BOARD, first, "reject", Map.of("reason", "Không đủ thành tích")).then().statusCode(200).body("status", equalTo("REJECTED"));
        step(BOARD, second, "submit", null).then().statusCode(200);
    }

    @Test
    void registrationForTheTitleComesFromScoringAndTheNewestVersionCounts() throws Exception {
        String award = VotingFixtures.awardWithRules("TEST_PROP_REG", "PROVINCIAL", List.of(Map.of("kind", "REGISTERED_FOR_TITLE")),
                VotingFixtures.voting(50, 50, true, "ALL_MEMBERS", true));
        VotingFixtures.cluster(directory, 962_307, "CUM-07", 2016, SEVEN);
        String topic = "thidua.scoring.registrations.v1";
        VotingFixtures.KAFKA.sendCloudEvent(topic, "000.00.34.H56/2016", registration("000.00.34.H56", List.of(award), 1));
        // an older registration arriving late changes nothing
        String older = registration("000.00.34.H56", List.of(), 0);
        VotingFixtures.KAFKA.sendCloudEvent(topic, "000.00.34.H56/2016", older);
        long registered = given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("unitCode", "000.00.34.H56", "awardTypeCode", award, "clusterId", 962_307))
                .post(PROPOSALS).then().statusCode(201).extract().jsonPath().getLong("id");
        long notRegistered = given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("unitCode", "000.00.35.H56", "awardTypeCode", award, "clusterId", 962_307))
                .post(PROPOSALS).then().statusCode(201).extract().jsonPath().getLong("id");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(BOARD).get(PROPOSALS + "/" + registered + "/eligibility").then().body("eligible", equalTo(true)));
        VotingFixtures.KAFKA.sendCloudEvent(topic, "000.00.35.H56/2016", registration("000.00.35.H56", List.of("TAP_THE_LAO_DONG_XUAT_SAC"), 0));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(1,
                count("SELECT count(*) FROM registered_titles WHERE unit_code = '000.00.35.H56' AND year = 2016")));
        given().auth().oauth2(BOARD).header("Accept-Language", "en").get(PROPOSALS + "/" + notRegistered + "/eligibility").then()
                .body("eligible", equalTo(false)).body("rules[0].reason", equalTo("Did not register for TEST_PROP_REG in 2016."));
        String olderId = JSON_ID.matcher(older).results().findFirst().orElseThrow().group(1);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertEquals(1, count("SELECT count(*) FROM inbox WHERE event_id = '" + olderId + "'")));
        given().auth().oauth2(BOARD).get(PROPOSALS + "/" + registered + "/eligibility").then().body("eligible", equalTo(true));
    }

    private static final java.util.regex.Pattern JSON_ID = java.util.regex.Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    private static String registration(String unit, List<String> titles, long version) {
        return vn.thidua.devstack.testing.EventSamples.sample("scoring/TitlesRegistered.json", node -> {
            node.put("id", java.util.UUID.randomUUID().toString());
            node.put("subject", unit + "/2016");
            var data = (com.fasterxml.jackson.databind.node.ObjectNode) node.get("data");
            data.put("unitCode", unit).put("year", 2016).put("clusterId", 962_307).put("version", version);
            var array = data.putArray("titles");
            titles.forEach(array::add);
        });
    }

    private long proposeIn(long cluster, String unit, String award) {
        long id = given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("unitCode", unit, "awardTypeCode", award, "clusterId", cluster))
                .post(PROPOSALS).then().statusCode(201).extract().jsonPath().getLong("id");
        upload(BOARD, id, REPORT);
        return id;
    }

    private static java.util.Set<String> names(com.fasterxml.jackson.databind.JsonNode node) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private long count(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
