package vn.thidua.awards.ledger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static vn.thidua.awards.vote.VotingFixtures.BOARD;
import static vn.thidua.awards.vote.VotingFixtures.rep;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.thidua.awards.proposal.ProposalFixtures;
import vn.thidua.awards.vote.VotingFixtures;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.web.SheetFile;

/** The ledger through the API: imports of past awards, reads, and streaks that revocations break. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "awards"))
class LedgerResourceIT {
    static final String LEDGER = "/api/awards/ledger";
    static final String HEADER = "unit_code,award_type_code,year,decision_number,decision_date,deciding_authority\n";

    @Inject
    ClusterDirectory directory;

    static ValidatableResponse importFile(String token, byte[] file, String contentType) {
        return given().auth().oauth2(token).contentType(contentType).body(file).post(LEDGER + "/import").then();
    }

    static ValidatableResponse importCsv(String csv) {
        return importFile(BOARD, csv.getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8").statusCode(200);
    }

    @Test
    void aCsvOfPastAwardsIsReportedRowByRowAndImportingItAgainChangesNothing() {
        String award = ProposalFixtures.award("TEST_LEDGER_CSV", "PROVINCIAL");
        ProposalFixtures.knownUnit("066.01.01.H56", "Hội Chữ thập đỏ tỉnh Thanh Hóa");
        ProposalFixtures.knownUnit("066.01.02.H56", "Hội Người mù tỉnh Thanh Hóa");
        String csv = HEADER
                + "066.01.01.H56," + award + ",2013,12/QĐ-UBND,2014-01-15,Chủ tịch UBND tỉnh\n"               // 2 created
                + "066.01.01.h56 ," + award.toLowerCase() + ",2014,\"34/QĐ-UBND\",20/01/2015,Chủ tịch  UBND tỉnh\n" // 3 created (forgiving)
                + "066.01.01.H56," + award + ",2013,12/QĐ-UBND,2014-01-15,Chủ tịch UBND tỉnh\n"               // 4 the same as row 2
                + "066.01.01.H56," + award + ",2013,12/QĐ-UBND,2014-01-16,Chủ tịch UBND tỉnh\n"               // 5 differs from row 2
                + "066.09.99.H56," + award + ",2013,1/QĐ-UBND,2014-01-15,Chủ tịch UBND tỉnh\n"                // 6 unknown unit
                + "066.01.02.H56,NO_SUCH_AWARD,2013,1/QĐ-UBND,2014-01-15,Chủ tịch UBND tỉnh\n"              // 7 unknown award
                + "066.01.02.H56," + award + ",năm 2013,1/QĐ-UBND,2014-01-15,Chủ tịch UBND tỉnh\n"         // 8 bad year
                + "066.01.02.H56," + award + ",2013,1/QĐ-UBND,31/02/2014,Chủ tịch UBND tỉnh\n"              // 9 bad date
                + "066.01.02.H56," + award + ",2013,1/QĐ-UBND,2012-12-31,Chủ tịch UBND tỉnh\n"             // 10 before the year
                + "066.01.02.H56," + award + ",2013,1/QĐ-UBND,2014-01-15,\n"                                // 11 no authority
                + "không có mã," + award + ",2013,1/QĐ-UBND,2014-01-15,Chủ tịch UBND tỉnh\n"               // 12 bad code
                + "066.01.02.H56," + award + "," + (LocalDate.now().getYear() + 1) + ",1/QĐ-UBND,2014-01-15,Chủ tịch UBND tỉnh\n"; // 13
        importCsv(csv).body("rows", equalTo(12))
                .body("counts.CREATED", equalTo(2)).body("counts.ALREADY_PRESENT", equalTo(1)).body("counts.REFUSED", equalTo(9))
                .body("results.row", contains(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13))
                .body("results.outcome", contains("CREATED", "CREATED", "ALREADY_PRESENT", "REFUSED", "REFUSED", "REFUSED", "REFUSED",
                        "REFUSED", "REFUSED", "REFUSED", "REFUSED", "REFUSED"))
                .body("results[1].unitCode", equalTo("066.01.01.H56")).body("results[1].awardTypeCode", equalTo(award))
                .body("results.problemType", contains(nullValue(), nullValue(), nullValue(), equalTo("ledger-entry-differs"),
                        equalTo("unit-not-known"), equalTo("award-type-not-found"), equalTo("invalid-year"), equalTo("invalid-date"),
                        equalTo("decision-date-before-year"), equalTo("invalid-field"), equalTo("invalid-unit-code"), equalTo("invalid-year")))
                .body("results[3].reason", startsWith("Sổ khen thưởng đã có quyết định số 12/QĐ-UBND cho đơn vị, hình thức và năm này nhưng ngày "
                        + "2014-01-15 của Chủ tịch UBND tỉnh (mục "))
                .body("results[4].reason", equalTo("Dịch vụ khen thưởng chưa biết đơn vị có mã 066.09.99.H56."));
        // again: nothing new, every good row reported as present, the bad ones refused again
        importCsv(csv).body("counts.CREATED", equalTo(0)).body("counts.ALREADY_PRESENT", equalTo(3)).body("counts.REFUSED", equalTo(9));

        given().auth().oauth2(BOARD).queryParam("unitCode", "066.01.01.H56").queryParam("awardTypeCode", award).get(LEDGER).then()
                .statusCode(200).body("total", equalTo(2)).body("items.year", contains(2014, 2013))
                .body("items.source", everyItem(equalTo("IMPORT"))).body("items[0].decisionDate", equalTo("2015-01-20"))
                .body("items[0].decidingAuthority", equalTo("Chủ tịch UBND tỉnh")).body("items[0].unitName", equalTo("Hội Chữ thập đỏ tỉnh Thanh Hóa"))
                .body("items[0].decisionId", nullValue()).body("items[0].proposalId", nullValue()).body("items[0].createdBy", equalTo("board-officer"));
    }

    @Test
    void anXlsxWorkbookImportsTheSameWayWithDateCells() throws IOException {
        String award = ProposalFixtures.award("TEST_LEDGER_XLSX", "PROVINCIAL");
        ProposalFixtures.knownUnit("066.02.01.H56", "Hội Luật gia tỉnh Thanh Hóa");
        byte[] workbook = workbook(List.of(
                List.of("066.02.01.H56", award, 2015, "3/QĐ-UBND", LocalDate.of(2016, 1, 10), "Chủ tịch UBND tỉnh"),
                List.of("066.02.01.H56", award, 2016, "4/QĐ-UBND", "12/01/2017", "Chủ tịch UBND tỉnh"),
                List.of("066.02.01.H56", award, 2016, "", LocalDate.of(2017, 1, 12), "Chủ tịch UBND tỉnh")));
        importFile(BOARD, workbook, SheetFile.XLSX).statusCode(200).body("rows", equalTo(3))
                .body("results.outcome", contains("CREATED", "CREATED", "REFUSED")).body("results[2].problemType", equalTo("invalid-field"));
        importFile(BOARD, workbook, SheetFile.XLSX).statusCode(200).body("counts.CREATED", equalTo(0)).body("counts.ALREADY_PRESENT", equalTo(2));
        given().auth().oauth2(BOARD).queryParam("unitCode", "066.02.01.H56").get(LEDGER).then().statusCode(200)
                .body("items.decisionDate", contains("2017-01-12", "2016-01-10"));
    }

    @Test
    void onlyTheBoardImportsAndAFileItCannotReadIsA4xx() {
        byte[] csv = HEADER.getBytes(StandardCharsets.UTF_8);
        importFile(rep("066.01.01.H56"), csv, SheetFile.CSV).statusCode(403).contentType("application/problem+json");
        importFile(TestTokens.user("portal-demo", "portal"), csv, SheetFile.CSV).statusCode(403);
        importFile(BOARD, csv, "application/pdf").statusCode(415).contentType("application/problem+json");
        importFile(BOARD, "unit_code,year\nA,2016\n".getBytes(StandardCharsets.UTF_8), SheetFile.CSV).statusCode(400)
                .body("type", endsWith("missing-columns"));
        importFile(BOARD, "PK not really a workbook".getBytes(StandardCharsets.UTF_8), SheetFile.XLSX).statusCode(400)
                .body("type", endsWith("unreadable-file"));
        importFile(BOARD, csv, SheetFile.CSV).statusCode(200).body("rows", equalTo(0)).body("results", empty());
    }

    @Test
    void aStreakCountsOnlyYearsNotRevokedAndARevocationBreaksIt() {
        String award = ProposalFixtures.award("TEST_LEDGER_STREAK", "PROVINCIAL");
        String unit = "066.03.01.H56";
        ProposalFixtures.knownUnit(unit, "Liên minh Hợp tác xã tỉnh Thanh Hóa");
        VotingFixtures.cluster(directory, 966_003, "CUM-L3", 2016, List.of(unit, "066.03.02.H56"));
        importCsv(HEADER + unit + "," + award + ",2014,5/QĐ-UBND,2015-01-10,Chủ tịch UBND tỉnh\n"
                + unit + "," + award + ",2015,6/QĐ-UBND,2016-01-10,Chủ tịch UBND tỉnh\n").body("counts.CREATED", equalTo(2));
        long proposal = ProposalFixtures.appraised(unit, award, 966_003);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("number", "8/QĐ-UBND", "date", "2017-01-10",
                "awardTypeCode", award, "year", 2016, "units", List.of(unit))).post("/api/awards/decisions").then().statusCode(201);

        streak(BOARD, unit, award, 3, 2016).statusCode(200).body("held", equalTo(true)).body("yearsHeld", contains(2014, 2015, 2016))
                .body("missing", empty()).body("from", equalTo(2014)).body("until", equalTo(2016)).body("unitCode", equalTo(unit));
        streak(BOARD, unit, award, 4, 2016).body("held", equalTo(false)).body("missing", contains(2013));
        streak(BOARD, unit, award, 2, 2017).body("held", equalTo(false)).body("yearsHeld", contains(2016)).body("missing", contains(2017));

        ProposalFixtures.step(BOARD, proposal, "revoke", Map.of("reason", "Kê khai không trung thực", "legalGround", "Điều 82 Luật Thi đua, khen thưởng"))
                .then().statusCode(200);
        streak(BOARD, unit, award, 3, 2016).body("held", equalTo(false)).body("yearsHeld", contains(2014, 2015)).body("missing", contains(2016));
        // the revoked entry stays in the ledger, marked
        given().auth().oauth2(BOARD).queryParam("unitCode", unit).queryParam("year", 2016).get(LEDGER).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].revoked", equalTo(true)).body("items[0].source", equalTo("DECISION"))
                .body("items[0].revocationReason", equalTo("Kê khai không trung thực"))
                .body("items[0].revocationGround", equalTo("Điều 82 Luật Thi đua, khen thưởng"));

        streak(BOARD, unit, award, 0, 2016).statusCode(400).body("type", endsWith("invalid-years"));
        streak(BOARD, unit, award, 3, 0).statusCode(400);
        given().auth().oauth2(BOARD).queryParam("unitCode", unit).queryParam("awardTypeCode", award).queryParam("years", 3)
                .get(LEDGER + "/streak").then().statusCode(400);
        streak(BOARD, unit, "NO_SUCH_AWARD", 3, 2016).statusCode(404);
        given().auth().oauth2(BOARD).queryParam("awardTypeCode", award).queryParam("years", 3).queryParam("until", 2016)
                .get(LEDGER + "/streak").then().statusCode(400);
    }

    @Test
    void aUnitReadsOnlyItsOwnEntriesWhileTheBoardViewersAndThePortalReadAll() {
        String award = ProposalFixtures.award("TEST_LEDGER_READ", "PROVINCIAL");
        ProposalFixtures.knownUnit("066.04.01.H56", "Hội Văn học Nghệ thuật tỉnh Thanh Hóa");
        ProposalFixtures.knownUnit("066.04.02.H56", "Hội Nhà báo tỉnh Thanh Hóa");
        importCsv(HEADER + "066.04.01.H56," + award + ",2015,1/QĐ-UBND,2016-01-10,Chủ tịch UBND tỉnh\n"
                + "066.04.02.H56," + award + ",2015,1/QĐ-UBND,2016-01-10,Chủ tịch UBND tỉnh\n").body("counts.CREATED", equalTo(2));

        // a unit's representative: its own unit, whether it names it or not; another unit is forbidden
        given().auth().oauth2(rep("066.04.01.H56")).queryParam("awardTypeCode", award).get(LEDGER).then().statusCode(200)
                .body("items.unitCode", contains("066.04.01.H56"));
        given().auth().oauth2(rep("066.04.01.H56")).queryParam("unitCode", "066.04.01.H56").get(LEDGER).then().statusCode(200);
        given().auth().oauth2(rep("066.04.01.H56")).queryParam("unitCode", "066.04.02.H56").get(LEDGER).then().statusCode(403);
        streak(rep("066.04.01.H56"), null, award, 1, 2015).statusCode(200).body("held", equalTo(true)).body("unitCode", equalTo("066.04.01.H56"));
        streak(rep("066.04.01.H56"), "066.04.02.H56", award, 1, 2015).statusCode(403);
        String leader = TestTokens.claims("leader", "cluster-leader").claim("unit", "066.04.02.H56").sign(TestTokens.privateKey());
        given().auth().oauth2(leader).queryParam("awardTypeCode", award).get(LEDGER).then().statusCode(200)
                .body("items.unitCode", contains("066.04.02.H56"));
        given().auth().oauth2(TestTokens.user("rep-without-unit", "unit-rep")).get(LEDGER).then().statusCode(403);

        for (String reader : List.of(BOARD, VotingFixtures.ADMIN, TestTokens.user("viewer", "viewer"), TestTokens.user("portal-demo", "portal"))) {
            given().auth().oauth2(reader).queryParam("awardTypeCode", award).get(LEDGER).then().statusCode(200)
                    .body("items.unitCode", contains("066.04.01.H56", "066.04.02.H56"));
        }
        given().auth().oauth2(BOARD).queryParam("awardTypeCode", award).queryParam("size", 1).queryParam("page", 1).get(LEDGER).then()
                .statusCode(200).body("total", equalTo(2)).body("items", hasSize(1)).body("items[0].unitCode", equalTo("066.04.02.H56"));
        given().auth().oauth2(BOARD).queryParam("year", "x").get(LEDGER).then().statusCode(400);
        given().auth().oauth2(BOARD).queryParam("unitCode", "sai mã!").get(LEDGER).then().statusCode(400);
        given().get(LEDGER).then().statusCode(401);
    }

    static ValidatableResponse streak(String token, String unit, String award, int years, int until) {
        var request = given().auth().oauth2(token).queryParam("awardTypeCode", award).queryParam("years", years).queryParam("until", until);
        if (unit != null) {
            request = request.queryParam("unitCode", unit);
        }
        return request.get(LEDGER + "/streak").then();
    }

    static byte[] workbook(List<List<Object>> rows) throws IOException {
        return vn.thidua.awards.imports.Workbooks.xlsx("Sổ khen thưởng",
                List.of("Unit code", "Award type code", "Year", "Decision number", "Decision date", "Deciding authority"), rows);
    }
}
