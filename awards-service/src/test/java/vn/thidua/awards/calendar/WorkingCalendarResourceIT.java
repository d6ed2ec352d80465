package vn.thidua.awards.calendar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.thidua.awards.vote.VotingFixtures.ADMIN;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.thidua.awards.vote.VotingFixtures;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;

/**
 * Working calendars and procedure limits through the API. The years (2090s) and limit codes (TEST_…)
 * are this test's own: both are one table for the whole service.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "awards"))
class WorkingCalendarResourceIT {
    static final String CALENDARS = "/api/awards/working-calendars";
    static final String LIMITS = "/api/awards/procedure-limits";

    @Inject
    DataSource dataSource;

    static Map<String, Object> day(String date, String kind, String name) {
        Map<String, Object> day = new LinkedHashMap<>();
        day.put("date", date);
        day.put("kind", kind);
        day.put("name", name);
        return day;
    }

    static Map<String, Object> calendar(List<?> weekend, List<?> days, String citation, String tag) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("weekendDays", weekend);
        body.put("days", days);
        body.put("citation", citation);
        body.put("tag", tag);
        return body;
    }

    static Response put(String token, int year, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(CALENDARS + "/" + year);
    }

    @Test
    void theBoardEntersAYearAndReplacesItWholeWithTheVersionItRead() throws SQLException {
        List<String> weekend = List.of("SATURDAY", "SUNDAY");
        put(BOARD, 2091, calendar(weekend, List.of(day("2091-02-16", "HOLIDAY", "Tết  Nguyên đán"), day("2091-01-06", "MAKE_UP_WORKDAY",
                "Làm bù")), "Thông báo thử 1/2091", "M")).then().statusCode(200).header("ETag", "\"0\"")
                .body("year", equalTo(2091)).body("weekendDays", contains("SATURDAY", "SUNDAY"))
                .body("days.date", contains("2091-01-06", "2091-02-16")).body("days[1].name", equalTo("Tết Nguyên đán"))
                .body("tag", equalTo("M")).body("updatedBy", equalTo("board-officer"));
        // a year entered before needs the version it was read at
        Map<String, Object> replacement = calendar(weekend, List.of(day("2091-02-16", "HOLIDAY", "Tết Nguyên đán"),
                day("2091-02-19", "HOLIDAY", "Tết Nguyên đán")), "Thông báo thử 2/2091", "V2");
        put(BOARD, 2091, replacement).then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(replacement).put(CALENDARS + "/2091")
                .then().statusCode(200).header("ETag", "\"1\"").body("days.date", contains("2091-02-16", "2091-02-19"))
                .body("updatedBy", equalTo("admin"));
        given().auth().oauth2(BOARD).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(replacement).put(CALENDARS + "/2091")
                .then().statusCode(412).contentType("application/problem+json").body("type", endsWith("stale-version"));

        // everybody signed in reads it; nobody else
        for (String reader : List.of(BOARD, TestTokens.user("viewer", "viewer"), VotingFixtures.rep("000.77.01.H56"),
                TestTokens.user("portal-demo", "portal"))) {
            given().auth().oauth2(reader).get(CALENDARS + "/2091").then().statusCode(200).header("ETag", "\"1\"")
                    .body("citation", equalTo("Thông báo thử 2/2091"));
        }
        given().get(CALENDARS + "/2091").then().statusCode(401);
        given().auth().oauth2(BOARD).header("Accept-Language", "en").get(CALENDARS + "/2099").then().statusCode(404)
                .contentType("application/problem+json").body("type", endsWith("working-calendar-not-found"))
                .body("detail", equalTo("The working calendar of 2099 has not been entered."));
        given().auth().oauth2(BOARD).get(CALENDARS + "/năm-nay").then().statusCode(400).contentType("application/problem+json");

        List<String> audit = audit(2091);
        assertEquals(List.of("null -> Thông báo thử 1/2091 by board-officer", "Thông báo thử 1/2091 -> Thông báo thử 2/2091 by admin"), audit);
        assertThrows(SQLException.class, () -> update("UPDATE working_calendar_audit SET actor = 'x' WHERE year = 2091"));
        assertThrows(SQLException.class, () -> update("DELETE FROM working_calendar_audit WHERE year = 2091"));
    }

    @Test
    void everyBrokenItemIsListedAndNothingIsWritten() {
        List<Map<String, Object>> days = new ArrayList<>();
        days.add(day("2093-01-01", "HOLIDAY", "Tết Dương lịch"));              // 0 fine
        days.add(day("2092-12-31", "HOLIDAY", "Năm trước"));                   // 1 outside the year
        days.add(day("2093-01-01", "HOLIDAY", "Lần nữa"));                     // 2 the same date twice
        days.add(day("2093-01-03", "MAKE_UP_WORKDAY", "Làm bù"));              // 3 fine (a Saturday)
        days.add(day("2093-01-03", "HOLIDAY", "Nghỉ"));                        // 4 a holiday on a make-up day
        days.add(day("2093-01-05", "MAKE_UP_WORKDAY", "Thứ Hai"));             // 5 a make-up day on a Monday
        days.add(day("2093-02-30", "HOLIDAY", "Không có ngày này"));           // 6 malformed date
        days.add(day("2093-03-02", "NGHI", "Loại lạ"));                        // 7 unknown kind
        days.add(day("2093-03-03", "HOLIDAY", "   "));                         // 8 empty name
        given().auth().oauth2(BOARD).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(calendar(List.of("SATURDAY", "SUNDAY", "FUNDAY"), days, "Thông báo thử", "X")).put(CALENDARS + "/2093").then()
                .statusCode(422).contentType("application/problem+json").body("type", endsWith("invalid-working-calendar"))
                .body("errors.field", contains("weekendDays[2]", "days[1].date", "days[2].date", "days[4].date", "days[5].date",
                        "days[6].date", "days[7].kind", "days[8].name", "tag"))
                .body("errors[4].message", equalTo("The make-up working day 2093-01-05 (MONDAY) is not a weekend day of this year."))
                .body("errors[3].message", equalTo(
                        "The date 2093-01-03 is given both as a holiday and as a make-up working day (see index 3, from 0)."));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 401; i++) {
            tooMany.add(day("2093-01-01", "HOLIDAY", "x"));
        }
        put(BOARD, 2093, calendar(List.of("SUNDAY"), tooMany, "c", "M")).then().statusCode(422).body("errors.field", contains("days"));
        put(BOARD, 2093, Map.of()).then().statusCode(422).body("errors.field", contains("weekendDays", "citation", "tag"));
        put(BOARD, 2093, calendar(List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"), List.of(), "c", "M"))
                .then().statusCode(422).body("errors.field", contains("weekendDays"));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).put(CALENDARS + "/2093").then().statusCode(400);
        given().auth().oauth2(BOARD).get(CALENDARS + "/2093").then().statusCode(404);

        // only the Board and admins enter calendars
        Map<String, Object> good = calendar(List.of("SATURDAY", "SUNDAY"), List.of(), "Thông báo thử", "M");
        put(VotingFixtures.rep("000.77.01.H56"), 2093, good).then().statusCode(403).contentType("application/problem+json");
        put(TestTokens.user("viewer", "viewer"), 2093, good).then().statusCode(403);
        given().contentType(ContentType.JSON).body(good).put(CALENDARS + "/2093").then().statusCode(401);
        given().auth().oauth2(BOARD).get(CALENDARS + "/2093").then().statusCode(404);
    }

    static Map<String, Object> limit(String code, String kind, Object value, String from, String to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("kind", kind);
        body.put("value", value);
        body.put("effectiveFrom", from);
        body.put("effectiveTo", to);
        body.put("citation", "QĐ 311/QĐ-BNV (2025), thử");
        body.put("tag", "V2");
        return body;
    }

    static Response post(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(LIMITS);
    }

    @Test
    void limitsAreDataInForceForAPeriodAndGiveDeadlinesOverTheCalendar() {
        // 2094: Tết Monday 15 to Friday 19 February
        List<Map<String, Object>> tet = new ArrayList<>();
        for (int d = 15; d <= 19; d++) {
            tet.add(day("2094-02-" + d, "HOLIDAY", "Tết Nguyên đán"));
        }
        put(BOARD, 2094, calendar(List.of("SATURDAY", "SUNDAY"), tet, "Thông báo thử 2094", "M")).then().statusCode(200);

        int id = post(BOARD, limit("TEST_RETURN_FAULTY", "WORKING_DAYS", 5, "2090-01-01", null)).then().statusCode(201)
                .header("ETag", "\"0\"").body("value", equalTo("5")).body("createdBy", equalTo("board-officer"))
                .extract().path("id");
        post(BOARD, limit("TEST_YEAR_END", "DAY_OF_YEAR", "12-10", "2090-01-01", null)).then().statusCode(201);
        // the same code over a period that overlaps is refused
        post(ADMIN, limit("TEST_RETURN_FAULTY", "WORKING_DAYS", "7", "2095-01-01", null)).then().statusCode(422)
                .body("type", endsWith("procedure-limits-overlap"));

        // received Friday 12 February 2094: Tết takes the next week
        given().auth().oauth2(VotingFixtures.rep("000.77.01.H56")).queryParam("code", "TEST_RETURN_FAULTY").queryParam("from", "2094-02-12")
                .get(LIMITS + "/due").then().statusCode(200).body("date", equalTo("2094-02-26")).body("limits[0].value", equalTo("5"))
                .body("limits[0].citation", equalTo("QĐ 311/QĐ-BNV (2025), thử")).body("limits[0].tag", equalTo("V2"))
                .body("calendarComplete", equalTo(true));
        // a year nobody entered: counted with weekends only, and said so
        given().auth().oauth2(BOARD).queryParam("code", "TEST_RETURN_FAULTY").queryParam("from", "2094-12-30").get(LIMITS + "/due").then()
                .statusCode(200).body("date", equalTo("2095-01-06")).body("calendarComplete", equalTo(false))
                .body("incompleteYears", contains(2095));
        // limits added up: 5 + 10 working days after Friday 12 February 2094, over Tết
        post(BOARD, limit("TEST_CONSULTATION_EXTRA", "WORKING_DAYS", 10, "2090-01-01", null)).then().statusCode(201);
        given().auth().oauth2(BOARD).queryParam("code", "TEST_RETURN_FAULTY", "TEST_CONSULTATION_EXTRA").queryParam("from", "2094-02-12")
                .get(LIMITS + "/due").then().statusCode(200).body("date", equalTo("2094-03-12"))
                .body("limits.code", contains("TEST_RETURN_FAULTY", "TEST_CONSULTATION_EXTRA"));
        given().auth().oauth2(BOARD).queryParam("code", "TEST_YEAR_END").queryParam("year", "2094").get(LIMITS + "/due").then()
                .statusCode(200).body("date", equalTo("2094-12-10"));
        given().auth().oauth2(BOARD).queryParam("code", "TEST_YEAR_END").queryParam("from", "2094-01-01").get(LIMITS + "/due").then()
                .statusCode(422).body("type", endsWith("procedure-limit-kind"));
        given().auth().oauth2(BOARD).queryParam("code", "TEST_NOTHING").queryParam("year", "2094").get(LIMITS + "/due").then()
                .statusCode(422).body("type", endsWith("no-procedure-limit-in-force"));

        // ended once, with the version read, and the next text's limit starts the day after
        Map<String, Object> end = Map.of("effectiveTo", "2095-12-31", "reason", "Văn bản mới");
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(end).post(LIMITS + "/" + id + "/end").then().statusCode(428);
        given().auth().oauth2(BOARD).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(end).post(LIMITS + "/" + id + "/end")
                .then().statusCode(200).header("ETag", "\"1\"").body("effectiveTo", equalTo("2095-12-31"));
        given().auth().oauth2(BOARD).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(end).post(LIMITS + "/" + id + "/end")
                .then().statusCode(409);
        post(BOARD, limit("TEST_RETURN_FAULTY", "WORKING_DAYS", 7, "2096-01-01", null)).then().statusCode(201);
        given().auth().oauth2(BOARD).queryParam("code", "TEST_RETURN_FAULTY").get(LIMITS).then().statusCode(200)
                .body("value", contains("5", "7"));
        given().auth().oauth2(TestTokens.user("viewer", "viewer")).get(LIMITS).then().statusCode(200).body("code", hasItem("TEST_YEAR_END"));
    }

    @Test
    void badLimitsAreRefusedWithEveryMistakeAndOnlyTheBoardWritesThem() {
        Map<String, Object> bad = limit("bad code!", "WEEKS", 5, null, null);
        bad.put("tag", "sure");
        bad.put("citation", " ");
        post(BOARD, bad).then().statusCode(422).contentType("application/problem+json").body("type", endsWith("invalid-procedure-limit"))
                .body("errors.field", contains("code", "kind", "effectiveFrom", "citation", "tag"));
        for (Object value : List.<Object>of(0, -5, "5.5", 367, "năm", List.of(5))) {
            post(BOARD, limit("TEST_BAD", "WORKING_DAYS", value, "2090-01-01", null)).then().statusCode(422)
                    .body("errors.field", contains("value"));
        }
        for (Object value : List.<Object>of("02-29", "13-01", "10/12", 1210)) {
            post(BOARD, limit("TEST_BAD", "DAY_OF_YEAR", value, "2090-01-01", null)).then().statusCode(422)
                    .body("errors.field", contains("value"));
        }
        post(BOARD, limit("TEST_BAD", "WORKING_DAYS", 5, "2090-01-01", "2089-01-01")).then().statusCode(422)
                .body("errors.field", contains("effectiveTo"));
        post(VotingFixtures.rep("000.77.01.H56"), limit("TEST_BAD", "WORKING_DAYS", 5, "2090-01-01", null)).then().statusCode(403);
        post(TestTokens.user("viewer", "viewer"), limit("TEST_BAD", "WORKING_DAYS", 5, "2090-01-01", null)).then().statusCode(403);
        given().auth().oauth2(BOARD).queryParam("code", "TEST_BAD").get(LIMITS).then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(BOARD).get(LIMITS + "/999999999").then().statusCode(404);
        given().auth().oauth2(BOARD).get(LIMITS + "/abc").then().statusCode(400);
    }

    private List<String> audit(int year) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement s = connection.prepareStatement(
                "SELECT before ->> 'citation', after ->> 'citation', actor FROM working_calendar_audit WHERE year = ? ORDER BY id")) {
            s.setInt(1, year);
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
