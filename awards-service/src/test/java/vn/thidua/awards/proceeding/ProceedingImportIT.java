package vn.thidua.awards.proceeding;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static vn.thidua.awards.vote.VotingFixtures.BOARD;
import static vn.thidua.awards.vote.VotingFixtures.rep;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.thidua.awards.imports.Workbooks;
import vn.thidua.awards.proposal.ProposalFixtures;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;
import vn.thidua.platform.web.SheetFile;

/** The agencies' cross-check lists imported as proceedings (Decree 152/2025 Art. 4(4)). Units 069.4x are this test's own. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "awards"))
class ProceedingImportIT {
    static final String IMPORT = "/api/awards/proceedings/import";
    static final String HEADER = "unit_code,kind,opened_on,agency,reference,note\n";

    static ValidatableResponse importFile(String token, byte[] file, String contentType) {
        return given().auth().oauth2(token).contentType(contentType).body(file).post(IMPORT).then();
    }

    static ValidatableResponse importCsv(String csv) {
        return importFile(BOARD, csv.getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8").statusCode(200);
    }

    static ValidatableResponse proceedingsOf(String unit) {
        return given().auth().oauth2(BOARD).get("/api/awards/units/" + unit + "/proceedings").then().statusCode(200);
    }

    @Test
    void aGoodListIsRecordedAndImportingItAgainRecordsNothingTwice() {
        ProposalFixtures.knownUnit("069.41.01.H56", "Hội Nông dân tỉnh Thanh Hóa");
        ProposalFixtures.knownUnit("069.41.02.H56", "Hội Cựu chiến binh tỉnh Thanh Hóa");
        String csv = HEADER
                + "069.41.01.H56,INSPECTION,2026-10-05,Thanh tra tỉnh,125/TTr-NV3,Thanh tra việc quản lý tài chính\n"
                + "069.41.02.h56 ,audit,20/09/2026,Kiểm toán Nhà nước khu vực XI,\"88/KV XI, TH\",\n"
                + "069.41.01.H56,COMPLAINT,2026-11-02,Công an tỉnh,4512/CAT-PC03,\n";
        importCsv(csv).body("rows", equalTo(3)).body("counts.CREATED", equalTo(3)).body("counts.ALREADY_PRESENT", equalTo(0))
                .body("counts.REFUSED", equalTo(0)).body("results.row", contains(2, 3, 4))
                .body("results.proceedingId", contains(notNullValue(), notNullValue(), notNullValue()))
                .body("results[1].reference", equalTo("88/KV XI, TH"));
        proceedingsOf("069.41.01.H56").body("$", hasSize(2)).body("kind", contains("COMPLAINT", "INSPECTION"))
                .body("source", contains("Công an tỉnh", "Thanh tra tỉnh")).body("reference", contains("4512/CAT-PC03", "125/TTr-NV3"))
                .body("open", contains(true, true)).body("recordedBy", contains("board-officer", "board-officer"))
                .body("note", contains(nullValue(), equalTo("Thanh tra việc quản lý tài chính")));
        proceedingsOf("069.41.02.H56").body("$", hasSize(1)).body("openedOn", contains("2026-09-20"));

        // the same list again: every row reported as present, nothing recorded twice
        importCsv(csv).body("counts.CREATED", equalTo(0)).body("counts.ALREADY_PRESENT", equalTo(3))
                .body("results.outcome", contains("ALREADY_PRESENT", "ALREADY_PRESENT", "ALREADY_PRESENT"));
        proceedingsOf("069.41.01.H56").body("$", hasSize(2));
        // by hand with the same letter: one proceeding, not two
        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("kind", "INSPECTION", "openedOn", "2026-10-05", "source", "Thanh tra tỉnh", "reference", "125/TTr-NV3"))
                .post("/api/awards/units/069.41.01.H56/proceedings").then().statusCode(409)
                .body("type", endsWith("proceeding-already-recorded"));
    }

    @Test
    void badRowsAreRefusedOneByOneWithTheirReasonAndTheGoodOnesRecorded() {
        ProposalFixtures.knownUnit("069.42.01.H56", "Hội Liên hiệp Phụ nữ tỉnh Thanh Hóa");
        String tomorrow = LocalDate.now().plusDays(2).toString();
        String csv = HEADER
                + "069.42.01.H56,DISCIPLINE,2026-11-10,Sở Nội vụ,15/SNV-TTr,\n"                 // 2 created
                + "069.49.99.H56,AUDIT,2026-11-10,Kiểm toán Nhà nước,1/KTNN,\n"                  // 3 unknown unit
                + "069.42.01.H56,VI_PHAM,2026-11-10,Công an tỉnh,2/CAT,\n"                       // 4 unknown kind
                + "069.42.01.H56,AUDIT,31/02/2026,Kiểm toán Nhà nước,3/KTNN,\n"                  // 5 bad date
                + "069.42.01.H56,AUDIT," + tomorrow + ",Kiểm toán Nhà nước,4/KTNN,\n"            // 6 not yet
                + "069.42.01.H56,AUDIT,2026-11-10,,5/KTNN,\n"                                   // 7 no agency
                + "069.42.01.H56,AUDIT,2026-11-10,Kiểm toán Nhà nước,,\n"                        // 8 no reference
                + "không có mã,AUDIT,2026-11-10,Kiểm toán Nhà nước,6/KTNN,\n"                    // 9 bad unit code
                + "069.42.01.H56,INSPECTION,2026-11-10,Sở Nội vụ,15/SNV-TTr,\n"                 // 10 same letter as row 2, another kind
                + "069.42.01.H56,DISCIPLINE,10/11/2026,Sở Nội vụ,15/SNV-TTr,\n";                // 11 the same as row 2
        given().auth().oauth2(BOARD).header("Accept-Language", "vi").contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8)).post(IMPORT).then().statusCode(200)
                .body("rows", equalTo(10)).body("counts.CREATED", equalTo(1)).body("counts.ALREADY_PRESENT", equalTo(1))
                .body("counts.REFUSED", equalTo(8))
                .body("results.outcome", contains("CREATED", "REFUSED", "REFUSED", "REFUSED", "REFUSED", "REFUSED", "REFUSED", "REFUSED",
                        "REFUSED", "ALREADY_PRESENT"))
                .body("results.problemType", contains(nullValue(), equalTo("invalid-proceeding"), equalTo("invalid-proceeding"),
                        equalTo("invalid-date"), equalTo("invalid-proceeding"), equalTo("invalid-field"), equalTo("invalid-field"),
                        equalTo("invalid-unit-code"), equalTo("proceeding-differs"), nullValue()))
                .body("results[1].reason", equalTo("unit_code: Dịch vụ khen thưởng chưa biết đơn vị có mã 069.49.99.H56."))
                .body("results[8].reason", startsWith("Văn bản này đã được ghi nhận cho đơn vị là vụ việc số "))
                .body("results[9].proceedingId", equalTo(given().auth().oauth2(BOARD).get("/api/awards/units/069.42.01.H56/proceedings")
                        .then().extract().path("[0].id")));
        proceedingsOf("069.42.01.H56").body("$", hasSize(1)).body("kind", contains("DISCIPLINE"));
    }

    @Test
    void anXlsxListImportsTheSameWayWithDateCells() throws IOException {
        ProposalFixtures.knownUnit("069.43.01.H56", "Tỉnh đoàn Thanh Hóa");
        byte[] workbook = Workbooks.xlsx("Danh sách", List.of("Unit code", "Kind", "Opened on", "Agency", "Reference", "Note"), List.of(
                List.of("069.43.01.H56", "INVESTIGATION", LocalDate.of(2026, 8, 1), "Công an tỉnh", "77/CAT-PC01", "Điều tra vụ việc"),
                List.of("069.43.01.H56", "AUDIT", "15/09/2026", "Kiểm toán Nhà nước", "9/KTNN", ""),
                List.of("069.43.01.H56", "AUDIT", LocalDate.of(2026, 9, 15), "", "10/KTNN", "")));
        importFile(BOARD, workbook, SheetFile.XLSX).statusCode(200).body("rows", equalTo(3))
                .body("results.outcome", contains("CREATED", "CREATED", "REFUSED")).body("results[2].problemType", equalTo("invalid-field"));
        importFile(BOARD, workbook, SheetFile.XLSX).statusCode(200).body("counts.CREATED", equalTo(0)).body("counts.ALREADY_PRESENT", equalTo(2));
        proceedingsOf("069.43.01.H56").body("openedOn", contains("2026-09-15", "2026-08-01"));
    }

    @Test
    void onlyTheBoardImportsAndAFileItCannotReadIsA4xx() {
        byte[] csv = (HEADER + "069.41.01.H56,AUDIT,2026-11-10,Kiểm toán Nhà nước,99/KTNN,\n").getBytes(StandardCharsets.UTF_8);
        importFile(rep("069.41.01.H56"), csv, SheetFile.CSV).statusCode(403).contentType("application/problem+json");
        importFile(TestTokens.user("viewer", "viewer"), csv, SheetFile.CSV).statusCode(403);
        importFile(TestTokens.user("portal-demo", "portal"), csv, SheetFile.CSV).statusCode(403);
        given().contentType(SheetFile.CSV).body(csv).post(IMPORT).then().statusCode(401);
        importFile(BOARD, csv, "application/pdf").statusCode(415).contentType("application/problem+json");
        importFile(BOARD, "unit_code,kind\nA,AUDIT\n".getBytes(StandardCharsets.UTF_8), SheetFile.CSV).statusCode(400)
                .body("type", endsWith("missing-columns"));
        importFile(BOARD, "PK not really a workbook".getBytes(StandardCharsets.UTF_8), SheetFile.XLSX).statusCode(400)
                .body("type", endsWith("unreadable-file"));
        importFile(BOARD, HEADER.getBytes(StandardCharsets.UTF_8), SheetFile.CSV).statusCode(200).body("rows", equalTo(0));
    }
}
