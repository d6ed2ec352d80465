package vn.thidua.units.unit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.EventSamples;
import vn.thidua.devstack.testing.KafkaTestClient;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "units"))
class UnitResourceIT {
    private static final String BOARD = TestTokens.user("board-officer", "board");

    @Test
    void registersAUnitAndPublishesItThroughTheOutbox() throws Exception {
        String decomposedName = Normalizer.normalize("Liên đoàn Lao động tỉnh Thanh Hóa", Normalizer.Form.NFD);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("code", "000.00.32.h56", "name", decomposedName))
                .when().post("/api/units")
                .then().statusCode(201)
                .header("Location", endsWith("/api/units/000.00.32.H56"))
                .header("ETag", notNullValue())
                .body("code", equalTo("000.00.32.H56"))
                .body("name", equalTo("Liên đoàn Lao động tỉnh Thanh Hóa"))
                .body("version", equalTo(0));

        given().auth().oauth2(TestTokens.user("viewer-1", "viewer"))
                .when().get("/api/units/000.00.32.H56")
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("name", equalTo("Liên đoàn Lao động tỉnh Thanh Hóa"));

        JsonNode event = awaitEventFor("000.00.32.H56");
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals(UnitEvents.UNIT_REGISTERED, event.get("type").asText());
        assertEquals(UnitEvents.SOURCE, event.get("source").asText());
        assertEquals("Liên đoàn Lao động tỉnh Thanh Hóa", event.at("/data/name").asText());
        assertEquals(0, event.at("/data/version").asInt());

        // the catalogue's sample (docs/events/) is what consumers test against: same attributes, same data fields
        JsonNode documented = new ObjectMapper().readTree(EventSamples.sample("units/UnitRegistered.json", sample -> { }));
        assertEquals(fieldNames(documented), fieldNames(event));
        assertEquals(fieldNames(documented.get("data")), fieldNames(event.get("data")));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aDuplicateCodeIsAConflictAndChangesNothing() {
        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("code", "000.00.33.H56", "name", "Hội Nông dân tỉnh Thanh Hóa"))
                .when().post("/api/units").then().statusCode(201);

        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Map.of("code", "000.00.33.H56", "name", "Another name"))
                .when().post("/api/units")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://thidua.vn/problems/unit-exists"))
                .body("status", equalTo(409))
                .body("detail", equalTo("A unit with code 000.00.33.H56 already exists."));

        given().auth().oauth2(BOARD).when().get("/api/units/000.00.33.H56")
                .then().statusCode(200).body("name", equalTo("Hội Nông dân tỉnh Thanh Hóa"));
    }

    @Test
    void badInputGetsAProblemInTheCallersLanguage() {
        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("code", "not a code", "name", "Tỉnh đoàn Thanh Hóa"))
                .when().post("/api/units")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .header("Content-Language", "vi")
                .body("type", equalTo("https://thidua.vn/problems/invalid-unit-code"))
                .body("detail", containsString("không hợp lệ"));

        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("Accept-Language", "en-GB")
                .body("{\"code\": \"000.00.34.H56\", \"name\": ")
                .when().post("/api/units")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://thidua.vn/problems/malformed-body"));

        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body("{\"code\": [1, 2], \"name\": {}}")
                .when().post("/api/units")
                .then().statusCode(400)
                .contentType("application/problem+json");

        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .when().post("/api/units")
                .then().statusCode(400)
                .contentType("application/problem+json");

        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("code", "000.00.35.H56", "name", "Hội\u202E Cựu chiến binh"))
                .when().post("/api/units")
                .then().statusCode(400)
                .body("type", equalTo("https://thidua.vn/problems/invalid-field"));

        given().auth().oauth2(BOARD).when().get("/api/units/000.00.35.H56")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://thidua.vn/problems/unit-not-found"));
    }

    @Test
    void onlyAuthenticatedCallersWithTheRightRoleGetIn() {
        Map<String, String> unit = Map.of("code", "000.00.36.H56", "name", "Tỉnh đoàn Thanh Hóa");
        given().contentType(ContentType.JSON).body(unit)
                .when().post("/api/units")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().when().get("/api/units/000.00.36.H56").then().statusCode(401);
        given().auth().oauth2(TestTokens.expired("board-officer", "board")).contentType(ContentType.JSON).body(unit)
                .when().post("/api/units").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.wrongIssuer("board-officer", "board")).contentType(ContentType.JSON).body(unit)
                .when().post("/api/units").then().statusCode(401);
        given().auth().oauth2(BOARD + "tampered").contentType(ContentType.JSON).body(unit)
                .when().post("/api/units").then().statusCode(401);
        given().auth().oauth2(TestTokens.unitRep("rep-1", "000.00.36.H56")).contentType(ContentType.JSON).body(unit)
                .when().post("/api/units")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://thidua.vn/problems/forbidden"));
        given().auth().oauth2(BOARD).when().get("/api/units/000.00.36.H56").then().statusCode(404);
    }

    private static JsonNode awaitEventFor(String unitCode) throws Exception {
        String value = KafkaTestClient.shared()
                .awaitRecord(UnitEvents.TOPIC, record -> unitCode.equals(record.key()), Duration.ofSeconds(30))
                .value();
        return new ObjectMapper().readTree(value);
    }
}
