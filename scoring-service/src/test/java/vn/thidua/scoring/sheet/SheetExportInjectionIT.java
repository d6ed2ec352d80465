package vn.thidua.scoring.sheet;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.thidua.scoring.flow.SeedStoryScoringIT.BOARD;
import static vn.thidua.scoring.flow.SeedStoryScoringIT.announceCluster;
import static vn.thidua.scoring.flow.SeedStoryScoringIT.criteriaSet;
import static vn.thidua.scoring.flow.SeedStoryScoringIT.rep;
import static vn.thidua.scoring.flow.SeedStoryScoringIT.score;
import static vn.thidua.scoring.flow.SeedStoryScoringIT.sheetOf;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.EventSamples;
import vn.thidua.devstack.testing.KafkaTestClient;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.platform.web.Table;

/**
 * OWASP "CSV injection" through a real round trip: a unit types a score comment that a spreadsheet
 * would run as a formula, and a unit registered under a formula-like name (as units-service
 * announces it) is scored; the Board's exports of that sheet must show both as text.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "scoring"))
class SheetExportInjectionIT {
    // a cluster-year and units no other test of this service uses
    private static final long CLUSTER = 700097;
    private static final String UNIT = "000.00.97.H56";
    private static final String PEER = "000.00.98.H56";
    private static final String FORMULA_NAME = "=HYPERLINK(\"http://x\",\"y\")";
    private static final String FORMULA_COMMENT = "+1+1";

    @Test
    void formulaLikeTextEnteredByAUnitIsExportedAsText() throws IOException {
        announceUnit(UNIT, FORMULA_NAME);
        announceUnit(PEER, "Tỉnh đoàn (kiểm thử xuất tệp)");
        announceCluster(CLUSTER, 2016, List.of(UNIT, PEER));
        long set = ((Number) given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(criteriaSet(CLUSTER, "2099-12-10"))
                .post("/api/scoring/criteria-sets").then().statusCode(201).extract().path("id")).longValue();
        given().auth().oauth2(BOARD).post("/api/scoring/criteria-sets/" + set + "/publish").then().statusCode(200);
        long sheet = sheetOf(set, "SELF", UNIT, UNIT);
        score(rep(UNIT), sheet, "I.2", Map.of("points", 15, "comment", FORMULA_COMMENT)).then().statusCode(200);

        String csv = given().auth().oauth2(BOARD).queryParam("format", "csv").when().get("/api/scoring/sheets/" + sheet + "/export")
                .then().statusCode(200).extract().asString();
        String row = csv.lines().filter(line -> line.startsWith("I.2,")).findFirst().orElseThrow();
        assertTrue(row.contains(",15,\"'+1+1\","), row);

        byte[] xlsx = given().auth().oauth2(BOARD).when().get("/api/scoring/sheets/" + sheet + "/export")
                .then().statusCode(200).contentType(Table.XLSX).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet printed = workbook.getSheetAt(0);
            Cell unitTitle = printed.getRow(2).getCell(0);
            assertEquals(CellType.STRING, unitTitle.getCellType());
            assertEquals("Đơn vị được chấm: " + FORMULA_NAME + " (" + UNIT + ")", unitTitle.getStringCellValue());
            Row scored = rowOf(printed, "I.2");
            assertEquals(CellType.NUMERIC, scored.getCell(4).getCellType());
            assertEquals(CellType.STRING, scored.getCell(5).getCellType());
            assertEquals(FORMULA_COMMENT, scored.getCell(5).getStringCellValue());
        }
    }

    private static Row rowOf(Sheet sheet, String criterionCode) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && criterionCode.equals(first.getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + criterionCode);
    }

    private static void announceUnit(String code, String name) {
        KafkaTestClient.shared().sendCloudEvent("thidua.units.v1", code, EventSamples.unitRegistered(UUID.randomUUID().toString(), code, name, 0));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(BOARD).get("/api/scoring/units/" + code).then().statusCode(200));
    }
}
