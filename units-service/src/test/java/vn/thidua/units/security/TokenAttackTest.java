package vn.thidua.units.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.AttackTokens;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;

/** Every hostile token against a read and a write of units-service: refused, as a problem, and nothing written. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "units"))
class TokenAttackTest {
    private static final String BOARD = TestTokens.user("board-officer", "board");
    private static final Map<String, Object> NEW_UNIT = Map.of("code", "000.00.91.H56", "name", "Đơn vị của kẻ tấn công");

    @Test
    void everyHostileTokenIsRefusedAndNothingIsWritten() {
        long before = unitCount();
        List<String> failures = new ArrayList<>();
        // the control: the genuine token the attacks are built from is accepted, so each refusal is the attack's doing
        request(AttackTokens.valid("attacker", null, "board", "admin")).get("/api/units").then().statusCode(200);
        // board and admin could do both calls with a genuine token
        AttackTokens.all("attacker", null, "board", "admin").forEach((attack, token) -> {
            expect(failures, attack, "GET /api/units", 401, request(token).get("/api/units"));
            expect(failures, attack, "POST /api/units", 401, request(token).contentType(ContentType.JSON).body(NEW_UNIT).post("/api/units"));
        });
        // a genuine unit representative's token without its unit: every service drops the unit-bound role
        // (platform UnitBoundRoles), so it may neither read nor write
        String noUnit = AttackTokens.withoutUnit("rep-without-unit", "unit-rep");
        expect(failures, "unit-rep without unit", "GET /api/units", 403, request(noUnit).get("/api/units"));
        expect(failures, "unit-rep without unit", "POST /api/units", 403,
                request(noUnit).contentType(ContentType.JSON).body(NEW_UNIT).post("/api/units"));

        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(before, unitCount(), "no hostile call may register a unit");
        given().auth().oauth2(BOARD).get("/api/units/000.00.91.H56").then().statusCode(404);
    }

    private static RequestSpecification request(String token) {
        RequestSpecification request = given().header("Accept-Language", "en");
        return token == null ? request : request.auth().oauth2(token);
    }

    private static void expect(List<String> failures, String attack, String endpoint, int status, Response response) {
        String contentType = response.getContentType();
        if (response.statusCode() != status || contentType == null || !contentType.startsWith("application/problem+json")) {
            failures.add(attack + " -> " + endpoint + ": " + response.statusCode() + " " + contentType + " " + response.asString());
        }
    }

    private static long unitCount() {
        return given().auth().oauth2(BOARD).get("/api/units").then().statusCode(200).extract().jsonPath().getLong("total");
    }
}
