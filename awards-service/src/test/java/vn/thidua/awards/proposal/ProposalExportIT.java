package vn.thidua.awards.proposal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.awards.vote.VotingFixtures;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.web.Table;

/** The proposals list as an XLSX, opened again with POI and read cell by cell. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "awards"))
class ProposalExportIT {
    static final String AWARD = "TEST_EXPORT";
    static final long CLUSTER = 965_201;
    static final List<String> UNITS = VotingFixtures.units("065.21", 3);
    static final List<String> HEADERS = List.of("TT", "Tên tập thể", "Mã định danh", "Cụm/khối thi đua", "Hình thức khen thưởng", "Năm",
            "Điểm", "Xếp hạng", "Trạng thái / Số quyết định");
    static long decided;
    static long appraised;
    static long draft;

    @Inject
    ClusterDirectory directory;

    /** Cluster 965201 ranks its three units; the first is decided, the second appraised, the third still a draft. */
    @BeforeEach
    void threeProposals() {
        if (decided != 0) {
            return;
        }
        ProposalFixtures.award(AWARD, "PROVINCIAL");
        VotingFixtures.cluster(directory, CLUSTER, "CUM-EX", 2016, UNITS);
        VotingFixtures.ranking(CLUSTER, "CUM-EX", 2016, UNITS);
        ProposalFixtures.knownUnit(UNITS.get(0), "Hội Liên hiệp Thanh niên tỉnh Thanh Hóa");
        ProposalFixtures.knownUnit(UNITS.get(1), "Ủy ban Đoàn kết Công giáo tỉnh Thanh Hóa");
        draft = ProposalFixtures.draft(UNITS.get(2), AWARD, CLUSTER);
        appraised = ProposalFixtures.appraised(UNITS.get(1), AWARD, CLUSTER);
        long first = ProposalFixtures.appraised(UNITS.get(0), AWARD, CLUSTER);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("number", "21/QĐ-UBND", "date", "2017-01-20",
                "awardTypeCode", AWARD, "year", 2016, "units", List.of(UNITS.get(0)))).post("/api/awards/decisions").then().statusCode(201);
        decided = first;
    }

    @Test
    void theBoardGetsEveryProposalInTheLayoutOfTheCoverSubmissionsList() throws IOException {
        byte[] xlsx = export(BOARD, "?year=2016&awardTypeCode=" + AWARD);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("Danh sách");
            assertEquals("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2016", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("(Kèm theo Tờ trình đề nghị khen thưởng)", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals("Hình thức khen thưởng: Cờ thi đua thử TEST_EXPORT", sheet.getRow(2).getCell(0).getStringCellValue());
            int header = 4;
            assertEquals(HEADERS, texts(sheet.getRow(header)));
            assertEquals(List.of("1", "Hội Liên hiệp Thanh niên tỉnh Thanh Hóa", UNITS.get(0), "Cụm thi đua số 7", "Cờ thi đua thử TEST_EXPORT",
                    "2016", "95", "1", "Quyết định số 21/QĐ-UBND ngày 20/01/2017 của Chủ tịch UBND tỉnh"), texts(sheet.getRow(header + 1)));
            assertEquals(List.of("2", "Ủy ban Đoàn kết Công giáo tỉnh Thanh Hóa", UNITS.get(1), "Cụm thi đua số 7", "Cờ thi đua thử TEST_EXPORT",
                    "2016", "94", "2", "Đã thẩm định"), texts(sheet.getRow(header + 2)));
            // a unit awards-service does not know by name is shown by its code
            assertEquals(List.of("3", UNITS.get(2), UNITS.get(2), "Cụm thi đua số 7", "Cờ thi đua thử TEST_EXPORT", "2016", "93", "3",
                    "Đang soạn hồ sơ"), texts(sheet.getRow(header + 3)));
            assertEquals(header + 3, sheet.getLastRowNum());
            // points and ranks are numbers a spreadsheet can add up
            assertEquals(CellType.NUMERIC, sheet.getRow(header + 1).getCell(6).getCellType());
            assertEquals(CellType.NUMERIC, sheet.getRow(header + 1).getCell(7).getCellType());
        }
    }

    @Test
    void theListFollowsTheReadRulesAndFiltersOfTheProposalsList() throws IOException {
        // a unit's representative sees its own proposal; the portal nothing of a draft
        assertEquals(List.of(UNITS.get(1)), unitCodes(export(rep(UNITS.get(1)), "?year=2016&awardTypeCode=" + AWARD), 4));
        assertEquals(List.of(UNITS.get(0), UNITS.get(1)),
                unitCodes(export(TestTokens.user("portal-demo", "portal"), "?year=2016&awardTypeCode=" + AWARD), 4));
        byte[] appraisedOnly = export(BOARD, "?year=2016&clusterId=" + CLUSTER + "&status=APPRAISED");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(appraisedOnly))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals("Cụm/khối thi đua: Cụm thi đua số 7", sheet.getRow(2).getCell(0).getStringCellValue());
            assertEquals("Trạng thái: Đã thẩm định", sheet.getRow(3).getCell(0).getStringCellValue());
        }
        assertEquals(List.of(UNITS.get(1)), unitCodes(appraisedOnly, 5));
        assertEquals(List.of(), unitCodes(export(BOARD, "?year=2017&awardTypeCode=" + AWARD), 4));

        given().auth().oauth2(BOARD).get(ProposalFixtures.PROPOSALS + "/export").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(BOARD).get(ProposalFixtures.PROPOSALS + "/export?year=2016&status=NOWHERE").then().statusCode(400);
        given().auth().oauth2(BOARD).get(ProposalFixtures.PROPOSALS + "/export?year=2016&clusterId=x").then().statusCode(400);
        given().get(ProposalFixtures.PROPOSALS + "/export?year=2016").then().statusCode(401);
        // the proposal paths beside it still work
        given().auth().oauth2(BOARD).get(ProposalFixtures.PROPOSALS + "/" + draft).then().statusCode(200);
    }

    static byte[] export(String token, String query) {
        return given().auth().oauth2(token).get(ProposalFixtures.PROPOSALS + "/export" + query).then().statusCode(200)
                .contentType(Table.XLSX).header("Content-Disposition", containsString("danh-sach-de-nghi-khen-thuong-"))
                .extract().asByteArray();
    }

    /** The unit codes of the list's lines, below the header row at {@code header}. */
    static List<String> unitCodes(byte[] xlsx, int header) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals("Mã định danh", sheet.getRow(header).getCell(2).getStringCellValue());
            List<String> codes = new ArrayList<>();
            for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
                codes.add(sheet.getRow(r).getCell(2).getStringCellValue());
            }
            return codes;
        }
    }

    static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (Cell cell : row) {
            texts.add(cell.getCellType() == CellType.NUMERIC ? Long.toString((long) cell.getNumericCellValue()) : cell.getStringCellValue());
        }
        return texts;
    }
}
