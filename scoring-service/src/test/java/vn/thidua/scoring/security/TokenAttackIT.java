package vn.thidua.scoring.security;

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

/** Every hostile token against a read and a write of scoring-service: refused, as a problem, and nothing written. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "scoring"))
class TokenAttackIT {
    private static final String BOARD = TestTokens.user("board-officer", "board");
    private static final Map<String, Object> NEW_SET = Map.of("clusterId", 1, "title", "Bảng chấm của kẻ tấn công", "scale", 100);

    @Test
    void everyHostileTokenIsRefusedAndNothingIsWritten() {
        int before = setCount();
        TokenAttackSuite.assertRefused("/api/scoring/criteria-sets?clusterId=1", "POST /api/scoring/criteria-sets",
                request -> request.contentType(ContentType.JSON).body(NEW_SET).post("/api/scoring/criteria-sets"));
        assertEquals(before, setCount(), "no hostile call may create a criteria set");
    }

    private static int setCount() {
        return given().auth().oauth2(BOARD).get("/api/scoring/criteria-sets?clusterId=1").then().statusCode(200).extract()
                .jsonPath().getList("$").size();
    }
}
