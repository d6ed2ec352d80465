package vn.thidua.awards.security;

import static vn.thidua.devstack.testing.ObjectLevelAttacks.FORBIDDEN;
import static vn.thidua.devstack.testing.ObjectLevelAttacks.HIDDEN;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.thidua.awards.council.CouncilFixtures;
import vn.thidua.awards.proposal.ProposalFixtures;
import vn.thidua.awards.vote.VotingFixtures;
import vn.thidua.devstack.testing.ObjectLevelAttacks;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;
import vn.thidua.platform.clusters.ClusterDirectory;

/**
 * Object-level authorization of awards-service: the representative of unit A, and the leader of A's
 * cluster-year, name B's proposals, dossier files, deliveries, decisions (and their payment lists), ledger, and the voting
 * sessions of B's cluster-year, in the path or in the body. Proposals, decisions and sessions the
 * caller may not read answer 404, as if they did not exist; steps only the Board (or the portal) takes
 * answer 403 to anyone else whatever the id; a unit's ledger named by its code answers 403
 * (docs/access/README.md). Lists and exports do not show B's things, and the Board sees that nothing
 * changed.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "awards"))
class ObjectLevelAttackIT {
    private static final String BOARD = TestTokens.user("board-officer", "board");
    private static final int YEAR = 2016;
    private static final long CLUSTER_A = 966_601;
    private static final long CLUSTER_B = 966_602;
    private static final List<String> UNITS_A = VotingFixtures.units("066.66", 2);
    // three units: a published vote of fewer than three ballots elects nobody and shows no count (ballot secrecy)
    private static final List<String> UNITS_B = VotingFixtures.units("066.67", 3);
    private static final String A = UNITS_A.get(0);
    private static final String B = UNITS_B.get(0);
    private static final String B_PEER = UNITS_B.get(1);
    private static final String PROPOSALS = ProposalFixtures.PROPOSALS;
    private static final String SESSIONS = VotingFixtures.SESSIONS;
    private static final String DELIVERIES = "/api/awards/portal/deliveries";

    @Inject
    ClusterDirectory directory;

    @Test
    void anotherUnitsAndAnotherClustersAwardsAreOutOfReach() {
        ObjectLevelAttacks attacks = new ObjectLevelAttacks("awards-service", BOARD);
        VotingFixtures.cluster(directory, CLUSTER_A, "CUM-OLA-A", YEAR, UNITS_A, A);
        VotingFixtures.cluster(directory, CLUSTER_B, "CUM-OLA-B", YEAR, UNITS_B, B);
        VotingFixtures.ranking(CLUSTER_B, "CUM-OLA-B", YEAR, UNITS_B);
        String award = ProposalFixtures.award("TEST_OLA", "PROVINCIAL");
        String leadAward = VotingFixtures.awardWithRules("TEST_OLA_VOTE", VotingFixtures.voting(50, 50, false, "ALL_MEMBERS", false));

        // B's things: a draft with its report, B's cluster-mate's appraised proposal (delivered to the portal) and its decision
        long draftOfB = ProposalFixtures.draft(B, award, CLUSTER_B);
        attacks.asBoard().contentType("application/pdf").header("X-File-Name", "bao-cao.pdf").body(ProposalFixtures.REPORT)
                .put(PROPOSALS + "/" + draftOfB + "/files/achievement-report").then().statusCode(201);
        long fileOfB = attacks.asBoard().get(PROPOSALS + "/" + draftOfB + "/files").then().statusCode(200).extract().jsonPath().getLong("[0].id");
        long decidedOfB = ProposalFixtures.appraised(B_PEER, award, CLUSTER_B);
        long deliveryOfB = attacks.asBoard().queryParam("proposalId", decidedOfB).get(DELIVERIES).then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        long decisionOfB = attacks.asBoard().contentType(ContentType.JSON).body(Map.of("number", "66/QĐ-OLA", "date", "2017-01-20",
                        "awardTypeCode", award, "year", YEAR, "units", List.of(B_PEER)))
                .post("/api/awards/decisions").then().statusCode(201).extract().jsonPath().getLong("id");
        // B's cluster votes: one session published (with its minutes), one still open
        String published = VotingFixtures.create(VotingFixtures.leadVote(CLUSTER_B, leadAward, Map.of("topN", 2)));
        VotingFixtures.open(published);
        String receipt = VotingFixtures.vote(published, B, VotingFixtures.leadFor(B));
        VotingFixtures.vote(published, B_PEER, VotingFixtures.leadFor(B));
        VotingFixtures.vote(published, UNITS_B.get(2), VotingFixtures.leadFor(B));
        attacks.asBoard().post(SESSIONS + "/" + published + "/close").then().statusCode(200);
        attacks.asBoard().post(SESSIONS + "/" + published + "/publish").then().statusCode(200);
        String open = VotingFixtures.create(VotingFixtures.leadVote(CLUSTER_B, leadAward, Map.of("topN", 2)));
        VotingFixtures.open(open);

        // what the Board knows of B: an open proceeding, a yearly rating, a finding on B's draft
        String proceedingsOfB = "/api/awards/units/" + B + "/proceedings";
        long proceedingOfB = attacks.asBoard().contentType(ContentType.JSON).body(Map.of("kind", "INSPECTION", "openedOn", "2016-11-02",
                "source", "Thanh tra tỉnh")).post(proceedingsOfB).then().statusCode(201).extract().jsonPath().getLong("id");
        String ratingsOfB = "/api/awards/units/" + B + "/ratings";
        ProposalFixtures.knownUnit(B, "Đơn vị B (kiểm thử tấn công)");
        attacks.asBoard().contentType(ContentType.JSON).body(Map.of("rating", "HTXSNV", "source", "QĐ 1/QĐ-OLA"))
                .put(ratingsOfB + "/" + (YEAR - 1)).then().statusCode(200);
        attacks.asBoard().contentType(ContentType.JSON).body(Map.of("holds", true, "basis", "Báo cáo phong trào"))
                .put(PROPOSALS + "/" + draftOfB + "/attestations/PHONG_TRAO").then().statusCode(200);

        // the Council: a term, a member, a scheduled session
        String terms = CouncilFixtures.TERMS;
        long term = CouncilFixtures.term("Hội đồng TĐKT tỉnh (kiểm thử truy cập)", "2016-06-01", "2020-12-31");
        String chair = CouncilFixtures.member(term, "Chủ tịch Kiểm Thử", "CHAIR");
        String councilSession = CouncilFixtures.SESSIONS + "/" + CouncilFixtures.session(term, YEAR, "COUNCIL", "2017-01-10");

        // the year-end dossiers are due, so the deadlines of the year list every proposal to the Board
        Map<String, Object> yearEnd = new LinkedHashMap<>(Map.of("code", "YEAR_END_DOSSIER_DUE", "kind", "DAY_OF_YEAR", "value", "12-10",
                "effectiveFrom", YEAR + "-01-01", "citation", "QĐ 86/2025/QĐ-UBND (kiểm thử)", "tag", "V2"));
        yearEnd.put("effectiveTo", YEAR + "-12-31");
        attacks.asBoard().contentType(ContentType.JSON).body(yearEnd).post("/api/awards/procedure-limits");
        attacks.asBoard().queryParam("year", YEAR).get("/api/awards/deadlines").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItems((int) draftOfB, (int) decidedOfB));

        String draft = PROPOSALS + "/" + draftOfB;
        attacks.watch("the quota's base of " + YEAR, "/api/awards/quota-base/" + YEAR)
                .watch("the province's submissions", () -> attacks.asBoard().get("/api/awards/submissions").jsonPath().getList("id").toString())
                .watch("the Council's terms", terms)
                .watch("the Council's members", terms + "/" + term + "/members")
                .watch("the Council's session", councilSession)
                .watch("B's proceedings", proceedingsOfB)
                .watch("B's ratings", ratingsOfB)
                .watch("the findings on B's draft", draft + "/attestations")
                .watch("B's draft", draft)
                .watch("B's draft's history", draft + "/history")
                .watch("B's draft's files", draft + "/files")
                .watch("B's cluster-mate's proposal", PROPOSALS + "/" + decidedOfB)
                .watch("the proposals of " + YEAR, () -> attacks.asBoard().queryParam("year", YEAR).get(PROPOSALS).jsonPath().getList("id").toString())
                .watch("the deliveries of B's cluster-mate's proposal",
                        () -> attacks.asBoard().queryParam("proposalId", decidedOfB).get(DELIVERIES).jsonPath().getString("total"))
                .watch("the decision naming B's cluster-mate", "/api/awards/decisions/" + decisionOfB)
                .watch("the base salaries", "/api/awards/base-salaries")
                .watch("the decisions of " + YEAR, () -> attacks.asBoard().queryParam("year", YEAR).get("/api/awards/decisions").jsonPath().getList("id").toString())
                .watch("B's cluster-mate's ledger", "/api/awards/ledger?unitCode=" + B_PEER)
                .watch("B's published session", SESSIONS + "/" + published)
                .watch("B's open session's attendance", SESSIONS + "/" + open + "/attendance")
                .watch("the sessions of " + YEAR, () -> attacks.asBoard().queryParam("year", YEAR).get(SESSIONS).jsonPath().getList("id").toString());

        Map<String, String> attackers = new LinkedHashMap<>();
        attackers.put("unit-rep of A", ObjectLevelAttacks.unitRep(A));
        attackers.put("cluster-leader of A's cluster", ObjectLevelAttacks.clusterLeader(A));
        attackers.forEach((who, token) -> {
            attacks.allowed(who + " reads the sessions of " + YEAR, token, 200, r -> r.queryParam("year", YEAR).get(SESSIONS));

            String proposal = "proposal";
            attacks.refused(proposal, who, token, HIDDEN, "GET /api/awards/proposals/{id}", r -> r.get(draft))
                    .refused(proposal, who, token, HIDDEN, "GET /api/awards/proposals/{id}/eligibility", r -> r.get(draft + "/eligibility"))
                    .refused(proposal, who, token, HIDDEN, "GET /api/awards/proposals/{id}/history", r -> r.get(draft + "/history"))
                    .refused(proposal, who, token, HIDDEN, "GET /api/awards/proposals/{id}/cover-submission", r -> r.get(draft + "/cover-submission"))
                    .refused(proposal, who, token, HIDDEN, "POST /api/awards/proposals/{id}/submit", r -> r.post(draft + "/submit"))
                    .refused(proposal, who, token, HIDDEN, "POST /api/awards/proposals/{id}/rework", r -> r.post(draft + "/rework"))
                    .refused(proposal, who, token, FORBIDDEN, "POST /api/awards/proposals/{id}/return",
                            r -> r.contentType(ContentType.JSON).body(Map.of("reason", "trả lại")).post(draft + "/return"))
                    .refused(proposal, who, token, FORBIDDEN, "POST /api/awards/proposals/{id}/appraisal", r -> r.post(draft + "/appraisal"))
                    .refused(proposal, who, token, FORBIDDEN, "POST /api/awards/proposals/{id}/appraise", r -> r.post(draft + "/appraise"))
                    .refused(proposal, who, token, FORBIDDEN, "POST /api/awards/proposals/{id}/forward", r -> r.post(draft + "/forward"))
                    .refused(proposal, who, token, FORBIDDEN, "POST /api/awards/proposals/{id}/reject",
                            r -> r.contentType(ContentType.JSON).body(Map.of("reason", "bác")).post(draft + "/reject"))
                    .refused(proposal, who, token, FORBIDDEN, "POST /api/awards/proposals/{id}/revoke", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("reason", "thu hồi", "legalGround", "Điều 1")).post(PROPOSALS + "/" + decidedOfB + "/revoke"))
                    .refused(proposal, who + " (B and B's cluster in the body)", token, FORBIDDEN, "POST /api/awards/proposals",
                            r -> r.contentType(ContentType.JSON).body(Map.of("unitCode", B, "awardTypeCode", award, "clusterId", CLUSTER_B))
                                    .post(PROPOSALS))
                    .refused(proposal, who + " (B's cluster's vote in the body)", token, FORBIDDEN, "POST /api/awards/proposals",
                            r -> r.contentType(ContentType.JSON).body(Map.of("votingSessionId", published)).post(PROPOSALS))
                    // no oracle: whether a unit is in B's cluster, whether a cluster or a vote exists, is not told to those who may not propose there
                    .refused(proposal, who + " (A, not a member, and B's cluster in the body)", token, FORBIDDEN, "POST /api/awards/proposals",
                            r -> r.contentType(ContentType.JSON).body(Map.of("unitCode", A, "awardTypeCode", award, "clusterId", CLUSTER_B))
                                    .post(PROPOSALS))
                    .refused(proposal, who + " (a cluster that does not exist)", token, FORBIDDEN, "POST /api/awards/proposals",
                            r -> r.contentType(ContentType.JSON).body(Map.of("unitCode", B, "awardTypeCode", award, "clusterId", 999_999_999))
                                    .post(PROPOSALS))
                    .refused(proposal, who + " (a vote that does not exist)", token, FORBIDDEN, "POST /api/awards/proposals",
                            r -> r.contentType(ContentType.JSON).body(Map.of("votingSessionId", "6f1c2a3e-0000-4000-8000-000000000000")).post(PROPOSALS))
                    .listHides(proposal, who, token, "GET /api/awards/proposals", r -> r.queryParam("year", YEAR).get(PROPOSALS), "id",
                            draftOfB, decidedOfB)
                    .listHides(proposal, who + " (B's cluster named)", token, "GET /api/awards/proposals",
                            r -> r.queryParam("year", YEAR).queryParam("clusterId", CLUSTER_B).get(PROPOSALS), "id", draftOfB, decidedOfB)
                    .downloadHides(proposal, who, token, "GET /api/awards/proposals/export",
                            r -> r.queryParam("year", YEAR).get(PROPOSALS + "/export"), ObjectLevelAttackIT::cells, B, B_PEER);

            String dossier = "dossier file";
            attacks.refused(dossier, who, token, HIDDEN, "GET /api/awards/proposals/{id}/files", r -> r.get(draft + "/files"))
                    .refused(dossier, who, token, HIDDEN, "GET /api/awards/proposals/{id}/files/{fileId}", r -> r.get(draft + "/files/" + fileOfB))
                    .refused(dossier, who, token, HIDDEN, "PUT /api/awards/proposals/{id}/files/achievement-report", r -> r.contentType("application/pdf")
                            .header("X-File-Name", "gia-mao.pdf").body(ProposalFixtures.REPORT).put(draft + "/files/achievement-report"))
                    .refused(dossier, who, token, HIDDEN, "POST /api/awards/proposals/{id}/files", r -> r.contentType("application/pdf")
                            .header("X-File-Name", "gia-mao.pdf").body(ProposalFixtures.REPORT).post(draft + "/files"));

            String facts = "what the Board knows of a unit";
            attacks.refused(facts, who, token, FORBIDDEN, "GET /api/awards/units/{code}/proceedings", r -> r.get(proceedingsOfB))
                    .refused(facts, who, token, FORBIDDEN, "POST /api/awards/units/{code}/proceedings", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("kind", "COMPLAINT", "openedOn", "2016-12-01", "source", "Đơn tố cáo giả mạo")).post(proceedingsOfB))
                    .refused(facts, who, token, FORBIDDEN, "POST /api/awards/units/{code}/proceedings/{id}/close", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("closedOn", "2016-12-02", "source", "Giả mạo")).post(proceedingsOfB + "/" + proceedingOfB + "/close"))
                    .refused(facts, who, token, FORBIDDEN, "GET /api/awards/units/{code}/ratings", r -> r.get(ratingsOfB))
                    .refused(facts, who, token, FORBIDDEN, "PUT /api/awards/units/{code}/ratings/{year}", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("rating", "KHTNV", "source", "Giả mạo")).put(ratingsOfB + "/" + (YEAR - 1)))
                    .refused(facts, who, token, HIDDEN, "GET /api/awards/proposals/{id}/attestations", r -> r.get(draft + "/attestations"))
                    .refused(facts, who, token, FORBIDDEN, "PUT /api/awards/proposals/{id}/attestations/{key}", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("holds", false, "basis", "Giả mạo")).put(draft + "/attestations/PHONG_TRAO"));

            String delivery = "portal delivery";
            attacks.refused(delivery, who, token, HIDDEN, "GET /api/awards/portal/deliveries/{id}", r -> r.get(DELIVERIES + "/" + deliveryOfB))
                    .refused(delivery, who + " (B's proposal named)", token, HIDDEN, "GET /api/awards/portal/deliveries",
                            r -> r.queryParam("proposalId", decidedOfB).get(DELIVERIES))
                    .listHides(delivery, who, token, "GET /api/awards/portal/deliveries", r -> r.get(DELIVERIES), "items.id", deliveryOfB)
                    .refused(delivery, who, token, FORBIDDEN, "POST /api/awards/portal/deliveries/{id}/retry", r -> r.post(DELIVERIES + "/" + deliveryOfB + "/retry"));

            String decision = "decision";
            attacks.refused(decision, who, token, HIDDEN, "GET /api/awards/decisions/{id}", r -> r.get("/api/awards/decisions/" + decisionOfB))
                    .refused(decision, who, token, HIDDEN, "GET /api/awards/decisions/{id}/payments",
                            r -> r.queryParam("format", "csv").get("/api/awards/decisions/" + decisionOfB + "/payments"))
                    .listHides(decision, who, token, "GET /api/awards/decisions", r -> r.queryParam("year", YEAR).get("/api/awards/decisions"), "id",
                            decisionOfB)
                    .refused(decision, who + " (B in the body)", token, FORBIDDEN, "POST /api/awards/decisions", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("number", "67/QĐ-OLA", "date", "2017-01-21", "awardTypeCode", award, "year", YEAR, "units", List.of(B)))
                            .post("/api/awards/decisions"))
                    // the base salary is the whole province's: set by the Board alone, whoever asks
                    .refused(decision, who, token, FORBIDDEN, "PUT /api/awards/base-salaries/{effectiveFrom}", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("amount", 9_990_000, "legalBasis", "Nghị định giả mạo")).put("/api/awards/base-salaries/2026-07-01"));

            String ledger = "award history (ledger)";
            attacks.refused(ledger, who, token, FORBIDDEN, "GET /api/awards/ledger", r -> r.queryParam("unitCode", B_PEER).get("/api/awards/ledger"))
                    .listHides(ledger, who + " (no unit named)", token, "GET /api/awards/ledger", r -> r.get("/api/awards/ledger"), "items.unitCode", B_PEER)
                    .refused(ledger, who, token, FORBIDDEN, "GET /api/awards/ledger/streak", r -> r.queryParam("unitCode", B_PEER)
                            .queryParam("awardTypeCode", award).queryParam("years", 1).queryParam("until", YEAR).get("/api/awards/ledger/streak"))
                    .refused(ledger, who + " (B's row in the file)", token, FORBIDDEN, "POST /api/awards/ledger/import", r -> r.contentType("text/csv")
                            .body(("unit_code,award_type_code,year,decision_number,decision_date,deciding_authority\n" + B + "," + award
                                    + ",2015,1/QĐ,2015-12-01,Chủ tịch UBND tỉnh\n").getBytes(StandardCharsets.UTF_8)).post("/api/awards/ledger/import"));

            String province = "the province's path (deadlines, quota, submissions)";
            attacks.listHides(province, who, token, "GET /api/awards/deadlines", r -> r.queryParam("year", YEAR).get("/api/awards/deadlines"), "id",
                            draftOfB, decidedOfB)
                    .refused(province, who, token, FORBIDDEN, "GET /api/awards/quota-base/{year}", r -> r.get("/api/awards/quota-base/" + YEAR))
                    .refused(province, who, token, FORBIDDEN, "PUT /api/awards/quota-base/{year}/leaders-outside", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("count", 99, "note", "Giả mạo")).put("/api/awards/quota-base/" + YEAR + "/leaders-outside"))
                    .refused(province, who, token, FORBIDDEN, "GET /api/awards/submissions", r -> r.get("/api/awards/submissions"))
                    .refused(province, who, token, FORBIDDEN, "POST /api/awards/submissions", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("year", YEAR, "number", "1/TTr-GIA", "signedBy", "Giả mạo", "signedOn", "2017-01-05"))
                            .post("/api/awards/submissions"))
                    .refused(province, who, token, FORBIDDEN, "GET /api/awards/submissions/{id}", r -> r.get("/api/awards/submissions/1"))
                    .refused(province, who, token, FORBIDDEN, "GET /api/awards/submissions/{id}/document", r -> r.get("/api/awards/submissions/1/document"))
                    .refused(province, who, token, FORBIDDEN, "POST /api/awards/submissions/{id}/send", r -> r.contentType(ContentType.JSON)
                            .body(Map.of()).post("/api/awards/submissions/1/send"))
                    .refused(province, who, token, FORBIDDEN, "POST /api/awards/submissions/{id}/returned", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("reason", "Giả mạo")).post("/api/awards/submissions/1/returned"))
                    .refused(province, who, token, FORBIDDEN, "POST /api/awards/submissions/{id}/accepted", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("reference", "Giả mạo")).post("/api/awards/submissions/1/accepted"));

            String session = "voting session";
            String pub = SESSIONS + "/" + published;
            attacks.refused(session, who, token, HIDDEN, "GET /api/awards/voting-sessions/{id}", r -> r.get(pub))
                    .refused(session, who, token, HIDDEN, "GET /api/awards/voting-sessions/{id}/attendance", r -> r.get(pub + "/attendance"))
                    .refused(session, who, token, HIDDEN, "GET /api/awards/voting-sessions/{id}/receipts", r -> r.get(pub + "/receipts"))
                    .refused(session, who, token, HIDDEN, "POST /api/awards/voting-sessions/{id}/receipts/check", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("receipt", receipt)).post(pub + "/receipts/check"))
                    .refused(session, who, token, HIDDEN, "GET /api/awards/voting-sessions/{id}/minutes", r -> r.get(pub + "/minutes"))
                    // only a unit-rep casts a ballot: anyone else is refused by role (403) whatever the session
                    .refused(session, who, token, who.startsWith("unit-rep") ? HIDDEN : FORBIDDEN, "POST /api/awards/voting-sessions/{id}/ballots",
                            r -> r.contentType(ContentType.JSON)
                            .body(Map.of("choices", VotingFixtures.leadFor(B_PEER))).post(SESSIONS + "/" + open + "/ballots"))
                    .refused(session, who, token, FORBIDDEN, "POST /api/awards/voting-sessions/{id}/open", r -> r.post(SESSIONS + "/" + open + "/open"))
                    .refused(session, who, token, FORBIDDEN, "POST /api/awards/voting-sessions/{id}/close", r -> r.post(SESSIONS + "/" + open + "/close"))
                    .refused(session, who, token, FORBIDDEN, "POST /api/awards/voting-sessions/{id}/publish", r -> r.post(pub + "/publish"))
                    .refused(session, who, token, FORBIDDEN, "POST /api/awards/voting-sessions/{id}/runoff", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("opensAt", VotingFixtures.local(1), "closesAt", VotingFixtures.local(60))).post(pub + "/runoff"))
                    .refused(session, who + " (B's cluster in the body)", token, FORBIDDEN, "POST /api/awards/voting-sessions",
                            r -> r.contentType(ContentType.JSON).body(VotingFixtures.leadVote(CLUSTER_B, leadAward, Map.of("topN", 2))).post(SESSIONS))
                    .listHides(session, who, token, "GET /api/awards/voting-sessions", r -> r.queryParam("year", YEAR).get(SESSIONS), "id", published, open)
                    .listHides(session, who + " (B's cluster named)", token, "GET /api/awards/voting-sessions",
                            r -> r.queryParam("year", YEAR).queryParam("clusterId", CLUSTER_B).get(SESSIONS), "id", published, open);

            // the Council is none of a unit's business: refused by role, whatever the id
            String council = "Council";
            attacks.refused(council, who, token, FORBIDDEN, "GET /api/awards/council-terms", r -> r.get(terms))
                    .refused(council, who, token, FORBIDDEN, "POST /api/awards/council-terms", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("name", "Giả mạo", "servesFrom", "2016-01-01", "servesTo", "2020-12-31", "decisionNumber", "1/QĐ",
                                    "decisionDate", "2016-01-01")).post(terms))
                    .refused(council, who, token, FORBIDDEN, "GET /api/awards/council-terms/{id}/members", r -> r.get(terms + "/" + term + "/members"))
                    .refused(council, who, token, FORBIDDEN, "POST /api/awards/council-terms/{id}/members", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("fullName", "Giả Mạo", "role", "CHAIR")).post(terms + "/" + term + "/members"))
                    .refused(council, who, token, FORBIDDEN, "GET /api/awards/council-sessions",
                            r -> r.queryParam("year", YEAR).get(CouncilFixtures.SESSIONS))
                    .refused(council, who, token, FORBIDDEN, "POST /api/awards/council-sessions", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("year", YEAR, "termId", term, "body", "COUNCIL", "heldOn", "2017-01-11", "place", "x"))
                            .post(CouncilFixtures.SESSIONS))
                    .refused(council, who, token, FORBIDDEN, "GET /api/awards/council-sessions/{id}", r -> r.get(councilSession))
                    .refused(council, who, token, FORBIDDEN, "POST /api/awards/council-sessions/{id}/agenda", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("proposalIds", List.of(decidedOfB))).post(councilSession + "/agenda"))
                    .refused(council, who, token, FORBIDDEN, "PUT /api/awards/council-sessions/{id}/attendance", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("present", List.of(chair), "writtenOpinions", List.of())).put(councilSession + "/attendance"))
                    .refused(council, who, token, FORBIDDEN, "POST /api/awards/council-sessions/{id}/open", r -> r.post(councilSession + "/open"))
                    .refused(council, who, token, FORBIDDEN, "POST /api/awards/council-sessions/{id}/ballots", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("member", chair, "choices", Map.of(Long.toString(decidedOfB), "FOR"))).post(councilSession + "/ballots"))
                    .refused(council, who, token, FORBIDDEN, "POST /api/awards/council-sessions/{id}/close", r -> r.post(councilSession + "/close"))
                    .refused(council, who, token, FORBIDDEN, "POST /api/awards/council-sessions/{id}/publish", r -> r.post(councilSession + "/publish"))
                    .refused(council, who, token, FORBIDDEN, "GET /api/awards/council-sessions/{id}/receipts", r -> r.get(councilSession + "/receipts"))
                    .refused(council, who, token, FORBIDDEN, "GET /api/awards/council-sessions/{id}/minutes", r -> r.get(councilSession + "/minutes"));
        });

        // the portal sees proposals once they are put to the Board, never a draft: a draft's steps answer as for no proposal at all
        String portal = TestTokens.user("portal-demo", "portal");
        String absent = PROPOSALS + "/999999999";
        for (String step : List.of("/return", "/reject")) {
            attacks.refused("proposal", "the portal (B's draft)", portal, HIDDEN, "POST /api/awards/proposals/{id}" + step,
                    r -> r.contentType(ContentType.JSON).body(Map.of("reason", "trả lại")).post(draft + step));
            attacks.refused("proposal", "the portal (no such proposal)", portal, HIDDEN, "POST /api/awards/proposals/{id}" + step,
                    r -> r.contentType(ContentType.JSON).body(Map.of("reason", "trả lại")).post(absent + step));
        }
        // a decision naming B, whose proposal is a draft, is refused as for a unit with no proposal: no id, no state
        String refusal = io.restassured.RestAssured.given().auth().oauth2(portal).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("number", "67/QĐ-OLA", "date", "2017-01-21", "awardTypeCode", award, "year", YEAR, "units", List.of(B)))
                .post("/api/awards/decisions").then().statusCode(422).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(refusal.contains("has no live proposal") && !refusal.contains("Proposal " + draftOfB)
                && !refusal.contains("DRAFT"), refusal);
        attacks.assertAll();
    }

    /** The text of every cell of a spreadsheet. */
    private static String cells(byte[] xlsx) {
        StringBuilder text = new StringBuilder();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        text.append(cell.toString()).append('\t');
                    }
                    text.append('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
