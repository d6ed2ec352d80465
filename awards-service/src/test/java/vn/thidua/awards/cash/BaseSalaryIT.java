package vn.thidua.awards.cash;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.thidua.awards.vote.VotingFixtures.BOARD;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.thidua.awards.vote.VotingFixtures;
import vn.thidua.devstack.testing.TestTokens;
import vn.thidua.devstack.testing.RealInfrastructure;

/**
 * The base salary table through the API. Its days are far in the future (2040s), so no decision of
 * another test falls in their period: base salaries are one table for the whole service.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "awards"))
class BaseSalaryIT {
    static final String BASE_SALARIES = "/api/awards/base-salaries";

    @Inject
    DataSource dataSource;

    static Response put(String token, String day, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(BASE_SALARIES + "/" + day);
    }

    static Map<String, Object> salary(Object amount, String legalBasis, String tag) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("amount", amount);
        body.put("legalBasis", legalBasis);
        body.put("tag", tag);
        return body;
    }

    @Test
    void theBoardSetsAndCorrectsABaseSalaryAndEveryChangeIsAudited() throws SQLException {
        put(BOARD, "2040-07-01", salary(3_100_000, "  Nghị định   thử 1/2040/NĐ-CP ", "M")).then().statusCode(200).header("ETag", "\"0\"")
                .body("effectiveFrom", equalTo("2040-07-01")).body("amount", equalTo(3_100_000))
                .body("legalBasis", equalTo("Nghị định thử 1/2040/NĐ-CP")).body("tag", equalTo("M")).body("updatedBy", equalTo("board-officer"));
        // the same again changes nothing
        put(BOARD, "2040-07-01", salary(3_100_000, "Nghị định thử 1/2040/NĐ-CP", "M")).then().statusCode(200).header("ETag", "\"0\"");
        given().auth().oauth2(VotingFixtures.ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(salary(3_200_000, "Nghị định thử 2/2040/NĐ-CP", null)).put(BASE_SALARIES + "/2040-07-01").then().statusCode(200)
                .header("ETag", "\"1\"").body("amount", equalTo(3_200_000)).body("tag", nullValue()).body("updatedBy", equalTo("admin"));
        // an officer who read version 0 is told that it changed, and changes nothing
        given().auth().oauth2(BOARD).header("If-Match", "\"0\"").header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(salary(3_300_000, "Nghị định thử 3/2040/NĐ-CP", "V")).put(BASE_SALARIES + "/2040-07-01").then().statusCode(412)
                .contentType("application/problem+json").body("type", endsWith("stale-version"));
        given().auth().oauth2(BOARD).get(BASE_SALARIES + "/2040-07-01").then().statusCode(200).header("ETag", "\"1\"")
                .body("amount", equalTo(3_200_000));

        List<String> audit = audit("2040-07-01");
        assertEquals(2, audit.size(), audit.toString());
        assertEquals("null -> 3100000 by board-officer", audit.get(0));
        assertEquals("3100000 -> 3200000 by admin", audit.get(1));
        // the audit is kept as written
        assertThrows(SQLException.class, () -> update("UPDATE base_salary_audit SET actor = 'someone else' WHERE effective_from = DATE '2040-07-01'"));
        assertThrows(SQLException.class, () -> update("DELETE FROM base_salary_audit WHERE effective_from = DATE '2040-07-01'"));
        assertEquals(2, audit("2040-07-01").size());
    }

    @Test
    void everyoneWhoReadsDecisionsReadsTheBaseSalariesByDay() {
        put(BOARD, "2042-01-01", salary(3_600_000, "Nghị định thử 2042", "?")).then().statusCode(200);
        put(BOARD, "2041-01-01", salary(3_400_000, "Nghị định thử 2041", "V2")).then().statusCode(200);
        List<String> readers = List.of(BOARD, VotingFixtures.ADMIN, TestTokens.user("viewer", "viewer"), TestTokens.user("portal-demo", "portal"),
                VotingFixtures.rep("000.77.01.H56"), TestTokens.claims("leader", "cluster-leader").claim("unit", "000.77.01.H56")
                        .sign(TestTokens.privateKey()));
        for (String reader : readers) {
            List<String> days = given().auth().oauth2(reader).get(BASE_SALARIES).then().statusCode(200)
                    .body("effectiveFrom", hasItems("2041-01-01", "2042-01-01")).extract().jsonPath().getList("effectiveFrom");
            List<String> sorted = new ArrayList<>(days);
            java.util.Collections.sort(sorted);
            assertEquals(sorted, days, "by the day each takes effect");
        }
        given().get(BASE_SALARIES).then().statusCode(401);
        given().auth().oauth2(BOARD).get(BASE_SALARIES + "/2043-01-01").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badAmountsAndAMissingLegalBasisAreRefusedTogetherAndNothingIsWritten() {
        String day = "2045-01-01";
        given().auth().oauth2(BOARD).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(salary(new java.math.BigDecimal("2340000.5"), "  ", "X")).put(BASE_SALARIES + "/" + day).then().statusCode(422)
                .contentType("application/problem+json").body("type", endsWith("invalid-base-salary"))
                .body("errors.field", contains("amount", "legalBasis", "tag"))
                .body("errors[0].message", equalTo("The base salary is a whole number of VND, above 0 and at most 1000000000."))
                .body("errors[1].message", equalTo("Field \"legalBasis\" is required."));
        for (Object amount : List.<Object>of(0, -2_340_000, new java.math.BigDecimal("2340000.5"), 1_000_000_001L)) {
            put(BOARD, day, salary(amount, "Nghị định thử", "V")).then().statusCode(422).contentType("application/problem+json")
                    .body("errors.field", contains("amount"))
                    .body("errors[0].message", equalTo("Mức lương cơ sở là một số đồng nguyên, lớn hơn 0 và không quá 1000000000."));
        }
        put(BOARD, day, Map.of("amount", 2_340_000, "tag", "V")).then().statusCode(422).body("errors.field", contains("legalBasis"));
        put(BOARD, day, Map.of()).then().statusCode(422).body("errors.field", contains("amount", "legalBasis"));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).put(BASE_SALARIES + "/" + day).then().statusCode(400)
                .contentType("application/problem+json");
        put(BOARD, day, Map.of("amount", "hai triệu", "legalBasis", "x")).then().statusCode(400).contentType("application/problem+json");

        for (String badDay : List.of("2026-13-01", "2026-02-30", "01-07-2026", "hom-nay", "1900-01-01", "20260701")) {
            put(BOARD, badDay, salary(2_340_000, "Nghị định thử", "V")).then().statusCode(400).contentType("application/problem+json")
                    .body("type", endsWith("invalid-effective-from")).body("detail", containsString(badDay));
            given().auth().oauth2(BOARD).get(BASE_SALARIES + "/" + badDay).then().statusCode(400);
        }

        // only the Board and admins set it
        Map<String, Object> good = salary(2_340_000, "Nghị định thử", "V");
        put(VotingFixtures.rep("000.77.01.H56"), day, good).then().statusCode(403).contentType("application/problem+json");
        put(TestTokens.user("viewer", "viewer"), day, good).then().statusCode(403);
        put(TestTokens.user("portal-demo", "portal"), day, good).then().statusCode(403);
        given().contentType(ContentType.JSON).body(good).put(BASE_SALARIES + "/" + day).then().statusCode(401);

        given().auth().oauth2(BOARD).get(BASE_SALARIES + "/" + day).then().statusCode(404);
        given().auth().oauth2(BOARD).get(BASE_SALARIES).then().statusCode(200).body("effectiveFrom", org.hamcrest.Matchers.not(hasItems(day)));
    }

    private List<String> audit(String day) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement s = connection.prepareStatement(
                "SELECT before ->> 'amount', after ->> 'amount', actor FROM base_salary_audit WHERE effective_from = CAST(? AS date) ORDER BY id")) {
            s.setString(1, day);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " -> " + rs.getString(2) + " by " + rs.getString(3));
                }
            }
            return rows;
        }
    }

    private void update(String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement s = connection.prepareStatement(statement)) {
            s.executeUpdate();
        }
    }
}
