package vn.thidua.gateway.token;

import vn.thidua.platform.domain.Refusal;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
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
class TokenEndpointIT {
    // browsers send forms in UTF-8; REST Assured would default to ISO-8859-1 and lose Vietnamese letters
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    @Inject
    AccountService accounts;

    @Test
    void aUnitRepresentativeGetsASignedTokenNamingTheirUnit() throws Exception {
        String token = given().contentType(FORM)
                .formParam("grant_type", "password").formParam("username", "mttq").formParam("password", "demo")
                .when().post("/auth/token")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(900))
                .extract().path("access_token");

        JsonNode header = Jwts.header(token);
        assertEquals("RS256", header.get("alg").asText());
        assertNotNull(header.get("kid"));
        JsonNode claims = Jwts.claims(token);
        assertEquals("thidua-gateway", claims.get("iss").asText());
        JsonNode audience = claims.get("aud");
        assertEquals("thidua", audience.isArray() ? audience.get(0).asText() : audience.asText());
        assertEquals("mttq", claims.get("sub").asText());
        assertEquals("[\"unit-rep\"]", claims.get("groups").toString());
        assertEquals("000.00.31.H56", claims.get("unit").asText());
        assertEquals(900, claims.get("exp").asLong() - claims.get("iat").asLong());
        UUID.fromString(claims.get("jti").asText());
    }

    @Test
    void otherUsersGetTheirRolesAndNoUnit() {
        JsonNode claims = Jwts.claims(passwordToken("Board", "demo"));
        assertEquals("board", claims.get("sub").asText(), "logins are not case-sensitive");
        assertEquals(Set.of("board", "viewer"), Set.of(claims.get("groups").get(0).asText(), claims.get("groups").get(1).asText()));
        assertFalse(claims.has("unit"));
    }

    @Test
    void anIssuedTokenOpensTheApi() {
        given().auth().oauth2(passwordToken("admin", "demo"))
                .when().get("/api/units/000.00.31.H56")
                .then().statusCode(200)
                .header("X-Upstream", "fake")
                .body("path", equalTo("/api/units/000.00.31.H56"));
    }

    @Test
    void theJwksPublishesTheKeyThatVerifiesIssuedTokens() throws Exception {
        String token = passwordToken("admin", "demo");
        String jwks = given().when().get("/auth/jwks")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].use", equalTo("sig"))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].n", notNullValue())
                .body("keys[0].e", equalTo("AQAB"))
                .body("keys[0].d", nullValue())
                .body("keys[0].p", nullValue())
                .extract().asString();

        String kid = Jwts.header(token).get("kid").asText();
        JsonWebKey key = new JsonWebKeySet(jwks).findJsonWebKey(kid, "RSA", "sig", "RS256");
        assertNotNull(key, "the token's kid is in the JWKS");
        JsonWebSignature signature = new JsonWebSignature();
        signature.setCompactSerialization(token);
        signature.setKey(key.getKey());
        assertTrue(signature.verifySignature());

        JsonWebSignature tampered = new JsonWebSignature();
        tampered.setCompactSerialization(token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5));
        tampered.setKey(key.getKey());
        assertFalse(tampered.verifySignature());
    }

    @Test
    void aServiceAccountAuthenticatesWithTheFormOrWithBasic() {
        String fromForm = given().contentType(FORM)
                .formParam("grant_type", "client_credentials").formParam("client_id", "portal-demo").formParam("client_secret", "demo")
                .when().post("/auth/token")
                .then().statusCode(200).body("token_type", equalTo("Bearer"))
                .extract().path("access_token");
        assertEquals("portal-demo", Jwts.claims(fromForm).get("sub").asText());
        assertEquals("[\"portal\"]", Jwts.claims(fromForm).get("groups").toString());

        String fromBasic = given().auth().preemptive().basic("portal-demo", "demo").contentType(FORM)
                .formParam("grant_type", "client_credentials")
                .when().post("/auth/token")
                .then().statusCode(200)
                .extract().path("access_token");
        assertEquals("portal-demo", Jwts.claims(fromBasic).get("sub").asText());
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        String wrongPassword = rejected(given().contentType(FORM)
                .formParam("grant_type", "password").formParam("username", "admin").formParam("password", "not-demo"), 400, "invalid_grant")
                .asString();
        String unknownUser = rejected(given().contentType(FORM)
                .formParam("grant_type", "password").formParam("username", "nobody").formParam("password", "not-demo"), 400, "invalid_grant")
                .asString();
        assertEquals(wrongPassword, unknownUser);

        // a service account cannot sign in as a person, nor a person as a service
        rejected(given().contentType(FORM)
                .formParam("grant_type", "password").formParam("username", "portal-demo").formParam("password", "demo"), 400, "invalid_grant");
        rejected(given().contentType(FORM)
                .formParam("grant_type", "client_credentials").formParam("client_id", "admin").formParam("client_secret", "demo"), 401, "invalid_client");
    }

    @Test
    void aWrongClientSecretIsAnInvalidClient() {
        rejected(given().contentType(FORM)
                .formParam("grant_type", "client_credentials").formParam("client_id", "portal-demo").formParam("client_secret", "nope"), 401, "invalid_client");
        given().auth().preemptive().basic("portal-demo", "nope").contentType(FORM)
                .formParam("grant_type", "client_credentials")
                .when().post("/auth/token")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"))
                .body("error", equalTo("invalid_client"));
        rejected(given().contentType(FORM).formParam("grant_type", "client_credentials"), 401, "invalid_client");
    }

    @Test
    void anUnsupportedGrantTypeIsRefusedInTheCallersLanguage() {
        rejected(given().contentType(FORM).formParam("grant_type", "authorization_code").formParam("code", "x"),
                400, "unsupported_grant_type");
        given().contentType(FORM).header("Accept-Language", "en-US,en;q=0.9")
                .formParam("grant_type", "implicit")
                .when().post("/auth/token")
                .then().statusCode(400)
                .header("Content-Language", "en")
                .body("type", equalTo("https://thidua.vn/problems/unsupported-grant-type"))
                .body("title", equalTo("Unsupported grant type"))
                .body("detail", equalTo("This grant_type is not supported; use password, refresh_token or client_credentials."))
                .body("error_description", equalTo("This grant_type is not supported; use password, refresh_token or client_credentials."));
        given().contentType(FORM).formParam("grant_type", "implicit")
                .when().post("/auth/token")
                .then().statusCode(400)
                .header("Content-Language", "vi")
                .body("detail", containsString("không được hỗ trợ"))
                .body("error_description", equalTo("This grant_type is not supported; use password, refresh_token or client_credentials."));
    }

    @Test
    void missingRepeatedOrDoubledParametersAreInvalidRequests() {
        rejected(given().contentType(FORM).formParam("username", "admin").formParam("password", "demo"), 400, "invalid_request");
        String missingPassword = rejected(given().contentType(FORM).formParam("grant_type", "password")
                .formParam("username", "admin"), 400, "invalid_request").path("error_description");
        assertEquals("The parameter password is missing.", missingPassword);
        rejected(given().contentType(FORM).formParam("grant_type", "password").formParam("username", "admin")
                .formParam("password", ""), 400, "invalid_request");
        rejected(given().contentType(FORM).formParam("grant_type", "password").formParam("username", "admin", "board")
                .formParam("password", "demo"), 400, "invalid_request");
        rejected(given().auth().preemptive().basic("portal-demo", "demo").contentType(FORM)
                .formParam("grant_type", "client_credentials").formParam("client_id", "portal-demo"), 400, "invalid_request");
    }

    @Test
    void aLoginNameWithAControlCharacterIsAnInvalidRequestNeverA500() {
        String nulInUsername = rejected(given().header("Accept-Language", "en").contentType(FORM).formParam("grant_type", "password")
                .formParam("username", "ad\u0000min").formParam("password", "demo"), 400, "invalid_request").path("error_description");
        assertEquals("The parameter username contains a control character (such as NUL), which is not accepted.", nulInUsername);
        rejected(given().contentType(FORM).formParam("grant_type", "client_credentials").formParam("client_id", "portal\u001B-demo")
                .formParam("client_secret", "demo"), 400, "invalid_request");
        rejected(given().auth().preemptive().basic("portal\u0000-demo", "demo").contentType(FORM)
                .formParam("grant_type", "client_credentials"), 400, "invalid_request");
    }

    @Test
    void aDisabledAccountGetsNoToken() {
        accounts.create(new NewAccount("to.be.disabled", "Cán bộ tạm nghỉ", AccountKind.USER, Set.of("viewer"), null), "Mật khẩu riêng");
        passwordToken("to.be.disabled", "Mật khẩu riêng");

        accounts.setEnabled("to.be.disabled", false);
        rejected(given().contentType(FORM)
                .formParam("grant_type", "password").formParam("username", "to.be.disabled").formParam("password", "Mật khẩu riêng"),
                400, "invalid_grant");
    }

    @Test
    void aUnitRepresentativeWithoutAUnitCannotBeCreated() {
        Refusal refused = assertThrows(Refusal.class,
                () -> accounts.create(new NewAccount("rep-without-unit", null, AccountKind.USER, Set.of("unit-rep"), null), "secret"));
        assertEquals("unit-required", refused.type());
        rejected(given().contentType(FORM)
                .formParam("grant_type", "password").formParam("username", "rep-without-unit").formParam("password", "secret"),
                400, "invalid_grant");
    }

    private static String passwordToken(String username, String password) {
        return given().contentType(FORM)
                .formParam("grant_type", "password").formParam("username", username).formParam("password", password)
                .when().post("/auth/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    private static ExtractableResponse<Response> rejected(io.restassured.specification.RequestSpecification request, int status, String error) {
        return request.when().post("/auth/token")
                .then().statusCode(status)
                .contentType("application/problem+json")
                .header("Cache-Control", "no-store")
                .body("type", equalTo("https://thidua.vn/problems/" + error.replace('_', '-')))
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("instance", equalTo("/auth/token"))
                .body("error", equalTo(error))
                .body("error_description", notNullValue())
                .body("access_token", nullValue())
                .extract();
    }
}
