package vn.thidua.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;
import vn.thidua.gateway.FakeUpstream;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(FakeUpstream.class)
class ResponseHeadersIT {
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    private static final String VIEWER = TestTokens.user("viewer-headers", "viewer");

    @Test
    void aProxiedAnswerCarriesTheHardeningHeadersAndTheCallersRequestId() {
        ValidatableResponse response = given().auth().oauth2(VIEWER).header("X-Request-Id", "portal-7f3a:1")
                .when().get("/api/units/headers")
                .then().statusCode(200)
                .header("X-Request-Id", "portal-7f3a:1")
                .body("headers.x-request-id", equalTo("portal-7f3a:1"));
        hardened(response).header("Cache-Control", not(equalTo("no-store")));
    }

    @Test
    void theTokenEndpointIsHardenedAndNeverCached() {
        Response ok = given().contentType(FORM)
                .formParam("grant_type", "password").formParam("username", "board").formParam("password", "demo")
                .when().post("/auth/token");
        hardened(ok.then().statusCode(200))
                .header("Cache-Control", "no-store")
                .header("X-Request-Id", matchesPattern(UUID_PATTERN));

        hardened(given().header("X-Forwarded-For", "198.51.100.50").auth().preemptive().basic("no-such-client", "x")
                .contentType(FORM).formParam("grant_type", "client_credentials")
                .header("X-Request-Id", "login-1")
                .when().post("/auth/token")
                .then().statusCode(401))
                .header("Cache-Control", "no-store")
                .header("X-Request-Id", "login-1");

        // the key set keeps its deliberate public caching, with the other headers
        hardened(given().when().get("/auth/jwks").then().statusCode(200))
                .header("Cache-Control", "public, max-age=300");
    }

    @Test
    void anUnauthenticatedApiCallIsHardenedToo() {
        hardened(given().header("X-Request-Id", "no-token-1").when().get("/api/units/hardened-401")
                .then().statusCode(401))
                .header("X-Request-Id", "no-token-1")
                .header("WWW-Authenticate", "Bearer");
        // answers Quarkus gives itself too
        hardened(given().when().get("/q/health/live").then().statusCode(200));
        hardened(given().when().get("/no-such-page").then().statusCode(404));
    }

    @Test
    void anOverlongOrUnsafeRequestIdIsReplacedAndTheServiceSeesTheReplacement() {
        String longest = "a".repeat(100);
        given().auth().oauth2(VIEWER).header("X-Request-Id", longest).when().get("/api/units/id-100")
                .then().statusCode(200).header("X-Request-Id", longest).body("headers.x-request-id", equalTo(longest));

        for (String unsafe : new String[] {"a".repeat(101), "id with spaces", "id\"<script>", ""}) {
            Response response = given().auth().oauth2(VIEWER).header("X-Request-Id", unsafe).when().get("/api/units/id-unsafe");
            response.then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
            assertEquals(response.header("X-Request-Id"), response.path("headers.x-request-id"), unsafe);
        }

        given().header("X-Request-Id", "a".repeat(101)).when().get("/auth/jwks")
                .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
    }

    private static ValidatableResponse hardened(ValidatableResponse response) {
        return response
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                // plain HTTP locally: no HSTS unless configured
                .header("Strict-Transport-Security", nullValue());
    }
}
