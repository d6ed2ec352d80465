package vn.thidua.gateway.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.AttackTokens;
import vn.thidua.gateway.FakeUpstream;
import vn.thidua.devstack.testing.RealInfrastructure;

/**
 * The token cases of the attack suite against the gateway: every hostile access token is refused
 * before anything reaches a service, and stolen refresh tokens (revoked, or spent and replayed) buy
 * nothing. The services run the same access-token cases themselves (their TokenAttackIT).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(FakeUpstream.class)
class TokenAttackIT {
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    @ConfigProperty(name = FakeUpstream.URL_PROPERTY)
    String upstream;

    @Test
    void noHostileAccessTokenGetsPastTheGateway() {
        Map<String, String> attacks = new LinkedHashMap<>(AttackTokens.all("attacker", null, "board", "admin"));
        // a refresh token is no access token, and neither is anything else opaque
        attacks.put("a refresh token as bearer", login().getString("refresh_token"));
        attacks.put("garbage", "not.a.jwt");
        attacks.put("empty bearer", "");
        List<String> failures = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, String> attack : attacks.entrySet()) {
            String read = "/api/units/attack-read-" + index;
            String write = "/api/units/attack-write-" + index++;
            expect401(failures, attack.getKey(), "GET " + read, request(attack.getValue()).get(read));
            expect401(failures, attack.getKey(), "POST " + write,
                    request(attack.getValue()).contentType(ContentType.JSON).body(Map.of("name", "x")).post(write));
            if (hits(read) + hits(write) != 0) {
                failures.add(attack.getKey() + ": reached the service");
            }
        }
        assertEquals(List.of(), failures);
        // the control: the genuine token the attacks were made from passes
        given().auth().oauth2(AttackTokens.valid("attacker", null, "board", "admin")).get("/api/units/attack-control")
                .then().statusCode(200);
    }

    @Test
    void revokedAndReplayedRefreshTokensBuyNothing() {
        String revoked = login().getString("refresh_token");
        given().contentType(FORM).formParam("token", revoked).post("/auth/revoke").then().statusCode(200);
        refusedRefresh(revoked);

        String spent = login().getString("refresh_token");
        String successor = refresh(spent).then().statusCode(200).extract().path("refresh_token");
        refusedRefresh(spent);
        // the replay revoked the family: the legitimate successor is gone too
        refusedRefresh(successor);

        // an access token is no refresh token
        refusedRefresh(login().getString("access_token"));
    }

    private static io.restassured.path.json.JsonPath login() {
        return given().contentType(FORM).formParam("grant_type", "password")
                .formParam("username", "mttq").formParam("password", "demo")
                .when().post("/auth/token").then().statusCode(200).extract().jsonPath();
    }

    /** Found by the API fuzzer (ApiFuzzer): a form whose percent-encoding does not decode was a 500 from RESTEasy's form reader. */
    @Test
    void aFormThatDoesNotDecodeIsABadRequest() {
        for (String endpoint : List.of("/auth/token", "/auth/revoke")) {
            for (String form : List.of("grant_type=password&username=board&password=%zz", "token=%", "a=%PD")) {
                Response response = given().contentType(FORM).body(form).post(endpoint);
                assertEquals(400, response.statusCode(), endpoint + " " + form);
                assertEquals("application/problem+json", response.contentType().split(";")[0], endpoint + " " + form);
                assertEquals("https://thidua.vn/problems/malformed-form", response.path("type"), endpoint + " " + form);
            }
        }
    }

    private static Response refresh(String token) {
        return given().contentType(FORM).formParam("grant_type", "refresh_token").formParam("refresh_token", token)
                .when().post("/auth/token");
    }

    private static void refusedRefresh(String token) {
        refresh(token).then().statusCode(400).contentType("application/problem+json")
                .body("error", org.hamcrest.Matchers.equalTo("invalid_grant"));
    }

    private static RequestSpecification request(String token) {
        // unauthenticated callers are rate-limited by address: these cases count on their own
        RequestSpecification request = given().header("Accept-Language", "en").header("X-Forwarded-For", "10.66.0.1");
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static void expect401(List<String> failures, String attack, String endpoint, Response response) {
        String type = response.getContentType();
        if (response.statusCode() != 401 || type == null || !type.startsWith("application/problem+json")) {
            failures.add(attack + " -> " + endpoint + ": " + response.statusCode() + " " + type);
        }
    }

    private int hits(String path) {
        return Integer.parseInt(given().baseUri(upstream).port(-1).queryParam("path", path)
                .when().get("/__hits").then().statusCode(200).extract().asString());
    }
}
