package vn.thidua.units.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.InputAttacks;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;

/**
 * Every write of units-service against hostile input (see {@link InputAttacks}): each case is
 * refused with a 4xx problem and the units and the cluster it aims at stay as they were.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "units"))
class InputAttackIT {
    private static final Logger LOG = Logger.getLogger(InputAttackIT.class);
    private static final String BOARD = TestTokens.user("board-officer", "board");
    // codes no other test of this service uses
    private static final String UNIT = "000.81.01.H56";
    private static final String OTHER = "000.81.02.H56";
    private static final int YEAR = 2031;

    @Test
    void everyWriteRefusesHostileInputAndChangesNothing() {
        ensureUnit(UNIT, "Sở Giáo dục và Đào tạo (kiểm thử tấn công)");
        ensureUnit(OTHER, "Sở Y tế (kiểm thử tấn công)");
        long cluster = given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("code", "ATK-IN-1", "name", "Cụm thi đua kiểm thử tấn công", "kind", "CLUSTER", "year", YEAR,
                        "members", List.of(UNIT)))
                .post("/api/clusters").then().statusCode(201).extract().jsonPath().getLong("id");
        String unitTag = etag("/api/units/" + UNIT);
        String clusterTag = etag("/api/clusters/" + cluster);
        String person = given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("fullName", "Nguyễn Thị Hoà (giả định)", "gender", "FEMALE", "personnelCode", "ATK-1", "joinedOn", "2020-01-01"))
                .post("/api/units/" + UNIT + "/people").then().statusCode(201).extract().jsonPath().getString("id");
        String personPath = "/api/units/" + UNIT + "/people/" + person;
        String personTag = etag(personPath);
        String initiative = given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("unitCode", UNIT, "title", "Sáng kiến kiểm thử tấn công", "registeredOn", "2025-03-01", "authors", List.of(person)))
                .post("/api/initiatives").then().statusCode(201).extract().jsonPath().getString("id");

        int cases = InputAttacks.assertRefused(() -> state(cluster),
                InputAttacks.json("POST", "/api/units", BOARD, """
                        {"code":"000.81.09.H56","name":"Phòng Nội vụ","shortName":"PNV","kind":"AGENCY","parentCode":"%s",
                         "administrativeAreaCode":"56","contact":{"person":"Nguyễn Thị Hoà","phone":"0258 3822 123","email":"pnv@khanhhoa.gov.vn"}}"""
                        .formatted(UNIT))
                        .texts("/code", "/name", "/shortName", "/kind", "/parentCode", "/administrativeAreaCode",
                                "/contact/person", "/contact/phone", "/contact/email"),
                InputAttacks.json("PUT", "/api/units/" + UNIT, BOARD, """
                        {"name":"Sở Giáo dục và Đào tạo","shortName":"SGDĐT","kind":"AGENCY",
                         "contact":{"person":"Trần Văn Bình","phone":"0258 3822 456","email":"sgddt@khanhhoa.gov.vn"}}""")
                        .header("If-Match", unitTag)
                        .texts("/name", "/shortName", "/kind", "/parentCode", "/administrativeAreaCode",
                                "/contact/person", "/contact/phone", "/contact/email"),
                InputAttacks.json("POST", "/api/units/" + UNIT + "/status", BOARD, """
                        {"status":"MERGED","effectiveFrom":"2031-01-01","mergedInto":"%s","reason":"Sáp nhập theo Quyết định 12/QĐ-UBND"}"""
                        .formatted(OTHER))
                        .header("If-Match", unitTag)
                        .texts("/status", "/effectiveFrom", "/mergedInto", "/reason"),
                InputAttacks.file("POST", "/api/units/import", BOARD, "text/csv"),
                InputAttacks.json("POST", "/api/units/" + UNIT + "/people", BOARD, """
                        {"fullName":"Trần Văn Bình","gender":"MALE","birthYear":1980,"personnelCode":"ATK-2","position":"Chuyên viên",
                         "joinedOn":"2021-01-01"}""")
                        .texts("/fullName", "/gender", "/personnelCode", "/position", "/joinedOn")
                        .numbers("/birthYear"),
                InputAttacks.json("PUT", personPath, BOARD, """
                        {"fullName":"Nguyễn Thị Hoà","gender":"FEMALE","birthYear":1981,"personnelCode":"ATK-1","position":"Phó phòng"}""")
                        .header("If-Match", personTag)
                        .texts("/fullName", "/gender", "/personnelCode", "/position")
                        .numbers("/birthYear"),
                InputAttacks.json("POST", personPath + "/leave", BOARD, """
                        {"leftOn":"2024-06-30","reason":"RETIRED"}""")
                        .header("If-Match", personTag)
                        .texts("/leftOn", "/reason"),
                InputAttacks.json("PUT", personPath + "/years/2024", BOARD, """
                        {"taskRating":"GOOD","titles":["LAO_DONG_TIEN_TIEN"],"discipline":"NONE","evidence":["QĐ 12/QĐ-SGD"],"note":"x"}""")
                        .texts("/taskRating", "/titles/0", "/discipline", "/evidence/0", "/note"),
                InputAttacks.file("POST", "/api/people/import", BOARD, "text/csv"),
                InputAttacks.json("POST", "/api/initiatives", BOARD, """
                        {"unitCode":"%s","title":"Sáng kiến số 2","summary":"Tóm tắt","registeredOn":"2025-04-01","authors":["%s"]}"""
                        .formatted(UNIT, person))
                        .texts("/unitCode", "/title", "/summary", "/registeredOn", "/authors/0"),
                InputAttacks.json("POST", "/api/initiatives/" + initiative + "/recognitions", BOARD, """
                        {"level":"GRASSROOTS","scope":"UNIT","issuer":"Hội đồng sáng kiến cơ sở","decisionNumber":"45/QĐ","decidedOn":"2025-11-20"}""")
                        .texts("/level", "/scope", "/issuer", "/decisionNumber", "/decidedOn"),
                InputAttacks.json("POST", "/api/clusters", BOARD, """
                        {"code":"ATK-IN-2","name":"Cụm thi đua số 2","kind":"CLUSTER","year":2031,"members":["%s"]}"""
                        .formatted(OTHER))
                        .texts("/code", "/name", "/kind", "/members/0")
                        .numbers("/year"),
                InputAttacks.json("POST", "/api/clusters/" + cluster + "/members", BOARD, """
                        {"unitCode":"%s"}""".formatted(OTHER))
                        .header("If-Match", clusterTag)
                        .texts("/unitCode"),
                InputAttacks.json("PUT", "/api/clusters/" + cluster + "/leadership", BOARD, """
                        {"leaderUnitCode":"%s","deputyUnitCode":null}""".formatted(UNIT))
                        .header("If-Match", clusterTag)
                        .texts("/leaderUnitCode", "/deputyUnitCode"),
                InputAttacks.json("PUT", "/api/clusters/" + cluster + "/agreement", BOARD, """
                        {"signedOn":"2031-02-01","signatories":["%s"]}""".formatted(UNIT))
                        .header("If-Match", clusterTag)
                        .texts("/signedOn", "/signatories/0"),
                InputAttacks.file("PUT", "/api/clusters/" + cluster + "/agreement/document", BOARD, "application/pdf")
                        .header("If-Match", clusterTag),
                InputAttacks.json("PUT", "/api/clusters/" + cluster + "/emulation-leaders", BOARD, """
                        {"unitCodes":["%s"],"reference":"Biên bản họp cụm số 12/BB-CTĐ ngày 14/12/2031"}""".formatted(UNIT))
                        .header("If-Match", clusterTag)
                        .texts("/unitCodes/0", "/reference"));
        LOG.infof("units-service: %d input attacks on 17 writes, all refused", cases);
    }

    private static String state(long cluster) {
        return String.join("\n",
                read("/api/units/" + UNIT + "/people?which=ALL&size=100"),
                read("/api/initiatives?unit=" + UNIT),
                read("/api/units?size=100"),
                read("/api/units/" + UNIT + "/status-history"),
                read("/api/units/" + OTHER + "/status-history"),
                read("/api/clusters?year=" + YEAR),
                read("/api/clusters/" + cluster),
                read("/api/clusters/" + cluster + "/membership-history"));
    }

    private static String read(String path) {
        return given().auth().oauth2(BOARD).get(path).then().statusCode(200).extract().asString();
    }

    private static String etag(String path) {
        return given().auth().oauth2(BOARD).get(path).then().statusCode(200).extract().header("ETag");
    }

    /** Control characters in a URL and pages no list has: 400 {@code invalid-request} / {@code invalid-page} problems, never a 500. */
    @Test
    void hostileUrlsAreRefusedWithAProblemNeverA500() {
        given().auth().oauth2(BOARD).queryParam("q", "a\u0000b").get("/api/units")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/invalid-request")).body("detail", containsString("\"q\""));
        given().auth().oauth2(BOARD).header("Accept-Language", "en").queryParam("q", "a\u001Fb").get("/api/units")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("Query parameter \"q\" contains a control character (such as NUL), which is not accepted."));
        for (String path : List.of("/api/units/a%00b", "/api/units/000.81.01.H56%0D%0Ax", "/api/clusters/1%00")) {
            given().auth().oauth2(BOARD).urlEncodingEnabled(false).get(path)
                    .then().statusCode(400).contentType("application/problem+json").body("type", endsWith("/invalid-request"));
        }
        // broken percent-encoding (no client library sends it, so as raw HTTP): Vert.x refuses it before any resource, a bare 400
        String answer = rawGet("/api/units?q=%zz");
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        for (String list : List.of("/api/units", "/api/clusters")) {
            given().auth().oauth2(BOARD).queryParam("page", Integer.MAX_VALUE).get(list)
                    .then().statusCode(400).contentType("application/problem+json").body("type", endsWith("/invalid-page"));
        }
        given().auth().oauth2(BOARD).queryParam("page", 100_000).get("/api/units").then().statusCode(200);
    }

    private static String rawGet(String target) {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + BOARD
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void ensureUnit(String code, String name) {
        int status = given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("code", code, "name", name))
                .post("/api/units").then().extract().statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("Cannot register unit " + code + ": HTTP " + status);
        }
    }
}
