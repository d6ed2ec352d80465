package vn.thidua.units.unit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.KafkaTestClient;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "units"))
class UnitRegistryIT {
    private static final String BOARD = TestTokens.user("board-officer", "board");

    static Response register(Map<String, ?> unit) {
        return given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(unit).when().post("/api/units");
    }

    static Map<String, Object> unit(String code, String name) {
        Map<String, Object> unit = new HashMap<>();
        unit.put("code", code);
        unit.put("name", name);
        return unit;
    }

    @Test
    void registersAllDetailsAndRefusesUnknownParentsAndCycles() {
        Map<String, Object> province = unit("000.00.40.H56", "Ủy ban nhân dân tỉnh Thanh Hóa");
        province.put("kind", "other");
        province.put("administrativeAreaCode", "38");
        register(province).then().statusCode(201).body("kind", equalTo("OTHER")).body("status", equalTo("ACTIVE"));

        Map<String, Object> department = unit("000.00.41.H56", "Sở Nội vụ tỉnh Thanh Hóa");
        department.put("shortName", "Sở Nội vụ");
        department.put("kind", "DEPARTMENT");
        department.put("parentCode", "000.00.40.H56");
        department.put("contact", Map.of("person", "Nguyễn Văn A", "phone", "0237 3852 000", "email", "SNV@ThanhHoa.gov.vn"));
        register(department).then().statusCode(201)
                .body("parentCode", equalTo("000.00.40.H56"))
                .body("contact.email", equalTo("snv@thanhhoa.gov.vn"));

        Map<String, Object> orphan = unit("000.00.42.H56", "Ban Thi đua – Khen thưởng");
        orphan.put("parentCode", "000.99.99.H56");
        register(orphan).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://thidua.vn/problems/unknown-parent"));
        orphan.put("parentCode", "000.00.42.H56");
        register(orphan).then().statusCode(422).body("type", equalTo("https://thidua.vn/problems/parent-cycle"));

        // making the province a child of its own department closes a cycle
        Map<String, Object> cycle = new HashMap<>(province);
        cycle.put("parentCode", "000.00.41.H56");
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(cycle)
                .when().put("/api/units/000.00.40.H56")
                .then().statusCode(422).body("type", equalTo("https://thidua.vn/problems/parent-cycle"));

        Map<String, Object> badKind = unit("000.00.43.H56", "Đơn vị thử");
        badKind.put("kind", "club");
        register(badKind).then().statusCode(400).body("type", equalTo("https://thidua.vn/problems/invalid-field"));
        badKind.put("kind", "OTHER");
        badKind.put("contact", Map.of("email", "not-an-address"));
        register(badKind).then().statusCode(400);
        given().auth().oauth2(BOARD).when().get("/api/units/000.00.43.H56").then().statusCode(404);
    }

    @Test
    void updatesNeedTheCurrentVersionAndAreAnnounced() {
        register(unit("000.00.44.H56", "Hội Chữ thập đỏ tỉnh Thanh Hóa")).then().statusCode(201);
        Map<String, Object> renamed = unit("000.00.44.H56", "Hội Chữ thập đỏ tỉnh Thanh Hóa");
        renamed.put("shortName", "Hội CTĐ");

        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(renamed)
                .when().put("/api/units/000.00.44.H56")
                .then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(renamed)
                .when().put("/api/units/000.00.44.H56")
                .then().statusCode(412).body("type", equalTo("https://thidua.vn/problems/stale-version"));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(renamed)
                .when().put("/api/units/000.00.44.H56")
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("shortName", equalTo("Hội CTĐ"));
        // the same edit again changes nothing and keeps the version
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(renamed)
                .when().put("/api/units/000.00.44.H56")
                .then().statusCode(200).header("ETag", equalTo("\"1\""));

        JsonNode updated = event("000.00.44.H56", UnitEvents.UNIT_UPDATED);
        assertEquals("Hội CTĐ", updated.at("/data/shortName").asText());
        assertEquals(1, updated.at("/data/version").asInt());
    }

    @Test
    void aUnitRepresentativeReadsAndEditsOnlyItsOwnUnitsContact() {
        register(unit("000.00.45.H56", "Hội Liên hiệp Phụ nữ tỉnh Thanh Hóa")).then().statusCode(201);
        register(unit("000.00.46.H56", "Hội Cựu chiến binh tỉnh Thanh Hóa")).then().statusCode(201);
        String rep = TestTokens.unitRep("hoiphunu", "000.00.45.H56");

        Map<String, Object> contact = unit("000.00.45.H56", "Hội Liên hiệp Phụ nữ tỉnh Thanh Hóa");
        contact.put("contact", Map.of("person", "Lê Thị B", "phone", "+84 912 345 678"));
        given().auth().oauth2(rep).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(contact)
                .when().put("/api/units/000.00.45.H56")
                .then().statusCode(200).body("contact.person", equalTo("Lê Thị B"));

        Map<String, Object> rename = new HashMap<>(contact);
        rename.put("name", "Tên khác");
        given().auth().oauth2(rep).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(rename)
                .when().put("/api/units/000.00.45.H56")
                .then().statusCode(403).body("type", equalTo("https://thidua.vn/problems/contact-only"));
        given().auth().oauth2(rep).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(unit("000.00.46.H56", "Hội Cựu chiến binh tỉnh Thanh Hóa"))
                .when().put("/api/units/000.00.46.H56").then().statusCode(403);
        given().auth().oauth2(rep).when().get("/api/units/000.00.46.H56").then().statusCode(403);
        given().auth().oauth2(rep).when().get("/api/units/000.00.45.H56").then().statusCode(200);
        given().auth().oauth2(rep).queryParam("size", 200).when().get("/api/units")
                .then().statusCode(200).body("total", equalTo(1)).body("items.code", contains("000.00.45.H56"));
        given().auth().oauth2(TestTokens.user("rep-without-unit", "unit-rep")).when().get("/api/units/000.00.45.H56")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.user("viewer-1", "viewer")).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(contact).when().put("/api/units/000.00.45.H56").then().statusCode(403);
    }

    @Test
    void statusChangesFollowTheRulesAndKeepTheirHistory() {
        register(unit("000.00.47.H56", "Liên minh Hợp tác xã tỉnh Thanh Hóa")).then().statusCode(201);
        register(unit("000.00.48.H56", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Thanh Hóa")).then().statusCode(201);
        register(unit("000.00.49.H56", "Đơn vị đã giải thể")).then().statusCode(201);

        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("status", "DISSOLVED", "effectiveFrom", "2025-07-01", "reason", "Sắp xếp tổ chức bộ máy"))
                .when().post("/api/units/000.00.49.H56/status")
                .then().statusCode(200).body("status", equalTo("DISSOLVED"));

        status("000.00.47.H56", "0", Map.of("status", "MERGED", "effectiveFrom", "2025-07-01", "mergedInto", "000.00.49.H56"))
                .then().statusCode(422).body("type", equalTo("https://thidua.vn/problems/merge-target-inactive"));
        status("000.00.47.H56", "0", Map.of("status", "MERGED", "effectiveFrom", "2025-07-01", "mergedInto", "000.00.47.H56"))
                .then().statusCode(422).body("type", equalTo("https://thidua.vn/problems/merge-into-itself"));
        status("000.00.47.H56", "0", Map.of("status", "MERGED", "effectiveFrom", "2025-07-01"))
                .then().statusCode(422).body("type", equalTo("https://thidua.vn/problems/merge-target-required"));
        status("000.00.47.H56", "0", Map.of("status", "MERGED", "mergedInto", "000.00.48.H56"))
                .then().statusCode(400);
        status("000.00.47.H56", "0", Map.of("status", "ACTIVE", "effectiveFrom", "2025-07-01"))
                .then().statusCode(409);
        status("000.00.47.H56", "0", Map.of("status", "SLEEPING", "effectiveFrom", "2025-07-01"))
                .then().statusCode(400);
        status("000.00.47.H56", "0", Map.of("status", "MERGED", "effectiveFrom", "1 tháng 7"))
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.unitRep("lmhtx", "000.00.47.H56")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("status", "DISSOLVED", "effectiveFrom", "2025-07-01"))
                .when().post("/api/units/000.00.47.H56/status").then().statusCode(403);

        status("000.00.47.H56", "0", Map.of("status", "MERGED", "effectiveFrom", "2025-07-01", "mergedInto", "000.00.48.H56",
                "reason", "Hợp nhất vào Ủy ban MTTQ"))
                .then().statusCode(200).body("status", equalTo("MERGED")).body("mergedIntoCode", equalTo("000.00.48.H56"))
                .body("statusEffectiveFrom", equalTo("2025-07-01"));
        given().auth().oauth2(BOARD).when().get("/api/units/000.00.47.H56/status-history")
                .then().statusCode(200).body("$", hasSize(1))
                .body("[0].status", equalTo("MERGED")).body("[0].changedBy", equalTo("board-officer"))
                .body("[0].reason", equalTo("Hợp nhất vào Ủy ban MTTQ"));

        JsonNode changed = event("000.00.47.H56", UnitEvents.UNIT_STATUS_CHANGED);
        assertEquals("MERGED", changed.at("/data/status").asText());
        assertEquals("000.00.48.H56", changed.at("/data/mergedIntoCode").asText());
    }

    @Test
    void searchIgnoresAccentsAndCaseAndSortsTheVietnameseWay() {
        for (String[] u : List.of(
                new String[] {"000.01.01.H56", "Đội xung kích Ximsort"},
                new String[] {"000.01.02.H56", "Dân vận Ximsort"},
                new String[] {"000.01.03.H56", "Ăn uống Ximsort"},
                new String[] {"000.01.04.H56", "An toàn Ximsort"},
                new String[] {"000.01.05.H56", "Âm nhạc Ximsort"})) {
            Map<String, Object> unit = unit(u[0], u[1]);
            unit.put("kind", "ENTERPRISE");
            register(unit).then().statusCode(201);
        }
        given().auth().oauth2(BOARD).queryParam("q", "XIMSORT").when().get("/api/units")
                .then().statusCode(200).body("total", equalTo(5))
                .body("items.name", contains("An toàn Ximsort", "Ăn uống Ximsort", "Âm nhạc Ximsort", "Dân vận Ximsort", "Đội xung kích Ximsort"));
        given().auth().oauth2(BOARD).queryParam("q", "doi ximsort").when().get("/api/units")
                .then().body("items.code", contains("000.01.01.H56"));
        given().auth().oauth2(BOARD).queryParam("q", "ximsort").queryParam("size", 2).queryParam("page", 1).when().get("/api/units")
                .then().body("total", equalTo(5)).body("items.name", contains("Âm nhạc Ximsort", "Dân vận Ximsort"));
        given().auth().oauth2(BOARD).queryParam("q", "ximsort 100%_").when().get("/api/units").then().body("total", equalTo(0));
        given().auth().oauth2(BOARD).queryParam("kind", "enterprise").queryParam("q", "xim").when().get("/api/units")
                .then().body("total", equalTo(5));
        given().auth().oauth2(BOARD).queryParam("status", "DISSOLVED").queryParam("q", "ximsort").when().get("/api/units")
                .then().body("total", equalTo(0));

        register(unit("000.01.06.H56", "Hội Nông dân tỉnh Thanh Hóa")).then().statusCode(201);
        given().auth().oauth2(TestTokens.user("viewer-1", "viewer")).queryParam("q", "hoi nong dan").when().get("/api/units")
                .then().statusCode(200).body("items.code", org.hamcrest.Matchers.hasItem("000.01.06.H56"));
        given().auth().oauth2(BOARD).queryParam("kind", "club").when().get("/api/units").then().statusCode(400);
        given().auth().oauth2(BOARD).queryParam("size", 1000).when().get("/api/units").then().statusCode(400);
    }

    @Test
    void importsCsvIdempotentlyWithAReportPerRow() {
        String csv = """
                code,name,short_name,kind,parent_code,administrative_area_code,contact_email
                000.02.02.H56,Phòng Thi đua – Khen thưởng,Phòng TĐKT,department,000.02.01.H56,38,
                000.02.01.H56,Sở Văn hóa tỉnh Thanh Hóa,,DEPARTMENT,,38,vanhoa@thanhhoa.gov.vn
                bad code,Đơn vị lỗi,,,,,
                000.02.01.H56,Trùng mã,,,,,
                000.02.03.H56,Đơn vị có cấp trên không tồn tại,,,000.09.09.H56,,
                000.02.04.H56,Đơn vị có email sai,,,,,khong-phai-email
                """;
        given().auth().oauth2(BOARD).header("Accept-Language", "en").contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/api/units/import")
                .then().statusCode(200)
                .body("rows", equalTo(6))
                .body("counts.CREATED", equalTo(2)).body("counts.REJECTED", equalTo(4))
                .body("results[0].row", equalTo(2)).body("results[0].outcome", equalTo("CREATED"))
                .body("results[2].outcome", equalTo("REJECTED")).body("results[2].problemType", equalTo("invalid-unit-code"))
                .body("results[3].problemType", equalTo("duplicate-in-file"))
                .body("results[3].reason", containsString("row 3"))
                .body("results[4].problemType", equalTo("unknown-parent"))
                .body("results[5].problemType", equalTo("invalid-field"));
        given().auth().oauth2(BOARD).when().get("/api/units/000.02.02.H56")
                .then().statusCode(200).body("parentCode", equalTo("000.02.01.H56")).body("kind", equalTo("DEPARTMENT"));

        given().auth().oauth2(BOARD).contentType("text/csv; charset=UTF-8").body(csv).when().post("/api/units/import")
                .then().statusCode(200).body("counts.CREATED", equalTo(0)).body("counts.UNCHANGED", equalTo(2));
        String changed = "code,name\n000.02.01.H56,Sở Văn hóa và Thể thao tỉnh Thanh Hóa\n";
        given().auth().oauth2(BOARD).contentType("text/csv; charset=UTF-8").body(changed).when().post("/api/units/import")
                .then().statusCode(200).body("counts.UPDATED", equalTo(1));
        given().auth().oauth2(BOARD).when().get("/api/units/000.02.01.H56")
                .then().body("name", equalTo("Sở Văn hóa và Thể thao tỉnh Thanh Hóa")).body("parentCode", nullValue());
    }

    @Test
    void importsXlsxAndRefusesWhatItCannotRead() throws Exception {
        byte[] workbook;
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = book.createSheet("Đơn vị");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("Code");
            header.createCell(1).setCellValue("Name");
            header.createCell(2).setCellValue("Kind");
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("000.03.01.H56");
            row.createCell(1).setCellValue("Hội Khuyến học tỉnh Thanh Hóa");
            row.createCell(2).setCellValue("MASS_ORGANISATION");
            book.write(out);
            workbook = out.toByteArray();
        }
        given().auth().oauth2(BOARD).contentType(UnitSheet.XLSX).body(workbook).when().post("/api/units/import")
                .then().statusCode(200).body("counts.CREATED", equalTo(1));
        given().auth().oauth2(BOARD).when().get("/api/units/000.03.01.H56").then().statusCode(200).body("kind", equalTo("MASS_ORGANISATION"));

        given().auth().oauth2(BOARD).contentType("text/plain").body("code,name").when().post("/api/units/import")
                .then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(BOARD).contentType("text/csv").body("ma,ten\n1,2\n").when().post("/api/units/import")
                .then().statusCode(400).body("type", equalTo("https://thidua.vn/problems/missing-columns"));
        given().auth().oauth2(BOARD).contentType(UnitSheet.XLSX).body("not a workbook".getBytes()).when().post("/api/units/import")
                .then().statusCode(400).body("type", equalTo("https://thidua.vn/problems/unreadable-file"));
        given().auth().oauth2(TestTokens.user("viewer-1", "viewer")).contentType("text/csv").body("code,name\n")
                .when().post("/api/units/import").then().statusCode(403);
    }

    private static Response status(String code, String version, Map<String, String> body) {
        return given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"").body(body)
                .when().post("/api/units/" + code + "/status");
    }

    private static JsonNode event(String code, String type) {
        String value = KafkaTestClient.shared().awaitRecord(UnitEvents.TOPIC,
                r -> code.equals(r.key()) && r.value().contains(type), Duration.ofSeconds(30)).value();
        try {
            return new ObjectMapper().readTree(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
