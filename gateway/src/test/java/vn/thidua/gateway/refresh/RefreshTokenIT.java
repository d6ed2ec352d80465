package vn.thidua.gateway.refresh;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.gateway.FakeUpstream;
import vn.thidua.gateway.Jwts;
import vn.thidua.gateway.account.AccountKind;
import vn.thidua.gateway.account.AccountService;
import vn.thidua.gateway.account.NewAccount;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(FakeUpstream.class)
class RefreshTokenIT {
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    @Inject
    AccountService accounts;

    @Test
    void aRefreshTokenBuysANewAccessTokenAndIsReplacedByItsSuccessor() {
        JsonPath login = login("mttq", "demo");
        String first = login.getString("refresh_token");

        JsonPath refreshed = refresh(first).statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(900))
                .body("refresh_token", notNullValue())
                .extract().jsonPath();
        String second = refreshed.getString("refresh_token");
        assertNotEquals(first, second, "each exchange hands out a new refresh token");
        String access = refreshed.getString("access_token");
        assertEquals("mttq", Jwts.claims(access).get("sub").asText());
        assertEquals("000.00.31.H56", Jwts.claims(access).get("unit").asText(), "the refreshed token still names the unit");
        given().auth().oauth2(access).when().get("/api/units/000.00.31.H56").then().statusCode(200);

        refresh(second).statusCode(200);
    }

    @Test
    void aSpentTokenPresentedAgainRevokesTheWholeFamily() {
        String first = login("mttq", "demo").getString("refresh_token");
        String second = refresh(first).statusCode(200).extract().path("refresh_token");

        // someone replays the spent token: refused, and so is the legitimate holder of its successor
        refusedAsInvalidGrant(refresh(first));
        refusedAsInvalidGrant(refresh(second));

        // another login is another family, untouched
        String other = login("mttq", "demo").getString("refresh_token");
        refresh(other).statusCode(200);
    }

    @Test
    void aRevokedTokenAndItsFamilyAreRefused() {
        String first = login("mttq", "demo").getString("refresh_token");
        String second = refresh(first).statusCode(200).extract().path("refresh_token");

        given().contentType(FORM).formParam("token", second).when().post("/auth/revoke")
                .then().statusCode(200).header("Cache-Control", "no-store");
        refusedAsInvalidGrant(refresh(second));

        // RFC 7009, 2.2: an unknown or malformed token is no error, and tells nothing
        given().contentType(FORM).formParam("token", "not-a-token").when().post("/auth/revoke").then().statusCode(200);
        given().contentType(FORM).formParam("token", second).when().post("/auth/revoke").then().statusCode(200);
        given().contentType(FORM).when().post("/auth/revoke").then().statusCode(400)
                .contentType("application/problem+json").body("error", equalTo("invalid_request"));
    }

    @Test
    void unknownMalformedAndMissingRefreshTokensAreRefused() {
        refusedAsInvalidGrant(refresh("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        refusedAsInvalidGrant(refresh("x' OR '1'='1"));
        given().contentType(FORM).formParam("grant_type", "refresh_token").when().post("/auth/token")
                .then().statusCode(400).contentType("application/problem+json").body("error", equalTo("invalid_request"));
    }

    @Test
    void disablingAnAccountEndsItsSessions() {
        String login = "refresh-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(login, "Cán bộ thử", AccountKind.USER, Set.of("board"), null), "mật-khẩu-dài");
        String token = login(login, "mật-khẩu-dài").getString("refresh_token");

        accounts.setEnabled(login, false);
        refusedAsInvalidGrant(refresh(token));

        // enabling it again does not bring the old session back: the family was revoked
        accounts.setEnabled(login, true);
        refusedAsInvalidGrant(refresh(token));
        refresh(login(login, "mật-khẩu-dài").getString("refresh_token")).statusCode(200);
    }

    @Test
    void serviceAccountsGetNoRefreshToken() {
        given().contentType(FORM).formParam("grant_type", "client_credentials")
                .formParam("client_id", "portal-demo").formParam("client_secret", "demo")
                .when().post("/auth/token")
                .then().statusCode(200).body("$", not(hasKey("refresh_token")));
    }

    static JsonPath login(String username, String password) {
        return given().contentType(FORM).formParam("grant_type", "password")
                .formParam("username", username).formParam("password", password)
                .when().post("/auth/token")
                .then().statusCode(200).body("refresh_token", not(emptyString())).extract().jsonPath();
    }

    static ValidatableResponse refresh(String refreshToken) {
        return given().contentType(FORM).formParam("grant_type", "refresh_token").formParam("refresh_token", refreshToken)
                .when().post("/auth/token").then();
    }

    static void refusedAsInvalidGrant(ValidatableResponse response) {
        response.statusCode(400)
                .contentType("application/problem+json")
                .header("Cache-Control", "no-store")
                .body("error", equalTo("invalid_grant"))
                .body("type", equalTo("https://thidua.vn/problems/invalid-grant"))
                .body("$", not(hasKey("access_token")));
    }
}
