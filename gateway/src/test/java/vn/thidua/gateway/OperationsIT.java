package vn.thidua.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(FakeUpstream.class)
class OperationsIT {

    @Test
    void healthChecksIncludeTheDatabase() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void theOpenApiDocumentDescribesTheTokenEndpoints() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/auth/token"))
                .body(containsString("/auth/jwks"));
    }

    @Test
    void metricsArePublishedForPrometheusPerRoute() {
        given().auth().oauth2(TestTokens.user("viewer-1", "viewer")).when().get("/api/units/metrics-probe").then().statusCode(200);
        // Vert.x records the timer when the response has ended on the server, which can be after the client has read it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds"))
                // one series per route, not one per unit code or id
                .body(containsString("uri=\"/api/units/**\""))
                .body(not(containsString("metrics-probe"))));
    }

    @Test
    void refusedLoginsAreCountedByReason() {
        given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password").formParam("username", "nobody-" + System.nanoTime()).formParam("password", "wrong")
                .when().post("/auth/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("thidua_logins_refused_total{reason=\"invalid_grant\"}"));
    }
}
