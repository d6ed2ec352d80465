package vn.thidua.gateway.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.infra.SigningKeys;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;
import vn.thidua.gateway.FakeUpstream;
import vn.thidua.gateway.Jwts;

/**
 * A key rotation as docs/security.md describes it: the gateway signs with the new key and still
 * publishes and accepts the previous one, so tokens signed before the rotation keep working until
 * they expire, and a token naming the previous key but signed by another is still refused.
 */
@QuarkusTest
@TestProfile(KeyRotationTest.Rotated.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(FakeUpstream.class)
class KeyRotationTest {
    private static final String PREVIOUS_KEY_PROPERTY = "thidua.test.previous-signing-key";
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    public static class Rotated implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PreviousKey.class));
        }
    }

    /** The key pair the gateway signed with before the rotation. */
    public static class PreviousKey implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                SigningKeys previous = SigningKeys.generate(Files.createTempDirectory("thidua-previous-key"));
                System.setProperty(PREVIOUS_KEY_PROPERTY, previous.privateKeyPem().toString());
                return Map.of("thidua.auth.previous-public-key-location", previous.publicKeyPem().toUri().toString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
            System.clearProperty(PREVIOUS_KEY_PROPERTY);
        }
    }

    @Test
    void theKeySetPublishesTheCurrentKeyFirstAndThePreviousOne() {
        String current = currentKid();
        given().when().get("/auth/jwks").then().statusCode(200)
                .body("keys", hasSize(2))
                .body("keys[0].kid", equalTo(current))
                .body("keys[1].kid", equalTo(previousKid()))
                .body("keys[1].alg", equalTo("RS256"))
                .body("keys[1].use", equalTo("sig"));
    }

    @Test
    void tokensSignedWithThePreviousKeyStillPassTheGateway() throws Exception {
        String beforeRotation = TestTokens.claims("board-officer", "board").jws().keyId(previousKid()).sign(previousPrivateKey());
        given().auth().oauth2(beforeRotation).when().get("/api/units").then().statusCode(200);

        String afterRotation = TestTokens.claims("board-officer", "board").jws().keyId(currentKid()).sign(TestTokens.privateKey());
        given().auth().oauth2(afterRotation).when().get("/api/units").then().statusCode(200);
    }

    @Test
    void aTokenNamingThePreviousKeyButSignedByTheCurrentOneIsRefused() throws Exception {
        String mixed = TestTokens.claims("board-officer", "board").jws().keyId(previousKid()).sign(TestTokens.privateKey());
        given().auth().oauth2(mixed).when().get("/api/units").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aRememberedTokenOfThePreviousKeyDoesNotVouchForTheSameClaimsSignedByAnotherKey() throws Exception {
        String beforeRotation = TestTokens.claims("rotation-cache", "board").jws().keyId(previousKid()).sign(previousPrivateKey());
        given().auth().oauth2(beforeRotation).when().get("/api/units").then().statusCode(200);
        given().auth().oauth2(beforeRotation).when().get("/api/units").then().statusCode(200);

        String unsigned = beforeRotation.substring(0, beforeRotation.lastIndexOf('.') + 1);
        String byCurrentKey = TestTokens.claims("rotation-cache", "board").jws().keyId(previousKid()).sign(TestTokens.privateKey());
        String forged = unsigned + byCurrentKey.substring(byCurrentKey.lastIndexOf('.') + 1);
        given().auth().oauth2(forged).when().get("/api/units").then().statusCode(401);
        given().auth().oauth2(beforeRotation).when().get("/api/units").then().statusCode(200);
    }

    @Test
    void newTokensAreSignedWithTheCurrentKey() {
        String token = given().contentType(FORM).formParam("grant_type", "password")
                .formParam("username", "board").formParam("password", "demo")
                .when().post("/auth/token").then().statusCode(200).extract().path("access_token");
        assertEquals(currentKid(), Jwts.header(token).get("kid").asText());
    }

    private static String currentKid() {
        return given().when().get("/auth/jwks").then().extract().path("keys[0].kid");
    }

    private static String previousKid() {
        try {
            String pem = Files.readString(Path.of(System.getProperty(PREVIOUS_KEY_PROPERTY)).resolveSibling("jwt-public-key.pem"));
            RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) KeyUtils.decodePublicKey(pem));
            return jwk.calculateBase64urlEncodedThumbprint("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey previousPrivateKey() throws Exception {
        return KeyUtils.decodePrivateKey(Files.readString(Path.of(System.getProperty(PREVIOUS_KEY_PROPERTY))));
    }
}
