package vn.thidua.awards.decision;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.thidua.awards.proposal.ProposalFixtures.status;
import static vn.thidua.awards.vote.VotingFixtures.BOARD;
import static vn.thidua.awards.vote.VotingFixtures.rep;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.thidua.awards.proposal.ProposalFixtures;
import vn.thidua.awards.vote.VotingFixtures;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;
import vn.thidua.platform.clusters.ClusterDirectory;

/** Decisions through the API: each named unit's proposal decided in one go, or nothing at all. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "awards"))
class DecisionFlowIT {
    static final String DECISIONS = "/api/awards/decisions";
    static final String PORTAL = TestTokens.user("portal-demo", "portal");
    static final String VIEWER = TestTokens.user("viewer", "viewer");

    @Inject
    ClusterDirectory directory;

    @Inject
    DataSource dataSource;

    static Map<String, Object> decision(String number, String award, List<String> units) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", number);
        body.put("date", "2017-01-20");
        body.put("awardTypeCode", award);
        body.put("year", 2016);
        body.put("units", units);
        return body;
    }

    static Response post(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(DECISIONS);
    }

    @Test
    void aProvincialDecisionDecidesEachNamedUnitsProposalAndWritesTheLedger() throws SQLException {
        String award = ProposalFixtures.award("TEST_DEC_TINH", "PROVINCIAL");
        List<String> units = VotingFixtures.units("065.01", 3);
        VotingFixtures.cluster(directory, 965_001, "CUM-D1", 2016, units);
        ProposalFixtures.knownUnit(units.get(0), "Hội Khuyến học tỉnh Thanh Hóa");
        long first = ProposalFixtures.appraised(units.get(0), award, 965_001);
        long second = ProposalFixtures.appraised(units.get(1), award, 965_001);

        // lower case and a repeated unit are forgiven; the authority is the award's when not given
        Map<String, Object> body = decision("101/QĐ-UBND", award, List.of(units.get(1), units.get(0).toLowerCase(), units.get(1)));
        Response created = post(BOARD, body);
        created.then().statusCode(201).header("Location", containsString(DECISIONS + "/"))
                .body("number", equalTo("101/QĐ-UBND")).body("authority", equalTo("Chủ tịch UBND tỉnh"))
                .body("awardName", equalTo("Cờ thi đua thử TEST_DEC_TINH")).body("year", equalTo(2016)).body("date", equalTo("2017-01-20"))
                .body("units.unitCode", contains(units.get(0), units.get(1)))
                .body("units.proposalId", contains((int) first, (int) second))
                .body("units[0].unitName", equalTo("Hội Khuyến học tỉnh Thanh Hóa")).body("recordedBy", equalTo("board-officer"));
        long id = created.jsonPath().getLong("id");
        assertEquals("DECIDED", status(first));
        assertEquals("DECIDED", status(second));
        given().auth().oauth2(BOARD).get(ProposalFixtures.PROPOSALS + "/" + first).then().body("decisionNumber", equalTo("101/QĐ-UBND"))
                .body("decisionDate", equalTo("2017-01-20"));
        given().auth().oauth2(BOARD).queryParam("unitCode", units.get(0)).queryParam("awardTypeCode", award).get("/api/awards/ledger")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].source", equalTo("DECISION"))
                .body("items[0].decisionId", equalTo((int) id)).body("items[0].proposalId", equalTo((int) first))
                .body("items[0].decisionNumber", equalTo("101/QĐ-UBND")).body("items[0].revoked", equalTo(false));

        given().auth().oauth2(VIEWER).get(DECISIONS + "/" + id).then().statusCode(200).body("units", hasSize(2));
        given().auth().oauth2(PORTAL).queryParam("year", 2016).queryParam("awardTypeCode", award).get(DECISIONS).then().statusCode(200)
                .body("id", contains((int) id));

        // the portal posts the same decision again: what was recorded, nothing more
        post(PORTAL, decision("101/QĐ-UBND", award, List.of(units.get(0), units.get(1)))).then().statusCode(200)
                .header("Location", endsWith(DECISIONS + "/" + id)).body("id", equalTo((int) id)).body("recordedBy", equalTo("board-officer"));
        assertEquals(2, count("SELECT count(*) FROM ledger_entry WHERE award_type_code = ?", award));
        assertEquals(1, count("SELECT count(*) FROM decision WHERE number = ?", "101/QĐ-UBND"));
        // the same number and authority saying something else is a conflict
        Map<String, Object> otherDate = new LinkedHashMap<>(body);
        otherDate.put("date", "2017-01-21");
        post(BOARD, otherDate).then().statusCode(409).contentType("application/problem+json").body("type", endsWith("decision-exists"));
        post(BOARD, decision("101/QĐ-UBND", award, List.of(units.get(0)))).then().statusCode(409);
        // the same number from another authority is another decision (and finds nothing left to decide)
        Map<String, Object> otherAuthority = new LinkedHashMap<>(body);
        otherAuthority.put("authority", "Giám đốc Sở Nội vụ");
        post(BOARD, otherAuthority).then().statusCode(422);

        // a unit's representative reads the decisions that name its unit, and no other
        given().auth().oauth2(rep(units.get(0))).get(DECISIONS + "/" + id).then().statusCode(200);
        given().auth().oauth2(rep(units.get(0))).queryParam("year", 2016).get(DECISIONS).then().statusCode(200).body("id", hasItem((int) id));
        given().auth().oauth2(rep(units.get(2))).get(DECISIONS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(rep(units.get(2))).get(DECISIONS).then().statusCode(200).body("id", not(hasItem((int) id)));
    }

    @Test
    void aStateLevelDecisionIsPostedByThePortalForForwardedProposalsOnly() {
        String award = ProposalFixtures.award("TEST_DEC_CP", "STATE");
        List<String> units = VotingFixtures.units("065.02", 2);
        VotingFixtures.cluster(directory, 965_002, "CUM-D2", 2016, units);
        long forwarded = ProposalFixtures.forwarded(units.get(0), award, 965_002);
        long appraised = ProposalFixtures.appraised(units.get(1), award, 965_002);

        Map<String, Object> body = decision("55/QĐ-TTg", award, List.of(units.get(0), units.get(1)));
        body.put("authority", "Thủ tướng Chính phủ");
        body.put("date", "2017-06-01");
        // appraised in the province is not enough for a state-level award: it must have been forwarded
        given().auth().oauth2(PORTAL).header("Accept-Language", "en").contentType(ContentType.JSON).body(body).post(DECISIONS).then()
                .statusCode(422).body("type", endsWith("no-decidable-proposal")).body("errors", hasSize(1))
                .body("errors[0].field", equalTo("units[1]"))
                .body("errors[0].message", equalTo("Proposal " + appraised + " of unit " + units.get(1) + " is APPRAISED; it can be decided only when FORWARDED."));
        assertEquals("FORWARDED", status(forwarded));

        body.put("units", List.of(units.get(0)));
        post(PORTAL, body).then().statusCode(201).body("authority", equalTo("Thủ tướng Chính phủ")).body("recordedBy", equalTo("portal-demo"))
                .body("units[0].proposalId", equalTo((int) forwarded));
        assertEquals("DECIDED", status(forwarded));
        given().auth().oauth2(BOARD).get(ProposalFixtures.PROPOSALS + "/" + forwarded).then().body("decidingAuthority", equalTo("Thủ tướng Chính phủ"));
    }

    @Test
    void aUnitWithoutADecidableProposalRefusesTheWholeDecisionAndNothingIsWritten() throws SQLException {
        String award = ProposalFixtures.award("TEST_DEC_REFUSE", "PROVINCIAL");
        List<String> units = VotingFixtures.units("065.03", 4);
        VotingFixtures.cluster(directory, 965_003, "CUM-D3", 2016, units);
        long appraised = ProposalFixtures.appraised(units.get(0), award, 965_003);
        long draft = ProposalFixtures.draft(units.get(1), award, 965_003);
        // the fourth holds this decision in the ledger already, imported from the paper records
        ProposalFixtures.knownUnit(units.get(3), "Hội Đông y tỉnh Thanh Hóa");
        long imported = ProposalFixtures.appraised(units.get(3), award, 965_003);
        given().auth().oauth2(BOARD).contentType("text/csv; charset=UTF-8").body("unit_code,award_type_code,year,decision_number,decision_date,deciding_authority\n"
                + units.get(3) + "," + award + ",2016,7/QĐ-UBND,2017-01-20,Chủ tịch UBND tỉnh\n").post("/api/awards/ledger/import").then()
                .statusCode(200).body("counts.CREATED", equalTo(1));

        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(decision("7/QĐ-UBND", award, units)).post(DECISIONS)
                .then().statusCode(422).contentType("application/problem+json").body("type", endsWith("no-decidable-proposal"))
                .body("errors.field", contains("units[1]", "units[2]", "units[3]"))
                .body("errors[2].message", equalTo("Sổ khen thưởng đã có quyết định số 7/QĐ-UBND cho đơn vị " + units.get(3)
                        + " (chẳng hạn nhập từ hồ sơ cũ); không ghi lần nữa."))
                .body("errors[0].message", equalTo("Đề nghị số " + draft + " của đơn vị " + units.get(1)
                        + " đang ở trạng thái DRAFT; chỉ quyết định được khi ở trạng thái APPRAISED."))
                .body("errors[1].message", equalTo("Đơn vị " + units.get(2) + " không có đề nghị TEST_DEC_REFUSE năm 2016 đang xét."));
        assertEquals("APPRAISED", status(appraised));
        assertEquals("DRAFT", status(draft));
        assertEquals("APPRAISED", status(imported));
        assertEquals(0, count("SELECT count(*) FROM ledger_entry WHERE award_type_code = ? AND source = 'DECISION'", award));
        assertEquals(0, count("SELECT count(*) FROM decision WHERE award_type_code = ?", award));
        assertEquals(0, count("SELECT count(*) FROM proposal_transition WHERE proposal_id = ? AND to_status = 'DECIDED'", appraised));

        // once only the unit that can be decided is named, the decision is recorded
        post(BOARD, decision("7/QĐ-UBND", award, List.of(units.get(0)))).then().statusCode(201);
        assertEquals(1, count("SELECT count(*) FROM ledger_entry WHERE award_type_code = ? AND source = 'DECISION'", award));
    }

    @Test
    void theSameDecisionPostedTwiceAtOnceIsRecordedOnce() throws Exception {
        String award = ProposalFixtures.award("TEST_DEC_RACE", "PROVINCIAL");
        List<String> units = VotingFixtures.units("065.05", 2);
        VotingFixtures.cluster(directory, 965_005, "CUM-D5", 2016, units);
        for (String unit : units) {
            ProposalFixtures.appraised(unit, award, 965_005);
        }
        Map<String, Object> body = decision("31/QĐ-UBND", award, units);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> post(PORTAL, body).statusCode());
            var second = pool.submit(() -> post(PORTAL, body).statusCode());
            assertEquals(java.util.Set.of(200, 201), java.util.Set.of(first.get(), second.get()));
        } finally {
            pool.shutdown();
        }
        assertEquals(1, count("SELECT count(*) FROM decision WHERE award_type_code = ?", award));
        assertEquals(2, count("SELECT count(*) FROM ledger_entry WHERE award_type_code = ? AND decision_id IS NOT NULL", award));
    }

    @Test
    void onlyTheBoardAnAdminOrThePortalRecordsAndBadInputIsRefused() {
        String award = ProposalFixtures.award("TEST_DEC_INPUT", "PROVINCIAL");
        List<String> units = VotingFixtures.units("065.04", 1);
        VotingFixtures.cluster(directory, 965_004, "CUM-D4", 2016, units);
        ProposalFixtures.appraised(units.get(0), award, 965_004);
        Map<String, Object> good = decision("9/QĐ-UBND", award, units);

        post(rep(units.get(0)), good).then().statusCode(403).contentType("application/problem+json");
        post(TestTokens.claims("leader", "cluster-leader").claim("unit", units.get(0)).sign(TestTokens.privateKey()), good).then().statusCode(403);
        post(VIEWER, good).then().statusCode(403);
        given().contentType(ContentType.JSON).body(good).post(DECISIONS).then().statusCode(401);

        given().auth().oauth2(BOARD).contentType(ContentType.JSON).post(DECISIONS).then().statusCode(400);
        post(BOARD, with(good, "number", " ")).then().statusCode(400).body("detail", containsString("number"));
        post(BOARD, with(good, "units", List.of())).then().statusCode(400);
        post(BOARD, with(good, "units", List.of("065.04.01.H56", "khong hop le!"))).then().statusCode(400)
                .body("type", endsWith("invalid-unit-code")).body("errors[0].field", equalTo("units[1]"));
        post(BOARD, with(good, "year", 1999)).then().statusCode(400);
        post(BOARD, with(good, "date", "2015-12-31")).then().statusCode(422).body("type", endsWith("decision-date-before-year"));
        post(BOARD, with(good, "date", "2999-01-01")).then().statusCode(422).body("type", endsWith("decision-date-in-future"));
        post(BOARD, with(good, "date", "20/01/2017")).then().statusCode(400);
        post(BOARD, with(good, "awardTypeCode", "NO_SUCH_AWARD")).then().statusCode(422).body("type", endsWith("award-type-not-found"));
        given().auth().oauth2(BOARD).get(DECISIONS + "/999999999").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(BOARD).queryParam("year", "last").get(DECISIONS).then().statusCode(400);

        post(VotingFixtures.ADMIN, good).then().statusCode(201);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private long count(String query, Object parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement s = connection.prepareStatement(query)) {
            s.setObject(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
