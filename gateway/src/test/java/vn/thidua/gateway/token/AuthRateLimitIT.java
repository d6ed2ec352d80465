package vn.thidua.gateway.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.gateway.FakeUpstream;

/** /auth/** per address: the test profile's burst is 60 at 10 per second. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(FakeUpstream.class)
class AuthRateLimitIT {

    @Test
    void anAddressThatExceedsItsBucketAtTheTokenEndpointIsRefusedWith429AndOthersAreNot() {
        String address = "198.51.100.200";
        Response refused = null;
        for (int i = 0; i < 300 && refused == null; i++) {
            // unsupported_grant_type: cheap, no hash, and checked only after the rate limit
            Response response = given().header("X-Forwarded-For", address).contentType("application/x-www-form-urlencoded")
                    .formParam("grant_type", "nope").when().post("/auth/token");
            if (response.statusCode() != 400) {
                refused = response;
            }
        }
        assertTrue(refused != null, "never limited");
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", Integer::parseInt, allOf(greaterThan(0), lessThanOrEqualTo(1)))
                .body("type", equalTo("https://thidua.vn/problems/rate-limited"));
        given().header("X-Forwarded-For", "198.51.100.201").when().get("/auth/jwks").then().statusCode(200);
    }
}
