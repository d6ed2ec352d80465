package vn.thidua.units.person;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.KafkaTestClient;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;
import vn.thidua.platform.time.VietnamTime;
import vn.thidua.units.cluster.ClusterFixtures;

/**
 * The people of a unit through the API, on the real database and broker: member statistics counted
 * from them against hand counts, who reads them (and that reads are written down), the history kept
 * across a move, the refusals of the bad input, and initiatives with their recognitions.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "units"))
class PeopleIT {
    private static final String BOARD = ClusterFixtures.BOARD;
    private static final String PROBLEMS = "https://thidua.vn/problems/";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The year under review: the one just ended (the review happens early in the next). */
    private static final int YEAR = LocalDate.now(VietnamTime.ZONE).getYear() - 1;

    private static String add(String token, String unit, String name, String gender, Integer birthYear, String code, String joinedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("fullName", name);
        body.put("gender", gender);
        body.put("birthYear", birthYear);
        body.put("personnelCode", code);
        body.put("position", "Chuyên viên");
        body.put("joinedOn", joinedOn);
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/units/" + unit + "/people").then().statusCode(201).extract().jsonPath().getString("id");
    }

    private static ValidatableResponse recordYear(String token, String unit, String person, int year, String rating, List<String> titles,
                                                  String discipline) {
        Map<String, Object> body = new HashMap<>();
        body.put("taskRating", rating);
        body.put("titles", titles);
        body.put("discipline", discipline);
        body.put("evidence", List.of("QĐ 12/QĐ-ĐV ngày 20/12/" + year));
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Accept-Language", "en").body(body)
                .when().put("/api/units/" + unit + "/people/" + person + "/years/" + year).then();
    }

    private static String etag(String unit, String person) {
        return given().auth().oauth2(BOARD).when().get("/api/units/" + unit + "/people/" + person).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void memberStatisticsAreCountedFromThePeopleAndAnnounced() throws Exception {
        String unit = ClusterFixtures.newUnit("Đơn vị có người (kiểm thử)");
        String rep = TestTokens.unitRep("rep-" + unit, unit);
        // five people; hand counts for the year: 5 members, 4 completing (one not), 3 advanced labour,
        // 1 grassroots fighter, 1 disciplined at warning or above (a reprimand does not count), 3 women, 1 without result
        String a = add(rep, unit, "Lê Thị An (giả định)", "FEMALE", 1980, "NV01", "2015-01-01");
        String b = add(rep, unit, "Trần Văn Bình (giả định)", "MALE", 1975, "NV02", "2015-01-01");
        String c = add(rep, unit, "Nguyễn Thị Cúc (giả định)", "FEMALE", 1990, "NV03", "2018-05-01");
        String d = add(rep, unit, "Phạm Văn Dũng (giả định)", "MALE", 1985, "NV04", "2019-01-01");
        add(rep, unit, "Hoàng Thị Em (giả định)", "F", 1995, "NV05", YEAR + "-03-01");
        recordYear(rep, unit, a, YEAR, "EXCELLENT", List.of("LAO_DONG_TIEN_TIEN", "CHIEN_SI_THI_DUA_CO_SO"), "NONE").statusCode(200);
        recordYear(rep, unit, b, YEAR, "GOOD", List.of("LAO_DONG_TIEN_TIEN"), "REPRIMAND").statusCode(200);
        recordYear(rep, unit, c, YEAR, "GOOD", List.of("LAO_DONG_TIEN_TIEN"), null).statusCode(200);
        recordYear(rep, unit, d, YEAR, "NOT_COMPLETED", List.of(), "WARNING").statusCode(200);

        given().auth().oauth2(rep).queryParam("year", YEAR).when().get("/api/units/" + unit + "/people/statistics")
                .then().statusCode(200)
                .body("members", equalTo(5)).body("completingTasks", equalTo(3)).body("advancedLabour", equalTo(3))
                .body("grassrootsFighters", equalTo(1)).body("disciplinedWarningOrAbove", equalTo(1)).body("women", equalTo(3))
                .body("withoutResult", equalTo(1));

        // the last announcement carries the same figures, and nothing personal
        List<ConsumerRecord<String, String>> announced = KafkaTestClient.shared().awaitRecords(PersonEvents.STATISTICS_TOPIC,
                r -> (unit + "/" + YEAR).equals(r.key()) && read(r.value()).at("/data/completingTasks").asInt() == 3
                        && read(r.value()).at("/data/members").asInt() == 5, 1, Duration.ofSeconds(30));
        JsonNode statistics = read(announced.get(announced.size() - 1).value());
        assertEquals(PersonEvents.MEMBER_STATISTICS_COMPUTED, statistics.get("type").asText());
        assertEquals(3, statistics.at("/data/advancedLabour").asInt());
        assertEquals(1, statistics.at("/data/withoutResult").asInt());

        // a person's event carries what awards need, not gender, year of birth or personnel code
        JsonNode person = read(KafkaTestClient.shared().awaitRecord(PersonEvents.PEOPLE_TOPIC, r -> a.equals(r.key()), Duration.ofSeconds(30)).value());
        assertEquals("Lê Thị An (giả định)", person.at("/data/fullName").asText());
        assertEquals(unit, person.at("/data/unitCode").asText());
        assertTrue(person.get("data").path("gender").isMissingNode());
        assertTrue(person.get("data").path("birthYear").isMissingNode());
        assertFalse(person.toString().contains("NV01"));

        // the person who did not complete the tasks cannot get a title, and nothing changes
        recordYear(rep, unit, d, YEAR, "NOT_COMPLETED", List.of("LAO_DONG_TIEN_TIEN"), "WARNING").statusCode(422)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "title-without-completed-tasks"));
        // replacing a result needs the version read
        recordYear(rep, unit, d, YEAR, "COMPLETED", List.of(), "WARNING").statusCode(428);
    }

    @Test
    void onlyTheUnitTheBoardTheCouncilAndItsClusterLeaderReadItsPeopleAndOthersReadsAreWrittenDown() {
        String unit = ClusterFixtures.newUnit("Đơn vị A (kiểm thử)");
        String other = ClusterFixtures.newUnit("Đơn vị B (kiểm thử)");
        String leader = ClusterFixtures.newUnit("Đơn vị cụm trưởng (kiểm thử)");
        String farLeader = ClusterFixtures.newUnit("Đơn vị cụm trưởng khác (kiểm thử)");
        long cluster = ClusterFixtures.createCluster(YEAR + 1, unit, leader);
        ClusterFixtures.assignLeadership(cluster, leader, null).then().statusCode(200);
        long otherCluster = ClusterFixtures.createCluster(YEAR + 1, other, farLeader);
        ClusterFixtures.assignLeadership(otherCluster, farLeader, null).then().statusCode(200);
        String rep = TestTokens.unitRep("rep-a", unit);
        String person = add(rep, unit, "Vũ Thị Hoa (giả định)", "FEMALE", 1988, "A-1", "2020-01-01");
        String base = "/api/units/" + unit + "/people";

        // another unit, a viewer, the portal: nothing, not even through the export or the years
        for (String token : List.of(TestTokens.unitRep("rep-b", other), TestTokens.user("viewer-1", "viewer"),
                TestTokens.claims("leader-far", "cluster-leader", "unit-rep").claim("unit", farLeader).sign(TestTokens.privateKey()))) {
            given().auth().oauth2(token).when().get(base).then().statusCode(403);
            given().auth().oauth2(token).when().get(base + "/" + person).then().statusCode(403);
            given().auth().oauth2(token).when().get(base + "/" + person + "/years").then().statusCode(403);
            given().auth().oauth2(token).queryParam("format", "csv").when().get(base + "/export").then().statusCode(403);
        }
        given().auth().oauth2(TestTokens.user("portal", "portal")).when().get(base).then().statusCode(403);
        // another unit cannot add to, change or import into this one
        given().auth().oauth2(TestTokens.unitRep("rep-b", other)).contentType(ContentType.JSON)
                .body(Map.of("fullName", "X", "gender", "MALE", "joinedOn", "2020-01-01"))
                .when().post(base).then().statusCode(403);

        // the unit reads everything, unrecorded
        given().auth().oauth2(rep).when().get(base + "/" + person).then().statusCode(200)
                .body("gender", equalTo("FEMALE")).body("birthYear", equalTo(1988)).body("personnelCode", equalTo("A-1"));
        // the leader of the unit's cluster reads names and positions only
        String leaderToken = TestTokens.claims("leader-1", "cluster-leader", "unit-rep").claim("unit", leader).sign(TestTokens.privateKey());
        given().auth().oauth2(leaderToken).when().get(base).then().statusCode(200)
                .body("items[0].fullName", equalTo("Vũ Thị Hoa (giả định)")).body("items[0].view", equalTo("CLUSTER"))
                .body("items[0].gender", nullValue()).body("items[0].birthYear", nullValue()).body("items[0].personnelCode", nullValue());
        byte[] csvBytes = given().auth().oauth2(leaderToken).queryParam("format", "csv").when().get(base + "/export")
                .then().statusCode(200).extract().asByteArray();
        String csv = new String(csvBytes, StandardCharsets.UTF_8);
        assertTrue(csv.contains("Vũ Thị Hoa"));
        assertFalse(csv.contains("1988"), "the cluster leader's export leaves out the year of birth");
        assertFalse(csv.contains("A-1"), "and the personnel code");
        // the Board and a Council member read everything
        given().auth().oauth2(BOARD).when().get(base + "/" + person).then().statusCode(200).body("birthYear", equalTo(1988));
        String councilToken = TestTokens.claims("hd-1", "council-member").claim("member", "1").sign(TestTokens.privateKey());
        given().auth().oauth2(councilToken).when().get(base + "/" + person).then().statusCode(200).body("view", equalTo("FULL"));

        // the trail: the leader's list and export, the Board's and the Council's reads; not the unit's own
        ValidatableResponse trail = given().auth().oauth2(rep).queryParam("size", 50).when().get(base + "/reads").then().statusCode(200)
                .body("total", equalTo(4));
        trail.body("items.reader", hasItem("leader-1")).body("items.reader", hasItem("board-officer")).body("items.reader", hasItem("hd-1"))
                .body("items.reader", not(hasItem("rep-a")));
        trail.body("items.purpose", hasItem("EXPORT")).body("items.view", hasItem("CLUSTER"));
        // nobody else reads the trail
        given().auth().oauth2(TestTokens.unitRep("rep-b", other)).when().get(base + "/reads").then().statusCode(403);
    }

    @Test
    void aMoveKeepsTheHistoryAndAPersonIsInOneUnitAtATime() {
        String from = ClusterFixtures.newUnit("Đơn vị cũ (kiểm thử)");
        String to = ClusterFixtures.newUnit("Đơn vị mới (kiểm thử)");
        String repFrom = TestTokens.unitRep("rep-from", from);
        String repTo = TestTokens.unitRep("rep-to", to);
        String person = add(repFrom, from, "Đỗ Văn Khoa (giả định)", "MALE", 1979, "K1", "2010-02-01");

        // the other unit cannot take in someone who is a member of another unit: one unit at a time
        given().auth().oauth2(repTo).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Map.of("personId", person, "joinedOn", "2024-01-01")).when().post("/api/units/" + to + "/people")
                .then().statusCode(409).contentType("application/problem+json").body("type", equalTo(PROBLEMS + "person-in-another-unit"))
                .body("detail", not(containsString(from))).body("detail", not(containsString("Khoa")));
        // the Board is told where the person is
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Map.of("personId", person, "joinedOn", "2024-01-01")).when().post("/api/units/" + to + "/people")
                .then().statusCode(409).body("detail", containsString(from));
        // and a unit does not move people: the Board does
        given().auth().oauth2(repFrom).contentType(ContentType.JSON).header("If-Match", etag(from, person))
                .body(Map.of("toUnitCode", to, "on", YEAR + "-07-01")).when().post("/api/units/" + from + "/people/" + person + "/move")
                .then().statusCode(403);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", etag(from, person))
                .body(Map.of("toUnitCode", to, "on", YEAR + "-07-01", "personnelCode", "M-7"))
                .when().post("/api/units/" + from + "/people/" + person + "/move").then().statusCode(200)
                .body("unitCode", equalTo(to)).body("memberships.size()", equalTo(2))
                .body("memberships[0].unitCode", equalTo(from)).body("memberships[0].leftOn", equalTo(YEAR + "-06-30"))
                .body("memberships[0].leaveReason", equalTo("MOVED")).body("memberships[1].joinedOn", equalTo(YEAR + "-07-01"));
        // the old unit still reads its former member, no longer among its current people
        given().auth().oauth2(repFrom).when().get("/api/units/" + from + "/people/" + person).then().statusCode(200);
        given().auth().oauth2(repFrom).when().get("/api/units/" + from + "/people").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(repFrom).queryParam("which", "former").when().get("/api/units/" + from + "/people").then().statusCode(200)
                .body("total", equalTo(1));
        // the person counts in the new unit at the year's end, not in the old one
        given().auth().oauth2(repTo).queryParam("year", YEAR).when().get("/api/units/" + to + "/people/statistics").then().body("members", equalTo(1));
        given().auth().oauth2(repFrom).queryParam("year", YEAR).when().get("/api/units/" + from + "/people/statistics").then().body("members", equalTo(0));
    }

    @Test
    void aTitleForAPersonWhoLeftIsRefusedAndNothingIsWritten() {
        String unit = ClusterFixtures.newUnit("Đơn vị có người rời đi (kiểm thử)");
        String rep = TestTokens.unitRep("rep-l", unit);
        String person = add(rep, unit, "Lý Văn Lâm (giả định)", "MALE", 1960, "L1", "2000-01-01");
        given().auth().oauth2(rep).contentType(ContentType.JSON).header("If-Match", etag(unit, person))
                .body(Map.of("leftOn", (YEAR - 1) + "-06-30", "reason", "retired")).when().post("/api/units/" + unit + "/people/" + person + "/leave")
                .then().statusCode(200).body("status", equalTo("LEFT"));
        recordYear(rep, unit, person, YEAR, "GOOD", List.of("LAO_DONG_TIEN_TIEN"), null).statusCode(422)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "person-left"))
                .body("detail", containsString(String.valueOf(YEAR)));
        given().auth().oauth2(rep).when().get("/api/units/" + unit + "/people/" + person + "/years").then().statusCode(200)
                .body("size()", equalTo(0));
        // the year in which the person still worked takes a result
        recordYear(rep, unit, person, YEAR - 1, "GOOD", List.of("LAO_DONG_TIEN_TIEN"), null).statusCode(200);
        // malformed input is a 4xx problem, never a 500
        given().auth().oauth2(rep).contentType(ContentType.JSON).body(Map.of("fullName", "Ai đó", "gender", "X", "joinedOn", "2020-01-01"))
                .when().post("/api/units/" + unit + "/people").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(rep).contentType(ContentType.JSON).body("{\"fullName\":\"Ai đó\",\"gender\":\"MALE\",\"birthYear\":1850,\"joinedOn\":\"2020-01-01\"}")
                .when().post("/api/units/" + unit + "/people").then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-field"));
        given().auth().oauth2(rep).when().get("/api/units/" + unit + "/people/not-a-uuid").then().statusCode(404);
        given().auth().oauth2(rep).queryParam("which", "CURRENT").when().get("/api/units/" + unit + "/people").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void anImportReportsEachRowAndARefusedRowLeavesNothing() {
        String unit = ClusterFixtures.newUnit("Đơn vị nhập danh sách (kiểm thử)");
        String rep = TestTokens.unitRep("rep-i", unit);
        String csv = "unitCode,personnelCode,fullName,gender,birthYear,position,joinedOn,year,taskRating,titles,discipline\n"
                + unit + ",I1,Mai Thị Lan (giả định),Nữ,1987,Kế toán,01/02/2016," + YEAR + ",EXCELLENT,LAO_DONG_TIEN_TIEN;CHIEN_SI_THI_DUA_CO_SO,\n"
                + unit + ",I2,Đinh Văn Nam (giả định),Nam,19x5,Lái xe,2017-01-01,,,,\n"
                + "000.99.99.H56,I3,Người Đơn Vị Lạ (giả định),Nam,1990,,2017-01-01,,,,\n"
                + unit + ",I4,Cao Thị Oanh (giả định),FEMALE,1992,,2019-09-01," + YEAR + ",GOOD,LAO_DONG_TIEN_TIEN,\n"
                + unit + ",I1,Mai Thị Lan lặp (giả định),Nữ,1987,,2016-02-01,,,,\n";
        given().auth().oauth2(rep).contentType("text/csv; charset=UTF-8").header("Accept-Language", "en").body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/people/import").then().log().ifValidationFails().statusCode(200)
                .body("counts.CREATED", equalTo(2)).body("counts.REJECTED", equalTo(3))
                .body("results[1].outcome", equalTo("REJECTED")).body("results[1].reason", containsString("19x5"))
                .body("results[2].outcome", equalTo("REJECTED")).body("results[2].reason", containsString("000.99.99.H56"))
                .body("results[4].problemType", equalTo("duplicate-in-file"));
        given().auth().oauth2(rep).queryParam("year", YEAR).when().get("/api/units/" + unit + "/people/statistics").then()
                .body("members", equalTo(2)).body("advancedLabour", equalTo(2)).body("grassrootsFighters", equalTo(1)).body("women", equalTo(2));
        // the Board's import names the unknown unit as such
        given().auth().oauth2(BOARD).contentType("text/csv; charset=UTF-8").header("Accept-Language", "en")
                .body(("unitCode,personnelCode,fullName,gender\n000.99.99.H56,I3,Người Đơn Vị Lạ (giả định),MALE\n").getBytes(StandardCharsets.UTF_8))
                .when().post("/api/people/import").then().statusCode(200).body("results[0].problemType", equalTo("unit-not-found"))
                .body("results[0].reason", equalTo("There is no unit 000.99.99.H56."));
        // the same file again changes nothing
        given().auth().oauth2(rep).contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/people/import").then().statusCode(200).body("counts.UNCHANGED", equalTo(2)).body("counts.CREATED", equalTo(0));
        given().auth().oauth2(rep).queryParam("which", "ALL").when().get("/api/units/" + unit + "/people").then().body("total", equalTo(2));
    }

    @Test
    void initiativesAreRegisteredByTheUnitAndRecognisedOncePerLevel() {
        String unit = ClusterFixtures.newUnit("Đơn vị có sáng kiến (kiểm thử)");
        String other = ClusterFixtures.newUnit("Đơn vị khác (kiểm thử)");
        String rep = TestTokens.unitRep("rep-s", unit);
        String author = add(rep, unit, "Tạ Thị Phương (giả định)", "FEMALE", 1983, "S1", "2012-01-01");
        String outsider = add(TestTokens.unitRep("rep-o", other), other, "Người ngoài (giả định)", "MALE", 1983, "O1", "2012-01-01");

        given().auth().oauth2(rep).contentType(ContentType.JSON)
                .body(Map.of("unitCode", unit, "title", "Số hóa hồ sơ (giả định)", "registeredOn", YEAR + "-03-10", "authors", List.of(outsider)))
                .when().post("/api/initiatives").then().statusCode(422).body("type", equalTo(PROBLEMS + "author-not-found"));
        given().auth().oauth2(TestTokens.unitRep("rep-o", other)).contentType(ContentType.JSON)
                .body(Map.of("unitCode", unit, "title", "Không phải của mình", "registeredOn", YEAR + "-03-10", "authors", List.of(author)))
                .when().post("/api/initiatives").then().statusCode(403);
        String id = given().auth().oauth2(rep).contentType(ContentType.JSON)
                .body(Map.of("unitCode", unit, "title", "Số hóa hồ sơ (giả định)", "registeredOn", YEAR + "-03-10", "authors", List.of(author)))
                .when().post("/api/initiatives").then().statusCode(201).body("authors[0].fullName", equalTo("Tạ Thị Phương (giả định)"))
                .extract().jsonPath().getString("id");
        String path = "/api/initiatives/" + id + "/recognitions";
        Map<String, Object> grassroots = Map.of("level", "GRASSROOTS", "scope", "UNIT", "issuer", "Hội đồng sáng kiến cơ sở",
                "decisionNumber", "45/QĐ-ĐV", "decidedOn", YEAR + "-11-20");
        given().auth().oauth2(rep).contentType(ContentType.JSON).body(grassroots).when().post(path).then().statusCode(200)
                .body("recognitions.size()", equalTo(1));
        // recognised twice at a level
        given().auth().oauth2(rep).contentType(ContentType.JSON).header("Accept-Language", "en").body(grassroots).when().post(path)
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "initiative-recognised-twice"));
        // a unit does not record the province's recognition; the Board does; a grassroots council cannot find a national effect
        Map<String, Object> province = Map.of("level", "PROVINCE", "scope", "PROVINCE", "issuer", "Hội đồng sáng kiến tỉnh",
                "decisionNumber", "1234/QĐ-UBND", "decidedOn", YEAR + "-12-15");
        given().auth().oauth2(rep).contentType(ContentType.JSON).body(province).when().post(path).then().statusCode(403);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(province).when().post(path).then().statusCode(200)
                .body("recognitions[1].level", equalTo("PROVINCE")).body("version", notNullValue());
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("level", "NATIONAL", "scope", "NATIONAL", "issuer", "x",
                "decisionNumber", "1", "decidedOn", YEAR + "-01-01")).when().post(path).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "recognised-before-registered"));
        // the other unit does not read it
        given().auth().oauth2(TestTokens.unitRep("rep-o", other)).when().get("/api/initiatives/" + id).then().statusCode(403);
        JsonNode event = read(KafkaTestClient.shared().awaitRecord(PersonEvents.PEOPLE_TOPIC,
                r -> id.equals(r.key()) && read(r.value()).at("/data/recognitions").size() == 2, Duration.ofSeconds(30)).value());
        assertEquals(PersonEvents.INITIATIVE_RECORDED, event.get("type").asText());
        assertEquals(author, event.at("/data/authors/0/personId").asText());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
