package vn.thidua.scoring.registration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.thidua.scoring.flow.SeedStoryScoringIT.BOARD;
import static vn.thidua.scoring.flow.SeedStoryScoringIT.fieldNames;
import static vn.thidua.scoring.flow.SeedStoryScoringIT.rep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.KafkaTestClient;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.scoring.flow.SeedStoryScoringIT;

/** The year-end member statistics: entered by the unit, confirmed by the Board, and sent on as {@code YearEndReported}. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "scoring"))
public class MemberStatisticsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int YEAR = 2021;
    static final String UNIT = "000.07.21.H56";
    static final String NEIGHBOUR = "000.07.22.H56";
    static final String UNREPORTED = "000.07.23.H56";

    /** The statistics as a unit's form sends them. */
    public static Map<String, Object> statistics(Object members, Object completingTasks, Object advancedLabour, Object grassrootsFighters,
                                                 Object disciplinedWarningOrAbove, Object women) {
        Map<String, Object> body = new HashMap<>();
        body.put("members", members);
        body.put("completingTasks", completingTasks);
        body.put("advancedLabour", advancedLabour);
        body.put("grassrootsFighters", grassrootsFighters);
        body.put("disciplinedWarningOrAbove", disciplinedWarningOrAbove);
        body.put("women", women);
        return body;
    }

    static String path(int year, String unit) {
        return "/api/scoring/registrations/" + year + "/" + unit + "/member-statistics";
    }

    /** Enters the statistics as the unit's representative; the registration's new version. */
    public static long enter(int year, String unit, Map<String, Object> statistics) {
        return version(given().auth().oauth2(rep(unit)).contentType(ContentType.JSON).body(statistics).when().put(path(year, unit))
                .then().statusCode(200).extract().response());
    }

    /** Confirms them as the Board, at the registration's current version. */
    public static long confirm(int year, String unit) {
        String etag = given().auth().oauth2(BOARD).when().get("/api/scoring/registrations/" + year + "/" + unit).header("ETag");
        return version(given().auth().oauth2(BOARD).header("If-Match", etag).when().post(path(year, unit) + "/confirm")
                .then().statusCode(200).body("memberStatistics.confirmed", equalTo(true)).extract().response());
    }

    static long version(Response response) {
        return ((Number) response.path("version")).longValue();
    }

    /** The {@code YearEndReported} of the unit's registration at that version, as it reached the topic. */
    static JsonNode yearEndReported(int year, String unit, long version) throws IOException {
        String value = KafkaTestClient.shared().awaitRecord(RegistrationService.TOPIC, r -> {
            if (!(unit + "/" + year).equals(r.key())) {
                return false;
            }
            JsonNode event = read(r.value());
            return RegistrationService.YEAR_END_REPORTED.equals(event.get("type").asText()) && event.at("/data/version").asLong() == version;
        }, Duration.ofSeconds(30)).value();
        return JSON.readTree(value);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample event that docs/events.md gives for {@code YearEndReported}: the shape awards-service reads. */
    static JsonNode documentedSample() throws IOException {
        Path catalogue = Path.of("").toAbsolutePath();
        while (!Files.exists(catalogue.resolve("docs/events.md"))) {
            catalogue = catalogue.getParent();
        }
        String text = Files.readString(catalogue.resolve("docs/events.md"));
        int section = text.indexOf("### `vn.thidua.scoring.YearEndReported`");
        assertTrue(section >= 0, "docs/events.md documents YearEndReported");
        int start = text.indexOf("```json", section) + "```json".length();
        return JSON.readTree(text.substring(start, text.indexOf("```", start)));
    }

    @Test
    void theUnitEntersTheBoardConfirmsAndAwardsHearsOfEachStep() throws Exception {
        SeedStoryScoringIT.announceCluster(730021, YEAR, List.of(UNIT, NEIGHBOUR, UNREPORTED));
        given().auth().oauth2(rep(UNIT)).contentType(ContentType.JSON).body(RegistrationIT.registration())
                .when().put("/api/scoring/registrations/" + YEAR + "/" + UNIT).then().statusCode(200).body("memberStatistics", nullValue());
        Map<String, Object> forty = statistics(40, 40, 30, 2, 0, 29);

        // another unit's representative may not; nor may anyone before the unit has registered
        given().auth().oauth2(rep(NEIGHBOUR)).contentType(ContentType.JSON).body(forty).when().put(path(YEAR, UNIT)).then().statusCode(403);
        given().auth().oauth2(rep(UNREPORTED)).contentType(ContentType.JSON).body(forty).when().put(path(YEAR, UNREPORTED))
                .then().statusCode(404);

        // every bad figure is listed, in the caller's language
        given().auth().oauth2(rep(UNIT)).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(statistics(0, null, -1, 41, 2_000_000, 3)).when().put(path(YEAR, UNIT))
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://thidua.vn/problems/invalid-member-statistics"))
                .body("errors", hasSize(4))
                .body("errors.field", equalTo(List.of("members", "completingTasks", "advancedLabour", "disciplinedWarningOrAbove")))
                .body("errors.find { it.field == 'disciplinedWarningOrAbove' }.message", containsString("1,000,000"));
        given().auth().oauth2(rep(UNIT)).contentType(ContentType.JSON).body(statistics(40, 41, 30, 2, 0, 50)).when().put(path(YEAR, UNIT))
                .then().statusCode(422).body("errors.field", equalTo(List.of("completingTasks", "women")))
                .body("errors[0].message", equalTo("Số 41 lớn hơn tổng số thành viên (40)."));
        // a fraction is not a count: refused while the body is read
        given().auth().oauth2(rep(UNIT)).contentType(ContentType.JSON).body(statistics(40, 40, 30.5, 2, 0, 29)).when().put(path(YEAR, UNIT))
                .then().statusCode(400);

        Response first = given().auth().oauth2(rep(UNIT)).contentType(ContentType.JSON).body(forty).when().put(path(YEAR, UNIT))
                .then().statusCode(200)
                .body("memberStatistics.members", equalTo(40))
                .body("memberStatistics.women", equalTo(29))
                .body("memberStatistics.womenSharePercent", equalTo(72.5f))
                .body("memberStatistics.confirmed", equalTo(false))
                .body("memberStatistics.confirmedBy", nullValue())
                .extract().response();
        long entered = version(first);
        assertEquals("\"" + entered + "\"", first.header("ETag"));
        JsonNode event = yearEndReported(YEAR, UNIT, entered);
        assertEquals(UNIT + "/" + YEAR, event.get("subject").asText());
        JsonNode data = event.get("data");
        assertEquals(YEAR, data.get("year").asInt());
        assertEquals(730021, data.get("clusterId").asLong());
        assertEquals(3, data.get("targets").size());
        assertTrue(data.at("/targets/0/attainment").isNull(), "no year-end result yet");
        assertEquals(29, data.at("/memberStatistics/women").asInt());
        assertEquals(false, data.at("/memberStatistics/confirmed").asBoolean());
        assertTrue(data.at("/memberStatistics/confirmedAt").isNull());
        // exactly the documented shape, to the nested records
        JsonNode documented = documentedSample();
        assertEquals(fieldNames(documented), fieldNames(event));
        assertEquals(fieldNames(documented.get("data")), fieldNames(data));
        assertEquals(fieldNames(documented.at("/data/targets/0")), fieldNames(data.at("/targets/0")));
        assertEquals(fieldNames(documented.at("/data/memberStatistics")), fieldNames(data.get("memberStatistics")));
        assertEquals(documented.get("type").asText(), event.get("type").asText());

        // the same figures again change nothing
        assertEquals(entered, enter(YEAR, UNIT, forty));

        // only the Board confirms, naming the version it checked
        String statistics = path(YEAR, UNIT);
        given().auth().oauth2(rep(UNIT)).header("If-Match", "\"" + entered + "\"").when().post(statistics + "/confirm").then().statusCode(403);
        given().auth().oauth2(BOARD).when().post(statistics + "/confirm").then().statusCode(428);
        given().auth().oauth2(BOARD).header("If-Match", "\"" + (entered - 1) + "\"").when().post(statistics + "/confirm")
                .then().statusCode(412).contentType("application/problem+json");
        long confirmed = version(given().auth().oauth2(BOARD).header("If-Match", "\"" + entered + "\"").when().post(statistics + "/confirm")
                .then().statusCode(200)
                .body("memberStatistics.confirmed", equalTo(true))
                .body("memberStatistics.confirmedBy", equalTo("board-officer"))
                .body("memberStatistics.confirmedAt", notNullValue())
                .extract().response());
        assertTrue(confirmed > entered);
        JsonNode confirmation = yearEndReported(YEAR, UNIT, confirmed).get("data");
        assertEquals(true, confirmation.at("/memberStatistics/confirmed").asBoolean());
        assertEquals("board-officer", confirmation.at("/memberStatistics/confirmedBy").asText());
        assertTrue(confirmation.at("/memberStatistics/confirmedAt").asText().endsWith("Z"));

        // a change on a stale version is refused; a current one clears the confirmation
        given().auth().oauth2(rep(UNIT)).contentType(ContentType.JSON).header("If-Match", "\"" + entered + "\"")
                .body(statistics(40, 40, 30, 2, 0, 20)).when().put(statistics).then().statusCode(412);
        long changed = version(given().auth().oauth2(rep(UNIT)).contentType(ContentType.JSON).header("If-Match", "\"" + confirmed + "\"")
                .body(statistics(40, 40, 30, 2, 0, 20)).when().put(statistics)
                .then().statusCode(200)
                .body("memberStatistics.women", equalTo(20))
                .body("memberStatistics.womenSharePercent", equalTo(50.0f))
                .body("memberStatistics.confirmed", equalTo(false))
                .body("memberStatistics.confirmedBy", nullValue())
                .body("memberStatistics.confirmedAt", nullValue())
                .extract().response());
        assertEquals(false, yearEndReported(YEAR, UNIT, changed).at("/data/memberStatistics/confirmed").asBoolean());

        // the year-end report is sent on with the attainment of each target
        long reported = version(given().auth().oauth2(rep(UNIT)).contentType(ContentType.JSON).body(RegistrationIT.results(1200, 2, 15))
                .when().put("/api/scoring/registrations/" + YEAR + "/" + UNIT + "/reports/yearend").then().statusCode(200).extract().response());
        JsonNode report = yearEndReported(YEAR, UNIT, reported).get("data");
        assertEquals(List.of(1.2, 2.0, 1.5), List.of(report.at("/targets/0/attainment").asDouble(), report.at("/targets/1/attainment").asDouble(),
                report.at("/targets/2/attainment").asDouble()));
        assertEquals("Kết nạp hội viên mới", report.at("/targets/0/name").asText());
        assertEquals(20, report.at("/memberStatistics/women").asInt());

        // year-end results are in: the targets stay as registered
        given().auth().oauth2(rep(UNIT)).contentType(ContentType.JSON).body(RegistrationIT.registration())
                .when().put("/api/scoring/registrations/" + YEAR + "/" + UNIT).then().statusCode(409);
    }

    @Test
    void nothingToConfirmWithoutStatisticsAndNothingEnteredAfterTheDeadline() {
        int year = YEAR + 1;
        String unit = "000.07.24.H56";
        SeedStoryScoringIT.announceCluster(730022, year, List.of(unit));
        String registration = "/api/scoring/registrations/" + year + "/" + unit;
        given().auth().oauth2(BOARD).header("If-Match", "\"0\"").when().post(path(year, unit) + "/confirm").then().statusCode(404);
        given().auth().oauth2(rep(unit)).contentType(ContentType.JSON).body(RegistrationIT.registration())
                .when().put(registration).then().statusCode(200);
        String etag = given().auth().oauth2(BOARD).when().get(registration).then().statusCode(200)
                .body("memberStatistics", nullValue()).extract().header("ETag");
        given().auth().oauth2(BOARD).header("If-Match", etag).header("Accept-Language", "en").when().post(path(year, unit) + "/confirm")
                .then().statusCode(409).body("type", equalTo("https://thidua.vn/problems/member-statistics-missing"))
                .body("detail", containsString(unit));

        // the Board enters them for the unit, too, until the year-end report closes
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(statistics(12, 12, 9, 1, 0, 9)).when().put(path(year, unit))
                .then().statusCode(200).body("memberStatistics.womenSharePercent", equalTo(75.0f)).body("updatedBy", equalTo("board-officer"));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("registrationCloses", year + "-01-31", "midyearCloses", year + "-06-30", "yearendCloses", year + "-12-15"))
                .when().put("/api/scoring/registration-periods/" + year).then().statusCode(200);
        given().auth().oauth2(rep(unit)).contentType(ContentType.JSON).body(statistics(12, 12, 9, 1, 0, 10)).when().put(path(year, unit))
                .then().statusCode(422).body("type", equalTo("https://thidua.vn/problems/report-closed"))
                .body("detail", containsString(year + "-12-15"));
        given().auth().oauth2(BOARD).queryParam("year", year).when().get("/api/scoring/registrations")
                .then().body("memberStatistics.women", hasItems(9));
    }

    /** {@code MemberStatisticsComputed} as units-service sends it, from its documented sample. */
    static void announceCounted(String unit, int year, int members, int completing, int advanced, int women, long version) {
        KafkaTestClient.shared().sendCloudEvent("thidua.member-statistics.v1", unit + "/" + year,
                vn.thidua.devstack.testing.EventSamples.sample("people/MemberStatisticsComputed.json", event -> {
                    event.put("id", java.util.UUID.randomUUID().toString());
                    event.put("subject", unit + "/" + year);
                    com.fasterxml.jackson.databind.node.ObjectNode data = (com.fasterxml.jackson.databind.node.ObjectNode) event.get("data");
                    data.put("unitCode", unit);
                    data.put("year", year);
                    data.put("members", members);
                    data.put("completingTasks", completing);
                    data.put("advancedLabour", advanced);
                    data.put("grassrootsFighters", members == 0 ? 0 : 1);
                    data.put("disciplinedWarningOrAbove", 0);
                    data.put("women", women);
                    data.put("withoutResult", members - completing);
                    data.put("version", version);
                }));
    }

    @Test
    void statisticsCountedFromPeopleReplaceTheDeclaredUntilNoPeopleCount() {
        int year = YEAR + 2;
        String unit = "000.07.25.H56";
        SeedStoryScoringIT.announceCluster(730031, year, List.of(unit));
        String registration = "/api/scoring/registrations/" + year + "/" + unit;
        // the cluster-year's members reach the read model with the announcement, asynchronously
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(rep(unit)).contentType(ContentType.JSON).body(RegistrationIT.registration())
                        .when().put(registration).then().statusCode(200));
        enter(year, unit, statistics(40, 40, 30, 2, 0, 29));

        // units-service counts the unit's people: their figures replace the declared ones, unconfirmed
        announceCounted(unit, year, 12, 11, 9, 7, 3);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(rep(unit)).when().get(registration).then().statusCode(200)
                        .body("memberStatistics.source", equalTo("COUNTED")).body("memberStatistics.members", equalTo(12))
                        .body("memberStatistics.completingTasks", equalTo(11)).body("memberStatistics.confirmed", equalTo(false)));
        // the unit no longer enters figures by hand; an older count changes nothing
        given().auth().oauth2(rep(unit)).contentType(ContentType.JSON).header("Accept-Language", "en").body(statistics(40, 40, 30, 2, 0, 29))
                .when().put(path(year, unit)).then().statusCode(409)
                .body("type", equalTo("https://thidua.vn/problems/member-statistics-counted"));
        announceCounted(unit, year, 50, 50, 50, 50, 2);
        // a newer count with nobody in it: the counted figures are withdrawn and the unit declares again
        announceCounted(unit, year, 0, 0, 0, 0, 4);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(rep(unit)).when().get(registration).then().statusCode(200).body("memberStatistics", nullValue()));
        enter(year, unit, statistics(13, 13, 10, 1, 0, 8));
        given().auth().oauth2(rep(unit)).when().get(registration).then().body("memberStatistics.source", equalTo("DECLARED"))
                .body("memberStatistics.members", equalTo(13));
    }
}
