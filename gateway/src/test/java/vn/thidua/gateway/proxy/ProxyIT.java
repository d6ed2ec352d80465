package vn.thidua.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.Random;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;
import vn.thidua.gateway.FakeUpstream;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(FakeUpstream.class)
class ProxyIT {
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String BOARD = TestTokens.user("board-officer", "board");

    @ConfigProperty(name = FakeUpstream.URL_PROPERTY)
    String upstream;

    @Test
    void forwardsMethodPathQueryHeadersAndBody() {
        String body = "{\"name\":\"Hội Liên hiệp Phụ nữ tỉnh Thanh Hóa\"}";
        given().auth().oauth2(BOARD)
                .urlEncodingEnabled(false)
                .header("X-Request-Id", "req-42")
                .header("Accept-Language", "en")
                .contentType(ContentType.JSON)
                .body(body)
                .when().post("/api/units/000.00.31.H56/members?year=2025&q=Thanh%20H%C3%B3a")
                .then().statusCode(200)
                .header("X-Upstream", "fake")
                .header("X-Request-Id", "req-42")
                .body("method", equalTo("POST"))
                .body("path", equalTo("/api/units/000.00.31.H56/members"))
                .body("query", equalTo("year=2025&q=Thanh%20H%C3%B3a"))
                .body("body", equalTo(body))
                .body("headers.authorization", equalTo("Bearer " + BOARD))
                .body("headers.content-type", startsWith("application/json"))
                .body("headers.accept-language", equalTo("en"))
                .body("headers.x-request-id", equalTo("req-42"))
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-host", startsWith("localhost:"));
    }

    @Test
    void forwardsEveryMethodAndThePrefixItself() {
        given().auth().oauth2(BOARD).when().get("/api/units")
                .then().statusCode(200).body("method", equalTo("GET")).body("path", equalTo("/api/units"));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"3\"").body("{}")
                .when().put("/api/units/000.00.31.H56")
                .then().statusCode(200).body("method", equalTo("PUT")).body("headers.if-match", equalTo("\"3\""));
        given().auth().oauth2(BOARD).when().delete("/api/units/000.00.31.H56")
                .then().statusCode(200).body("method", equalTo("DELETE"));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body("{}").when().post("/api/units/created")
                .then().statusCode(201);
    }

    @Test
    void createsARequestIdWhenTheCallerHasNoneOrAnUnsafeOne() {
        Response response = given().auth().oauth2(BOARD).when().get("/api/units/ids");
        response.then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
        assertEquals(response.header("X-Request-Id"), response.path("headers.x-request-id"));

        given().auth().oauth2(BOARD).header("X-Request-Id", "bad id\twith tab").when().get("/api/units/ids")
                .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
    }

    @Test
    void streamsALargeBodyUnchanged() {
        byte[] upload = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(upload);
        given().auth().oauth2(BOARD).contentType("application/octet-stream").body(upload)
                .when().post("/api/units/import")
                .then().statusCode(200)
                .body("bodyLength", equalTo(upload.length))
                .body("bodySha256", equalTo(FakeUpstream.sha256(upload)));
    }

    @Test
    void withoutAValidTokenTheCallerGetsAProblemAndTheServiceIsNotCalled() {
        // the counter itself works: an authenticated call is seen once
        given().auth().oauth2(BOARD).when().get("/api/units/counted").then().statusCode(200);
        assertEquals(1, hits("/api/units/counted"));

        Map<String, String> attempts = Map.of(
                "/api/units/no-token", "",
                "/api/units/tampered", BOARD.substring(0, BOARD.length() - 4) + "AAAA",
                "/api/units/expired", TestTokens.expired("board-officer", "board"),
                "/api/units/wrong-issuer", TestTokens.wrongIssuer("board-officer", "board"),
                "/api/units/garbage", "not-a-jwt");
        attempts.forEach((path, token) -> {
            var request = given().contentType(ContentType.JSON).body("{\"x\":1}").header("X-Request-Id", "unauth-1");
            if (!token.isEmpty()) {
                request.auth().oauth2(token);
            }
            request.when().post(path)
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer")
                    .header("X-Request-Id", "unauth-1")
                    .header("Content-Language", "vi")
                    .body("type", equalTo("https://thidua.vn/problems/unauthenticated"))
                    .body("status", equalTo(401))
                    .body("title", equalTo("Chưa xác thực"))
                    .body("instance", equalTo(path));
            assertEquals(0, hits(path), "the service must not see " + path);
        });

        given().header("Accept-Language", "en").when().get("/api/units/no-token-en")
                .then().statusCode(401)
                .body("detail", equalTo("Authentication required: the access token is missing, invalid or expired."));
        assertEquals(0, hits("/api/units/no-token-en"));
    }

    @Test
    void aServiceThatIsDownGivesAFastProblem() {
        given().auth().oauth2(BOARD).header("Accept-Language", "en").contentType(ContentType.JSON).body("{\"a\":1}")
                .when().post("/api/down/anything")
                .then().statusCode(503)
                .time(lessThan(5000L))
                .contentType("application/problem+json")
                .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .body("type", equalTo("https://thidua.vn/problems/upstream-unavailable"))
                .body("status", equalTo(503))
                .body("detail", containsString("down"))
                .body("instance", equalTo("/api/down/anything"));
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeGivesAGatewayTimeout() {
        given().auth().oauth2(BOARD)
                .when().get("/api/units/silent")
                .then().statusCode(504)
                .time(lessThan(10000L))
                .contentType("application/problem+json")
                .body("type", equalTo("https://thidua.vn/problems/upstream-timeout"));
    }

    @Test
    void anUnknownApiPathIsANotFoundProblem() {
        for (String path : new String[] {"/api/nothing/here", "/api/unitsx", "/api"}) {
            given().auth().oauth2(BOARD).when().get(path)
                    .then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://thidua.vn/problems/route-not-found"))
                    .body("status", equalTo(404));
        }
        // the route table is not shown to strangers
        given().when().get("/api/nothing/here").then().statusCode(401);
    }

    private int hits(String path) {
        return Integer.parseInt(given().baseUri(upstream).port(-1).queryParam("path", path)
                .when().get("/__hits").then().statusCode(200).extract().asString());
    }
}
