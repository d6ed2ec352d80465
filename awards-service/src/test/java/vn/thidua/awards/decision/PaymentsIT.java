package vn.thidua.awards.decision;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.thidua.awards.vote.VotingFixtures.BOARD;
import static vn.thidua.awards.vote.VotingFixtures.rep;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.awards.proposal.ProposalFixtures;
import vn.thidua.awards.vote.VotingFixtures;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.web.Table;

/**
 * The cash of decided awards and the payment list of a decision (law-2025.md §3): the base salary
 * in force on the decision date × the rule set's multiple, rounded up to the next 10,000 VND. The base
 * salaries are the real ones, 2,340,000 from 2024-07-01 and 2,530,000 from 2026-07-01.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "awards"))
class PaymentsIT {
    static final String DECISIONS = "/api/awards/decisions";
    static final String AWARD = "TEST_PAY_XS";
    static final long CLUSTER = 965_301;
    static final List<String> UNITS = VotingFixtures.units("065.31", 3);
    static final List<String> HEADERS = List.of("STT", "Mã đơn vị", "Tên đơn vị", "Hình thức khen thưởng", "Năm", "Số quyết định",
            "Ngày quyết định", "Cơ quan quyết định", "Mức lương cơ sở (đồng)", "Hệ số", "Số tiền (đồng)", "Ghi chú");
    static long july15;
    static long june30;
    static long firstProposal;

    @Inject
    ClusterDirectory directory;

    /** Two decisions of TTLĐXS (multiple 1.5) for 2025: units 1 and 2 on 15/07/2026, unit 3 on 30/06/2026. */
    @BeforeEach
    void twoDecisions() {
        if (july15 != 0) {
            return;
        }
        baseSalary("2024-07-01", 2_340_000, "Nghị định 73/2024/NĐ-CP", "M");
        baseSalary("2026-07-01", 2_530_000, "Nghị định 161/2026/NĐ-CP", "V2");
        ProposalFixtures.award(AWARD, "PROVINCIAL", "1.5");
        VotingFixtures.cluster(directory, CLUSTER, "CUM-PAY", 2025, UNITS);
        ProposalFixtures.knownUnit(UNITS.get(0), "Hội Chữ thập đỏ tỉnh Thanh Hóa");
        firstProposal = ProposalFixtures.appraised(UNITS.get(0), AWARD, CLUSTER);
        ProposalFixtures.appraised(UNITS.get(1), AWARD, CLUSTER);
        ProposalFixtures.appraised(UNITS.get(2), AWARD, CLUSTER);
        july15 = post(decision("12/QĐ-UBND", "2026-07-15", AWARD, 2025, UNITS.subList(0, 2))).then().statusCode(201)
                .body("units.cashAmount", contains(3_800_000, 3_800_000)).body("totalCash", equalTo(7_600_000))
                .extract().jsonPath().getLong("id");
        june30 = post(decision("11/QĐ-UBND", "2026-06-30", AWARD, 2025, List.of(UNITS.get(2)))).then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    @Test
    void theBaseSalaryInForceOnTheDecisionDateTimesTheMultipleRoundedUp() {
        given().auth().oauth2(BOARD).get(DECISIONS + "/" + july15).then().statusCode(200)
                .body("units.unitCode", contains(UNITS.get(0), UNITS.get(1)))
                .body("units[0].cashAmount", equalTo(3_800_000)).body("units[0].baseSalary", equalTo(2_530_000))
                .body("units[0].cashMultiple", equalTo(1.5f)).body("units[0].cashNote", nullValue())
                .body("totalCash", equalTo(7_600_000));
        // the day before 2,530,000 took effect: 2,340,000 × 1.5 = 3,510,000, a whole number of steps already
        given().auth().oauth2(BOARD).get(DECISIONS + "/" + june30).then().statusCode(200)
                .body("units[0].cashAmount", equalTo(3_510_000)).body("units[0].baseSalary", equalTo(2_340_000))
                .body("totalCash", equalTo(3_510_000));

        // the ledger keeps what each award pays and the rule set it was judged under
        given().auth().oauth2(BOARD).queryParam("unitCode", UNITS.get(0)).queryParam("awardTypeCode", AWARD).get("/api/awards/ledger").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].cashAmount", equalTo(3_800_000))
                .body("items[0].baseSalary", equalTo(2_530_000)).body("items[0].cashMultiple", equalTo(1.5f))
                .body("items[0].ruleSetId", notNullValue()).body("items[0].decisionId", equalTo((int) july15));
        given().auth().oauth2(rep(UNITS.get(2))).get("/api/awards/ledger").then().statusCode(200)
                .body("items.cashAmount", contains(3_510_000));
    }

    @Test
    void withoutAMultipleOrABaseSalaryTheDecisionIsRecordedAndSaysWhyItPaysNothing() {
        String noCash = ProposalFixtures.award("TEST_PAY_NONE", "PROVINCIAL", null);
        List<String> units = VotingFixtures.units("065.32", 1);
        VotingFixtures.cluster(directory, 965_302, "CUM-PAY-2", 2025, units);
        ProposalFixtures.appraised(units.get(0), noCash, 965_302);
        long id = post(decision("13/QĐ-UBND", "2026-07-15", noCash, 2025, units)).then().statusCode(201)
                .body("units[0].cashAmount", nullValue()).body("totalCash", nullValue())
                .body("units[0].cashNote", equalTo("Bộ quy tắc theo Luật Thi đua, khen thưởng số 06/2022/QH15 không quy định hệ số tiền thưởng "
                        + "cho hình thức khen thưởng này.")).extract().jsonPath().getLong("id");
        given().auth().oauth2(BOARD).header("Accept-Language", "en").get(DECISIONS + "/" + id).then().statusCode(200)
                .body("units[0].cashNote", equalTo("The rule set under Luật Thi đua, khen thưởng số 06/2022/QH15 gives no cash multiple for this award."));

        // no base salary was in force in 2001 (the first one this service knows is from 2024)
        String early = ProposalFixtures.award("TEST_PAY_EARLY", "PROVINCIAL", "1.5");
        List<String> earlyUnits = VotingFixtures.units("065.33", 1);
        VotingFixtures.cluster(directory, 965_303, "CUM-PAY-3", 2000, earlyUnits);
        ProposalFixtures.appraised(earlyUnits.get(0), early, 965_303);
        long earlyId = post(decision("1/QĐ-UBND", "2001-01-20", early, 2000, earlyUnits)).then().statusCode(201)
                .body("units[0].cashAmount", nullValue()).body("units[0].baseSalary", nullValue()).body("units[0].cashMultiple", nullValue())
                .body("units[0].cashNote", equalTo("Chưa có mức lương cơ sở có hiệu lực ngày 2001-01-20 khi ghi nhận quyết định, "
                        + "nên chưa tính được số tiền thưởng.")).extract().jsonPath().getLong("id");
        given().auth().oauth2(BOARD).header("Accept-Language", "en").get(DECISIONS + "/" + earlyId).then()
                .body("units[0].cashNote", equalTo("No base salary was in force on 2001-01-20 when the decision was recorded, "
                        + "so no cash amount could be computed."));
        // the payment list shows the unit without an amount and says the total cannot be told
        List<CSVRecord> csv = csv(BOARD, earlyId);
        assertEquals("", csv.get(0).get("Số tiền (đồng)"));
        assertEquals("", csv.get(1).get("Số tiền (đồng)"));
        assertEquals("Chưa tính được tổng: 1 đơn vị chưa có số tiền thưởng", csv.get(1).get("Ghi chú"));
    }

    @Test
    void theCsvPaymentListHasTheVietnameseHeadersTheAmountsAndTheTotal() {
        byte[] body = given().auth().oauth2(BOARD).queryParam("format", "csv").get(DECISIONS + "/" + july15 + "/payments").then()
                .statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", startsWith("attachment; filename=\"danh-sach-chi-tra-12-qd-ubnd.csv\";")).extract().asByteArray();
        // a byte-order mark, so Excel reads the Vietnamese right
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(body, 3));
        List<CSVRecord> rows = csv(BOARD, july15);
        assertEquals(HEADERS, rows.get(0).getParser().getHeaderNames());
        assertEquals(List.of("1", UNITS.get(0), "Hội Chữ thập đỏ tỉnh Thanh Hóa", "Cờ thi đua thử TEST_PAY_XS", "2025", "12/QĐ-UBND",
                "15/07/2026", "Chủ tịch UBND tỉnh", "2530000", "1.5", "3800000", ""), rows.get(0).toList());
        assertEquals(List.of("2", UNITS.get(1), "", "Cờ thi đua thử TEST_PAY_XS", "2025", "12/QĐ-UBND", "15/07/2026", "Chủ tịch UBND tỉnh",
                "2530000", "1.5", "3800000", ""), rows.get(1).toList());
        assertEquals(List.of("", "Tổng cộng", "", "", "", "", "", "", "", "", "7600000", ""), rows.get(2).toList());
        assertEquals(3, rows.size());
        assertEquals("3510000", csv(BOARD, june30).get(0).get("Số tiền (đồng)"));
    }

    @Test
    void theXlsxPaymentListOpensWithTheTitlesAndTheSameRows() throws IOException {
        byte[] xlsx = given().auth().oauth2(BOARD).get(DECISIONS + "/" + july15 + "/payments").then().statusCode(200)
                .contentType(Table.XLSX).header("Content-Disposition", startsWith("attachment; filename=\"danh-sach-chi-tra-12-qd-ubnd.xlsx\";"))
                .extract().asByteArray();
        List<List<String>> csvRows = new ArrayList<>();
        csv(BOARD, july15).forEach(record -> csvRows.add(record.toList()));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("Danh sách chi trả");
            assertEquals("DANH SÁCH CHI TRẢ TIỀN THƯỞNG", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("(Kèm theo Quyết định số 12/QĐ-UBND ngày 15/07/2026 của Chủ tịch UBND tỉnh)", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals("Hình thức khen thưởng: Cờ thi đua thử TEST_PAY_XS năm 2025", sheet.getRow(2).getCell(0).getStringCellValue());
            int header = 4;
            assertEquals(HEADERS, texts(sheet.getRow(header)));
            List<List<String>> rows = new ArrayList<>();
            for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
                rows.add(texts(sheet.getRow(r)));
            }
            assertEquals(csvRows, rows);
            // amounts are numbers the finance office can add up
            Row first = sheet.getRow(header + 1);
            assertEquals(CellType.NUMERIC, first.getCell(10).getCellType());
            assertEquals(3_800_000, first.getCell(10).getNumericCellValue());
            assertEquals(1.5, first.getCell(9).getNumericCellValue());
            assertEquals(7_600_000, sheet.getRow(header + 3).getCell(10).getNumericCellValue());
        }
    }

    @Test
    void whoMayReadTheDecisionGetsItsPaymentListAndBadFormatsAreRefused() {
        payments(rep(UNITS.get(0)), july15, "csv").then().statusCode(200);
        payments(TestTokens.user("viewer", "viewer"), july15, null).then().statusCode(200).contentType(Table.XLSX);
        payments(TestTokens.user("portal-demo", "portal"), july15, "CSV").then().statusCode(200);
        // unit 3 is not named by the decision of 15/07: as if it did not exist
        payments(rep(UNITS.get(2)), july15, "csv").then().statusCode(404).contentType("application/problem+json");
        payments(BOARD, 999_999_999, "csv").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("format", "csv").get(DECISIONS + "/" + july15 + "/payments").then().statusCode(401);
        for (String format : List.of("pdf", "xls", "csv;", " ")) {
            if (format.isBlank()) {
                payments(BOARD, july15, format).then().statusCode(200).contentType(Table.XLSX);
                continue;
            }
            given().auth().oauth2(BOARD).header("Accept-Language", "en").queryParam("format", format).get(DECISIONS + "/" + july15 + "/payments")
                    .then().statusCode(400).contentType("application/problem+json").body("type", endsWith("invalid-format"))
                    .body("detail", equalTo("The format parameter is xlsx or csv, not \"" + format + "\"."));
        }
        given().auth().oauth2(BOARD).get(DECISIONS + "/x/payments").then().statusCode(404);
    }

    @Test
    void aRevokedAwardIsShownButNotPaid() {
        String award = ProposalFixtures.award("TEST_PAY_REVOKE", "PROVINCIAL", "0.8");
        List<String> units = VotingFixtures.units("065.34", 2);
        VotingFixtures.cluster(directory, 965_304, "CUM-PAY-4", 2025, units);
        long kept = ProposalFixtures.appraised(units.get(0), award, 965_304);
        long revoked = ProposalFixtures.appraised(units.get(1), award, 965_304);
        long id = post(decision("14/QĐ-UBND", "2026-07-15", award, 2025, units)).then().statusCode(201)
                .body("units.cashAmount", contains(2_030_000, 2_030_000)).body("totalCash", equalTo(4_060_000))
                .extract().jsonPath().getLong("id");
        ProposalFixtures.step(BOARD, revoked, "revoke", Map.of("reason", "Phát hiện vi phạm sau khi khen thưởng",
                "legalGround", "Điều 84 Luật Thi đua, khen thưởng 2022")).then().statusCode(200);
        given().auth().oauth2(BOARD).get(DECISIONS + "/" + id).then().statusCode(200)
                .body("units.proposalId", contains((int) kept, (int) revoked)).body("units.revoked", contains(false, true))
                .body("units[1].cashAmount", equalTo(2_030_000))
                .body("units[1].cashNote", equalTo("Khen thưởng đã bị hủy bỏ: không chi trả, không tính vào tổng số tiền."))
                .body("totalCash", equalTo(2_030_000));
        assertEquals("2030000", csv(BOARD, id).get(2).get("Số tiền (đồng)"));
    }

    static Map<String, Object> decision(String number, String date, String award, int year, List<String> units) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", number);
        body.put("date", date);
        body.put("awardTypeCode", award);
        body.put("year", year);
        body.put("units", units);
        return body;
    }

    static io.restassured.response.Response post(Map<String, Object> body) {
        return given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(body).post(DECISIONS);
    }

    static void baseSalary(String day, long amount, String legalBasis, String tag) {
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("amount", amount, "legalBasis", legalBasis, "tag", tag))
                .put("/api/awards/base-salaries/" + day).then().statusCode(200);
    }

    static io.restassured.response.Response payments(String token, long id, String format) {
        var request = given().auth().oauth2(token);
        if (format != null) {
            request = request.queryParam("format", format);
        }
        return request.get(DECISIONS + "/" + id + "/payments");
    }

    /** The payment list as CSV records, by header. */
    static List<CSVRecord> csv(String token, long id) {
        String text = new String(payments(token, id, "csv").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        try {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(text.substring(1)))
                    .getRecords();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (Cell cell : row) {
            if (cell.getCellType() == CellType.NUMERIC) {
                double value = cell.getNumericCellValue();
                texts.add(value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value));
            } else {
                texts.add(cell.getStringCellValue());
            }
        }
        return texts;
    }
}
