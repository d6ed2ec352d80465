package vn.thidua.units.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;
import vn.thidua.devstack.testing.TokenAttackSuite;

/** Every hostile token against a read and a write of units-service: refused, as a problem, and nothing written. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "units"))
class TokenAttackIT {
    private static final String BOARD = TestTokens.user("board-officer", "board");
    private static final Map<String, Object> NEW_UNIT = Map.of("code", "000.00.91.H56", "name", "Đơn vị của kẻ tấn công");

    @Test
    void everyHostileTokenIsRefusedAndNothingIsWritten() {
        long before = unitCount();
        TokenAttackSuite.assertRefused("/api/units", "POST /api/units",
                request -> request.contentType(ContentType.JSON).body(NEW_UNIT).post("/api/units"));
        assertEquals(before, unitCount(), "no hostile call may register a unit");
        given().auth().oauth2(BOARD).get("/api/units/000.00.91.H56").then().statusCode(404);
    }

    private static long unitCount() {
        return given().auth().oauth2(BOARD).get("/api/units").then().statusCode(200).extract().jsonPath().getLong("total");
    }
}
