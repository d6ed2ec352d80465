package vn.thidua.awards.security;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import vn.thidua.awards.council.CouncilFixtures;
import vn.thidua.awards.proposal.ProposalFixtures;
import vn.thidua.awards.vote.VotingFixtures;
import vn.thidua.devstack.testing.InputAttacks;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;
import vn.thidua.platform.clusters.ClusterDirectory;

/**
 * Every write of awards-service against hostile input (see {@link InputAttacks}): each case is
 * refused with a 4xx problem and the award type, voting session, proposal, decisions, ledger, base salaries, working calendar and procedure limits it
 * aims at stay as they were.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "awards"))
class InputAttackIT {
    private static final Logger LOG = Logger.getLogger(InputAttackIT.class);
    private static final String BOARD = TestTokens.user("board-officer", "board");
    // a cluster-year, units and an award no other test of this service uses
    private static final long CLUSTER = 962_281;
    private static final List<String> MEMBERS = List.of("000.81.01.H56", "000.81.02.H56", "000.81.03.H56");
    private static final String AWARD = "ATK_INPUT";
    private static final int YEAR = 2031;

    @Inject
    ClusterDirectory directory;

    @Test
    void everyWriteRefusesHostileInputAndChangesNothing() {
        MEMBERS.forEach(unit -> ProposalFixtures.knownUnit(unit, "Đơn vị " + unit + " (kiểm thử tấn công)"));
        VotingFixtures.cluster(directory, CLUSTER, "ATK-IN", YEAR, MEMBERS);
        VotingFixtures.ranking(CLUSTER, "ATK-IN", YEAR, MEMBERS);
        ProposalFixtures.award(AWARD, "PROVINCIAL");
        String session = VotingFixtures.create(VotingFixtures.leadVote(CLUSTER, AWARD, Map.of("topN", 2)));
        VotingFixtures.open(session);
        long proposal = ProposalFixtures.draft(MEMBERS.get(0), AWARD, CLUSTER);
        String sessions = VotingFixtures.SESSIONS;
        // a working calendar entered before, so that a replacement needs its version
        given().auth().oauth2(BOARD).contentType("application/json").body(CALENDAR).put("/api/awards/working-calendars/" + YEAR).then()
                .statusCode(200);
        String proposals = ProposalFixtures.PROPOSALS;
        // the Council: a term with two members, a session open with one candidate (the chair present, the secretary
        // answering in writing) and one still scheduled
        String councilAward = CouncilFixtures.award("ATK_COUNCIL", "Cờ thi đua (kiểm thử tấn công)",
                CouncilFixtures.review("COUNCIL", 50, 50, true, "ALL_MEMBERS", true));
        long candidate = ProposalFixtures.appraised(MEMBERS.get(2), councilAward, CLUSTER);
        long term = CouncilFixtures.term("Hội đồng TĐKT tỉnh (kiểm thử tấn công)", "2031-06-01", "2035-12-31");
        String chair = CouncilFixtures.member(term, "Chủ tịch Kiểm Thử", "CHAIR");
        String secretary = CouncilFixtures.member(term, "Thư ký Kiểm Thử", "SECRETARY");
        String councilSession = CouncilFixtures.SESSIONS + "/" + CouncilFixtures.session(term, YEAR, "COUNCIL", "2032-01-15");
        given().auth().oauth2(BOARD).contentType("application/json").body(Map.of("proposalIds", List.of(candidate)))
                .post(councilSession + "/agenda").then().statusCode(200);
        given().auth().oauth2(BOARD).contentType("application/json").body(Map.of("present", List.of(chair), "writtenOpinions", List.of(secretary)))
                .put(councilSession + "/attendance").then().statusCode(200);
        given().auth().oauth2(BOARD).post(councilSession + "/open").then().statusCode(200);
        String scheduledCouncil = CouncilFixtures.SESSIONS + "/" + CouncilFixtures.session(term, YEAR, "COUNCIL", "2032-01-20");

        int cases = InputAttacks.assertRefused(() -> state(session, proposal) + "\n" + councilState(term, councilSession, scheduledCouncil),
                InputAttacks.json("PUT", "/api/awards/award-types/" + AWARD, BOARD, """
                        {"name":"Cờ thi đua của UBND tỉnh","level":"PROVINCIAL","decidingAuthority":"Chủ tịch UBND tỉnh","kind":"MERIT"}""")
                        .header("If-Match", "\"0\"")
                        .texts("/name", "/level", "/decidingAuthority", "/kind"),
                InputAttacks.json("POST", "/api/awards/award-types/" + AWARD + "/rule-sets", BOARD, """
                        {"legalBasis":"Nghị định 98/2023/NĐ-CP","legalBasisDate":"2023-12-31","legalBasisTag":"V","effectiveFrom":"2031-01-01",
                         "transition":"DOSSIER_RECEIVED_ON","transitionTag":"?","cashMultiple":1.5,"cashCitation":"Điều 49","cashTag":"V2",
                         "eligibility":[{"kind":"LEADS_CLUSTER","value":null,"awardTypeCode":null},
                                        {"any":[{"kind":"RANKS_WITHIN","params":{"n":3},"citation":"Điều 4","tag":"V2"}]}],
                         "voting":{"secret":true,"quorumPercent":50,"thresholdPercent":50,"strictlyAbove":true,"basis":"ALL_MEMBERS",
                                   "runoffAllowed":true},
                         "provincialChoices":["voting.thresholdPercent"]}""")
                        .texts("/legalBasis", "/legalBasisDate", "/effectiveFrom", "/eligibility/0/kind", "/eligibility/0/awardTypeCode",
                                "/voting/basis", "/provincialChoices/0", "/legalBasisTag", "/transition", "/transitionTag", "/cashCitation",
                                "/cashTag", "/eligibility/1/any/0/kind", "/eligibility/1/any/0/citation", "/eligibility/1/any/0/tag",
                                "/eligibility/1/any/0/params/n")
                        .numbers("/eligibility/0/value", "/voting/quorumPercent", "/voting/thresholdPercent", "/cashMultiple",
                                "/eligibility/1/any/0/params/n"),
                InputAttacks.json("POST", sessions, BOARD, """
                        {"clusterId":%d,"purpose":"LEAD_AND_PROPOSE","awardTypeCode":"%s","topN":2,"opensAt":"%s","closesAt":"%s"}"""
                        .formatted(CLUSTER, AWARD, VotingFixtures.local(-1), VotingFixtures.local(120)))
                        .texts("/purpose", "/awardTypeCode", "/votingRulesOf", "/opensAt", "/closesAt", "/nominees")
                        .numbers("/clusterId", "/topN", "/places", "/leadsYear"),
                InputAttacks.json("POST", sessions + "/" + session + "/ballots", VotingFixtures.rep(MEMBERS.get(1)), """
                        {"choices":{"LEAD":{"%s":"FOR"}}}""".formatted(MEMBERS.get(0)))
                        .texts("/choices/LEAD/" + MEMBERS.get(0))
                        .keys("/choices", "/choices/LEAD"),
                InputAttacks.json("POST", sessions + "/" + session + "/receipts/check", VotingFixtures.rep(MEMBERS.get(1)), """
                        {"receipt":"%s"}""".formatted("0".repeat(64)))
                        .texts("/receipt"),
                InputAttacks.json("POST", sessions + "/" + session + "/runoff", BOARD, """
                        {"opensAt":"%s","closesAt":"%s"}""".formatted(VotingFixtures.local(10), VotingFixtures.local(60)))
                        .texts("/opensAt", "/closesAt"),
                InputAttacks.json("POST", proposals, BOARD, """
                        {"unitCode":"%s","awardTypeCode":"%s","clusterId":%d}""".formatted(MEMBERS.get(1), AWARD, CLUSTER))
                        .texts("/unitCode", "/awardTypeCode", "/votingSessionId")
                        .numbers("/clusterId"),
                InputAttacks.json("POST", proposals + "/" + proposal + "/return", BOARD, reason())
                        .texts("/reason", "/legalGround"),
                InputAttacks.json("POST", proposals + "/" + proposal + "/reject", BOARD, reason())
                        .texts("/reason", "/legalGround"),
                InputAttacks.json("POST", proposals + "/" + proposal + "/revoke", BOARD, reason())
                        .texts("/reason", "/legalGround"),
                InputAttacks.file("PUT", proposals + "/" + proposal + "/files/achievement-report", BOARD, "application/pdf")
                        .fileName("X-File-Name"),
                InputAttacks.file("POST", proposals + "/" + proposal + "/files", BOARD, "application/pdf")
                        .fileName("X-File-Name"),
                InputAttacks.json("POST", "/api/awards/decisions", BOARD, """
                        {"number":"101/QĐ-UBND","date":"2032-01-20","authority":"Chủ tịch UBND tỉnh","awardTypeCode":"%s","year":%d,
                         "units":["%s"]}""".formatted(AWARD, YEAR, MEMBERS.get(0)))
                        .texts("/number", "/date", "/authority", "/awardTypeCode", "/units/0")
                        .numbers("/year"),
                InputAttacks.file("POST", "/api/awards/ledger/import", BOARD, "text/csv"),
                InputAttacks.file("POST", "/api/awards/proceedings/import", BOARD, "text/csv"),
                InputAttacks.json("PUT", "/api/awards/base-salaries/2031-01-01", BOARD, """
                        {"amount":2530000,"legalBasis":"Nghị định 161/2026/NĐ-CP","tag":"V2"}""")
                        .texts("/legalBasis", "/tag")
                        .numbers("/amount"),
                InputAttacks.json("POST", CouncilFixtures.TERMS, BOARD, """
                        {"name":"Hội đồng TĐKT tỉnh nhiệm kỳ 2036–2040","servesFrom":"2036-01-01","servesTo":"2040-12-31",
                         "decisionNumber":"Quyết định số 1/QĐ-UBND","decisionDate":"2035-12-20"}""")
                        .texts("/name", "/servesFrom", "/servesTo", "/decisionNumber", "/decisionDate"),
                InputAttacks.json("POST", CouncilFixtures.TERMS + "/" + term + "/members", BOARD, """
                        {"fullName":"Nguyễn Thị Ánh","position":"Giám đốc Sở Nội vụ","role":"VICE_CHAIR"}""")
                        .texts("/fullName", "/position", "/role"),
                InputAttacks.json("POST", CouncilFixtures.SESSIONS, BOARD, """
                        {"year":%d,"termId":%d,"body":"COUNCIL","heldOn":"2032-02-01","place":"Trụ sở UBND tỉnh"}""".formatted(YEAR, term))
                        .texts("/body", "/heldOn", "/place")
                        .numbers("/year", "/termId"),
                InputAttacks.json("POST", scheduledCouncil + "/agenda", BOARD, """
                        {"proposalIds":[%d]}""".formatted(candidate))
                        .numbers("/proposalIds/0"),
                InputAttacks.json("PUT", scheduledCouncil + "/attendance", BOARD, """
                        {"present":["%s"],"writtenOpinions":["%s"]}""".formatted(chair, secretary))
                        .texts("/present/0", "/writtenOpinions/0"),
                InputAttacks.json("POST", councilSession + "/ballots", CouncilFixtures.token(chair), """
                        {"choices":{"%d":"FOR"}}""".formatted(candidate))
                        .texts("/choices/" + candidate)
                        .keys("/choices"),
                InputAttacks.json("POST", councilSession + "/ballots", BOARD, """
                        {"member":"%s","choices":{"%d":"FOR"}}""".formatted(secretary, candidate))
                        .texts("/member", "/choices/" + candidate)
                        .keys("/choices"),
                InputAttacks.json("PUT", "/api/awards/working-calendars/" + YEAR, BOARD, CALENDAR)
                        .header("If-Match", "\"0\"")
                        .texts("/weekendDays/0", "/days/0/date", "/days/0/kind", "/days/0/name", "/citation", "/tag"),
                InputAttacks.json("PUT", "/api/awards/quota-base/" + YEAR + "/leaders-outside", BOARD, """
                        {"count":2,"note":"Khối doanh nghiệp (chấm trên giấy)"}""")
                        .texts("/note")
                        .numbers("/count"),
                InputAttacks.json("POST", "/api/awards/submissions", BOARD, """
                        {"year":%d,"number":"15/TTr-UBND","signedBy":"Chủ tịch UBND tỉnh","signedOn":"2032-01-15"}""".formatted(YEAR))
                        .texts("/number", "/signedBy", "/signedOn")
                        .numbers("/year"),
                InputAttacks.json("POST", "/api/awards/submissions/1/returned", BOARD, """
                        {"reason":"Thiếu báo cáo thành tích","on":"2032-01-20"}""")
                        .texts("/reason", "/on"),
                InputAttacks.json("POST", "/api/awards/submissions/1/accepted", BOARD, """
                        {"reference":"BNV-2032-1","on":"2032-01-20"}""")
                        .texts("/reference", "/on"),
                InputAttacks.json("POST", "/api/awards/procedure-limits", BOARD, """
                        {"code":"ATK_LIMIT","kind":"WORKING_DAYS","value":5,"effectiveFrom":"2031-01-01","citation":"QĐ 311/QĐ-BNV","tag":"V2"}""")
                        .texts("/code", "/kind", "/value", "/effectiveFrom", "/citation", "/tag")
                        .numbers("/value"));
        LOG.infof("awards-service: %d input attacks on 28 writes, all refused", cases);
    }

    private static final String CALENDAR = """
            {"weekendDays":["SATURDAY","SUNDAY"],"days":[{"date":"2031-01-01","kind":"HOLIDAY","name":"Tết Dương lịch"}],
             "citation":"Thông báo thử","tag":"M"}""";

    private static String reason() {
        return """
                {"reason":"Hồ sơ thiếu biên bản họp xét; đề nghị bổ sung","legalGround":"Khoản 2 Điều 84 Luật Thi đua, khen thưởng 2022"}""";
    }

    private static String state(String session, long proposal) {
        String proposals = ProposalFixtures.PROPOSALS;
        return String.join("\n",
                read("/api/awards/award-types/" + AWARD),
                read("/api/awards/award-types/" + AWARD + "/rule-sets"),
                read(VotingFixtures.SESSIONS + "?year=" + YEAR + "&clusterId=" + CLUSTER),
                read(VotingFixtures.SESSIONS + "/" + session + "/attendance"),
                read(VotingFixtures.SESSIONS + "/" + session),
                read(proposals + "?year=" + YEAR + "&clusterId=" + CLUSTER),
                read(proposals + "/" + proposal + "/history"),
                read(proposals + "/" + proposal + "/files"),
                read("/api/awards/decisions?year=" + YEAR),
                read("/api/awards/ledger?unitCode=" + MEMBERS.get(0)),
                read("/api/awards/base-salaries"),
                read("/api/awards/working-calendars/" + YEAR),
                read("/api/awards/procedure-limits?code=ATK_LIMIT"),
                read("/api/awards/quota-base/" + YEAR),
                read("/api/awards/submissions?year=" + YEAR),
                read("/api/awards/units/" + MEMBERS.get(0) + "/proceedings"));
    }

    private static String councilState(long term, String open, String scheduled) {
        return String.join("\n",
                read(CouncilFixtures.TERMS),
                read(CouncilFixtures.TERMS + "/" + term + "/members"),
                read(CouncilFixtures.SESSIONS + "?year=" + YEAR),
                read(open),
                read(scheduled));
    }

    private static String read(String path) {
        return given().auth().oauth2(BOARD).get(path).then().statusCode(200).extract().asString();
    }
}
