package vn.thidua.awards.security;

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

/** Every hostile token against a read and a write of awards-service: refused, as a problem, and nothing written. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "awards"))
class TokenAttackIT {
    private static final String BOARD = TestTokens.user("board-officer", "board");
    private static final Map<String, Object> NEW_PROPOSAL = Map.of("unitCode", "000.00.32.H56", "awardTypeCode", "CO_THI_DUA", "year", 2016);

    @Test
    void everyHostileTokenIsRefusedAndNothingIsWritten() {
        int before = proposalCount();
        TokenAttackSuite.assertRefused("/api/awards/voting-sessions?year=2016", "POST /api/awards/proposals",
                request -> request.contentType(ContentType.JSON).body(NEW_PROPOSAL).post("/api/awards/proposals"));
        assertEquals(before, proposalCount(), "no hostile call may create a proposal");
    }

    private static int proposalCount() {
        return given().auth().oauth2(BOARD).get("/api/awards/proposals?year=2016").then().statusCode(200).extract()
                .jsonPath().getList("$").size();
    }
}
