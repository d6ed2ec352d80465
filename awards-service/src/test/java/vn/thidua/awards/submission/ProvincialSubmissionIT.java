package vn.thidua.awards.submission;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.thidua.awards.vote.VotingFixtures.BOARD;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.thidua.awards.council.CouncilFixtures;
import vn.thidua.awards.proposal.ProposalFixtures;
import vn.thidua.awards.vote.MinutesPdfTest;
import vn.thidua.awards.vote.VotingFixtures;
import vn.thidua.devstack.portal.FakePortalClient;
import vn.thidua.devstack.testing.EventSamples;
import vn.thidua.devstack.testing.FakePortalResource;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;
import vn.thidua.platform.clusters.ClusterDirectory;

/**
 * The province's path for the Government flag, through the API, the broker and the fake national system over real
 * HTTP: who may stand (the emulation leader of its cluster, within 20 % of the province's leaders, no open
 * proceeding), the Council's review, the Chairman's submission with every document, the national Board returning it
 * with a reason and accepting it anew, the Prime Minister's decision, and the deadlines on the way.
 */
@QuarkusTest
@TestProfile(ProvincialSubmissionIT.WithFakePortal.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "awards"))
class ProvincialSubmissionIT {
    static final int YEAR = 2019;
    static final String SUBMISSIONS = "/api/awards/submissions";
    static final String PROPOSALS = "/api/awards/proposals";
    static final String PORTAL = TestTokens.user("portal-demo", "portal");
    static final String GOVERNMENT_FLAG = "TEST_SUB_CO_CP";
    static final String PM_CERTIFICATE = "TEST_SUB_BK_TTG";
    static final String PROVINCIAL_FLAG = "TEST_SUB_CO_TINH";
    static final Duration BOUND = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    /** The fake portal, whose national system answers the province's submissions. */
    public static class WithFakePortal implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("thidua.portal.poll-interval", "200ms", "thidua.portal.backoff.initial", "100ms");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakePortalResource.class));
        }
    }

    @Inject
    ClusterDirectory directory;

    @ConfigProperty(name = "thidua.portal.url")
    String portalUrl;

    @Test
    void theGovernmentFlagGoesFromTheClusterThroughTheCouncilAndTheChairmanToThePrimeMinister() throws Exception {
        FakePortalClient portal = new FakePortalClient(portalUrl);
        portal.reset();
        // five cluster-years of 2019 with a recorded emulation leader, and one more outside the system: 20 % of 6, rounded down, is 1
        List<String> first = VotingFixtures.units("019.01", 3);
        List<String> second = VotingFixtures.units("019.02", 2);
        List<String> third = VotingFixtures.units("019.03", 2);
        List<String> fourth = VotingFixtures.units("019.04", 2);
        List<String> fifth = VotingFixtures.units("019.05", 2);
        String leader = first.get(0);
        for (String unit : List.of(leader, first.get(1), second.get(0), third.get(0), fourth.get(0))) {
            ProposalFixtures.knownUnit(unit, "Đơn vị thử " + unit);
        }
        clusterWithLeaders(962_001, "CUM-SUB-1", first, List.of(leader), 0);
        clusterWithLeaders(962_002, "CUM-SUB-2", second, List.of(second.get(0)), 0);
        clusterWithLeaders(962_003, "CUM-SUB-3", third, List.of(third.get(0)), 0);
        clusterWithLeaders(962_004, "KHOI-SUB-4", fourth, List.of(fourth.get(0)), 0);
        clusterWithLeaders(962_005, "KHOI-SUB-5", fifth, List.of(fifth.get(0), fifth.get(1)), 0);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("count", 1, "note", "Khối thi đua các doanh nghiệp (chấm trên giấy)"))
                .put("/api/awards/quota-base/" + YEAR + "/leaders-outside").then().statusCode(200)
                .body("clusterYearsWithLeader", equalTo(5)).body("leadersOutside", equalTo(1)).body("total", equalTo(6));
        VotingFixtures.ranking(962_001, "CUM-SUB-1", YEAR, first);
        limitsInForce();

        Map<String, Object> review = CouncilFixtures.review("COUNCIL", 80, 50, true, "ALL_MEMBERS", false);
        award(GOVERNMENT_FLAG, "Cờ thi đua của Chính phủ (thử)", "STATE", List.of(
                condition("LEADS_CLUSTER", Map.of(), "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 25 khoản 1"),
                condition("QUOTA_PERCENT_OF_CLUSTER_LEADERS", Map.of("percent", 20, "rounding", "FLOOR"), "Công văn 5007/BNV-TĐKT")), review);
        award(PM_CERTIFICATE, "Bằng khen của Thủ tướng Chính phủ (thử)", "STATE", List.of(), review);
        award(PROVINCIAL_FLAG, "Cờ thi đua của UBND tỉnh (thử)", "PROVINCIAL",
                List.of(condition("LEADS_CLUSTER", Map.of(), "QĐ 86/2025/QĐ-UBND")), review);

        // the cluster votes its leader; the Board proposes it from the vote (the cluster's minutes come with it)
        String vote = VotingFixtures.create(VotingFixtures.leadVote(962_001, GOVERNMENT_FLAG, Map.of("topN", 1)));
        VotingFixtures.open(vote);
        for (String unit : first) {
            VotingFixtures.vote(vote, unit, VotingFixtures.leadFor(leader));
        }
        given().auth().oauth2(BOARD).post("/api/awards/voting-sessions/" + vote + "/close").then().statusCode(200);
        given().auth().oauth2(BOARD).post("/api/awards/voting-sessions/" + vote + "/publish").then().statusCode(200);
        long flag = given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("votingSessionId", vote)).post(PROPOSALS)
                .then().statusCode(201).extract().jsonPath().getLong("id");
        submitAndAppraise(flag);

        // a second Government-flag candidate is over the quota, and the refusal says the numbers
        long overQuota = ProposalFixtures.draft(fourth.get(0), GOVERNMENT_FLAG, 962_004);
        report(overQuota);
        given().auth().oauth2(BOARD).header("Accept-Language", "en").post(PROPOSALS + "/" + overQuota + "/submit").then().statusCode(422)
                .body("type", containsString("proposal-not-eligible"))
                .body("errors.field", contains("eligibility.QUOTA_PERCENT_OF_CLUSTER_LEADERS"))
                .body("errors[0].message", containsString("2 proposals, at most 1 (20% of 6 collectives voted to lead their clusters/blocks:"
                        + " 5 in the system, 1 outside; rounding FLOOR)"));
        assertEquals("DRAFT", ProposalFixtures.status(overQuota));

        // a Prime Minister's certificate without the cluster's minutes, and two provincial flags the cross-check will stop
        long certificate = ProposalFixtures.appraised(first.get(1), PM_CERTIFICATE, 962_001);
        long noLongerLeads = ProposalFixtures.appraised(second.get(0), PROVINCIAL_FLAG, 962_002);
        long underInspection = ProposalFixtures.appraised(third.get(0), PROVINCIAL_FLAG, 962_003);
        clusterWithLeaders(962_002, "CUM-SUB-2", second, List.of(), 1);
        Awaitility.await().atMost(BOUND).until(() -> !directory.ledEmulation(second.get(0), YEAR));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("kind", "INSPECTION", "openedOn", "2019-12-02", "source", "Thông báo số 45/TB-TTr của Thanh tra tỉnh"))
                .post("/api/awards/units/" + third.get(0) + "/proceedings").then().statusCode(201);

        long term = CouncilFixtures.term("Hội đồng TĐKT tỉnh nhiệm kỳ 2016–2021 (thử)", "2016-07-01", "2021-06-30");
        List<String> members = List.of(CouncilFixtures.member(term, "Nguyễn Đình Xứng", "CHAIR"),
                CouncilFixtures.member(term, "Lê Thị Thìn", "VICE_CHAIR"), CouncilFixtures.member(term, "Nguyễn Quốc Tuấn", "STANDING_MEMBER"),
                CouncilFixtures.member(term, "Lê Văn Hưng", "SECRETARY"), CouncilFixtures.member(term, "Trần Thị Mai", "MEMBER"));
        String session = CouncilFixtures.session(term, YEAR, "COUNCIL", "2020-01-10");
        String at = "/api/awards/council-sessions/" + session;
        // the cross-check before the Council: all or nothing, each refusal with its reason
        agenda(at, List.of(flag, underInspection)).then().statusCode(422).body("type", containsString("council-candidate-proceeding-open"))
                .body("errors[0].message", containsString("45/TB-TTr"));
        agenda(at, List.of(noLongerLeads)).then().statusCode(422).body("type", containsString("council-candidate-not-eligible"))
                .body("errors.field", hasItem("eligibility.LEADS_CLUSTER"));
        assertEquals("APPRAISED", ProposalFixtures.status(flag));
        agenda(at, List.of(flag, certificate)).then().statusCode(200);
        assertEquals("COUNCIL_REVIEW", ProposalFixtures.status(flag));

        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("present", members, "writtenOpinions", List.of()))
                .put(at + "/attendance").then().statusCode(200);
        given().auth().oauth2(BOARD).post(at + "/open").then().statusCode(200);
        for (int i = 0; i < members.size(); i++) {
            Map<String, String> choices = Map.of(Long.toString(flag), i == 4 ? "AGAINST" : "FOR", Long.toString(certificate), "FOR");
            given().auth().oauth2(CouncilFixtures.token(members.get(i))).contentType(ContentType.JSON).body(Map.of("choices", choices))
                    .post(at + "/ballots").then().statusCode(201);
        }
        given().auth().oauth2(BOARD).post(at + "/close").then().statusCode(200);
        given().auth().oauth2(BOARD).post(at + "/publish").then().statusCode(200);
        given().auth().oauth2(BOARD).get(PROPOSALS + "/" + flag).then().statusCode(200).body("status", equalTo("RECOMMENDED"))
                .body("councilSessionId", equalTo(session)).body("councilResult", containsString("4/5"));
        given().auth().oauth2(BOARD).get(PROPOSALS + "/" + flag + "/files").then().body("kind", hasItem("COUNCIL_MINUTES"));

        // the Chairman's submission needs every document of every candidate; nothing is written while one lacks any
        Map<String, Object> draft = Map.of("year", YEAR, "number", "15/TTr-UBND", "signedBy", "Nguyễn Đình Xứng", "signedOn", "2020-01-15");
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(draft).post(SUBMISSIONS).then().statusCode(422)
                .body("type", containsString("submission-incomplete"))
                .body("errors.field", contains("proposals[" + certificate + "].MINUTES"));
        given().auth().oauth2(BOARD).queryParam("year", YEAR).get(SUBMISSIONS).then().statusCode(200).body("", hasSize(0));
        ProposalFixtures.step(BOARD, certificate, "reject", Map.of("reason", "Không có biên bản suy tôn của cụm")).then().statusCode(200);
        long returned = given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(draft).post(SUBMISSIONS).then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("candidates.proposalId", contains((int) flag))
                .extract().jsonPath().getLong("id");
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("year", YEAR, "number", "16/TTr-UBND", "signedBy", "X",
                "signedOn", "2020-01-15")).post(SUBMISSIONS).then().statusCode(409).body("type", containsString("submission-draft-exists"));
        byte[] document = given().auth().oauth2(BOARD).get(SUBMISSIONS + "/" + returned + "/document").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        String text = MinutesPdfTest.text(document);
        assertTrue(text.contains("TỜ TRÌNH") && text.contains("Thủ tướng Chính phủ") && text.contains(leader) && text.contains("4/5"), text);
        // units never see the province's submission; the portal only once sent
        given().auth().oauth2(VotingFixtures.rep(leader)).get(SUBMISSIONS + "/" + returned).then().statusCode(403);
        given().auth().oauth2(PORTAL).get(SUBMISSIONS + "/" + returned).then().statusCode(404);
        given().auth().oauth2(PORTAL).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post(SUBMISSIONS + "/" + returned + "/returned").then().statusCode(404);

        // sent, the national system returns it with a reason, on the day it came, well within five working days
        String thidua = RestAssured.baseURI + ":" + RestAssured.port;
        portal.national("RETURN", "Báo cáo thành tích chưa có xác nhận của cấp trình", null, thidua, PORTAL);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("on", "2020-01-16")).post(SUBMISSIONS + "/" + returned + "/send")
                .then().statusCode(200).body("status", equalTo("SENT")).body("returnDue", notNullValue());
        given().auth().oauth2(BOARD).get(PROPOSALS + "/" + flag + "/files").then().body("kind", hasItem("PROVINCIAL_SUBMISSION"));
        Awaitility.await().atMost(BOUND).until(() -> "RETURNED".equals(given().auth().oauth2(BOARD).get(SUBMISSIONS + "/" + returned)
                .then().extract().path("status")));
        given().auth().oauth2(BOARD).get(SUBMISSIONS + "/" + returned).then().body("returnedOn", equalTo("2020-01-16"))
                .body("returnReason", containsString("xác nhận")).body("returnedLate", equalTo(false));
        given().auth().oauth2(BOARD).get(PROPOSALS + "/" + flag).then().body("status", equalTo("RECOMMENDED"))
                .body("statusReason", containsString("xác nhận")).body("submissionId", org.hamcrest.Matchers.nullValue());
        JsonNode delivered = JSON.readTree(portal.accepted().stream().map(a -> a.get("body").asText())
                .filter(body -> body.contains("\"FORWARDED\"")).findFirst().orElseThrow());
        assertEquals("15/TTr-UBND", delivered.at("/proposal/submission/number").asText());
        assertEquals(session, delivered.at("/proposal/council/sessionId").asText());
        assertTrue(delivered.at("/files").findValuesAsText("kind").containsAll(List.of("COUNCIL_MINUTES", "PROVINCIAL_SUBMISSION", "MINUTES")));

        // corrected and sent again: accepted, and the Prime Minister decides
        portal.national("ACCEPT_AND_DECIDE", null, "88/QĐ-TTg", thidua, PORTAL);
        long accepted = given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("year", YEAR, "number", "16/TTr-UBND",
                "signedBy", "Nguyễn Đình Xứng", "signedOn", "2020-01-20")).post(SUBMISSIONS).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("on", "2020-01-21")).post(SUBMISSIONS + "/" + accepted + "/send")
                .then().statusCode(200);
        Awaitility.await().atMost(BOUND).until(() -> "DECIDED".equals(ProposalFixtures.status(flag)));
        given().auth().oauth2(BOARD).get(PROPOSALS + "/" + flag).then().body("decisionNumber", equalTo("88/QĐ-TTg"))
                .body("decidingAuthority", equalTo("Thủ tướng Chính phủ"));
        given().auth().oauth2(BOARD).get(SUBMISSIONS + "/" + accepted).then().body("status", equalTo("ACCEPTED"))
                .body("acceptedOn", equalTo("2020-01-21")).body("decisionDue", notNullValue())
                .body("deadlines.step", contains("NATIONAL_RETURN_FAULTY", "NATIONAL_SUBMIT_TO_PM")).body("deadlines.state", contains("MET", "MET"));
        // the proposal shows its own deadlines: those of the submission that carried it
        given().auth().oauth2(BOARD).get(PROPOSALS + "/" + flag).then()
                .body("deadlines.find { it.step == 'NATIONAL_SUBMIT_TO_PM' }.state", equalTo("MET"))
                .body("deadlines.find { it.step == 'NATIONAL_SUBMIT_TO_PM' }.limit.citation", equalTo("QĐ 311/QĐ-BNV (2025)"));

        // the deadlines: the Board sees both submissions' limits; the unit only its own proposals
        given().auth().oauth2(BOARD).queryParam("year", YEAR).get("/api/awards/deadlines").then().statusCode(200)
                .body("findAll { it.subject == 'SUBMISSION' && it.id == " + returned + " }.state", contains("RETURNED"))
                .body("findAll { it.subject == 'SUBMISSION' && it.id == " + accepted + " }.state", contains("MET", "MET"));
        given().auth().oauth2(VotingFixtures.rep(leader)).queryParam("year", YEAR).get("/api/awards/deadlines").then().statusCode(200)
                .body("subject", not(hasItem("SUBMISSION"))).body("unitCode", everyItem(equalTo(leader)));

        // a late or malformed answer, or one to a submission in the wrong state, is refused and changes nothing
        given().auth().oauth2(PORTAL).contentType(ContentType.JSON).body(Map.of("reason", "muộn"))
                .post(SUBMISSIONS + "/" + accepted + "/returned").then().statusCode(409).body("type", containsString("illegal-transition"));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("on", "2020-01-21"))
                .post(SUBMISSIONS + "/" + accepted + "/send").then().statusCode(409);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("year", YEAR, "signedBy", "X", "signedOn", "2020-02-01"))
                .post(SUBMISSIONS).then().statusCode(400);
        assertEquals(LocalDate.parse("2020-01-21"), LocalDate.parse(given().auth().oauth2(BOARD).get(SUBMISSIONS + "/" + accepted)
                .then().extract().path("sentOn")));
    }

    private void clusterWithLeaders(long id, String code, List<String> members, List<String> leaders, long version) {
        VotingFixtures.KAFKA.sendCloudEvent("thidua.clusters.v1", Long.toString(id),
                EventSamples.clusterEvent(version == 0 ? "ClusterCreated" : "ClusterEmulationLeadersRecorded", UUID.randomUUID().toString(), id,
                        version, members, data -> {
                            data.put("code", code).put("year", YEAR);
                            var array = data.putArray("emulationLeaders");
                            leaders.forEach(array::add);
                        }));
        Awaitility.await().atMost(BOUND).until(() -> directory.find(id).map(c -> c.version() == version).orElse(false));
    }

    private static void limitsInForce() {
        for (Object[] limit : new Object[][] {{"NATIONAL_RETURN_FAULTY", 5}, {"NATIONAL_SUBMIT_TO_PM", 20}}) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", limit[0]);
            body.put("kind", "WORKING_DAYS");
            body.put("value", limit[1]);
            body.put("effectiveFrom", "2019-01-01");
            body.put("effectiveTo", "2020-12-31");
            body.put("citation", "QĐ 311/QĐ-BNV (2025)");
            body.put("tag", "V2");
            int status = given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(body).post("/api/awards/procedure-limits").statusCode();
            assertTrue(status == 201 || status == 422, "limit " + limit[0] + ": " + status);
        }
    }

    private static Map<String, Object> condition(String kind, Map<String, Object> params, String citation) {
        return Map.of("kind", kind, "params", params, "citation", citation, "tag", "V");
    }

    private static void award(String code, String name, String level, List<Map<String, Object>> eligibility, Map<String, Object> council) {
        if (given().auth().oauth2(BOARD).get("/api/awards/award-types/" + code).statusCode() != 404) {
            return;
        }
        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("name", name, "level", level, "decidingAuthority", level.equals("STATE") ? "Thủ tướng Chính phủ" : "Chủ tịch UBND tỉnh"))
                .put("/api/awards/award-types/" + code).then().statusCode(200);
        Map<String, Object> ruleSet = new LinkedHashMap<>(Map.of("legalBasis", "Luật Thi đua, khen thưởng (thử)", "legalBasisDate", "2013-11-16",
                "effectiveFrom", "2014-01-01", "eligibility", eligibility, "voting", VotingFixtures.voting(50, 50, true, "ALL_MEMBERS", true),
                "provincialChoices", List.of()));
        ruleSet.put("council", council);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(ruleSet).post("/api/awards/award-types/" + code + "/rule-sets")
                .then().statusCode(201);
    }

    private static void report(long proposal) {
        given().auth().oauth2(BOARD).contentType("application/pdf").header("X-File-Name", "bao-cao-thanh-tich.pdf").body(ProposalFixtures.REPORT)
                .put(PROPOSALS + "/" + proposal + "/files/achievement-report").then().statusCode(201);
    }

    private static void submitAndAppraise(long proposal) {
        report(proposal);
        for (String step : List.of("submit", "appraisal", "appraise")) {
            ProposalFixtures.step(BOARD, proposal, step, null).then().statusCode(200);
        }
    }

    private static Response agenda(String at, List<Long> proposals) {
        return given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("proposalIds", proposals)).post(at + "/agenda");
    }
}
