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
 * A key rotation as docs/security.md describes it, with a gateway configured as the phases leave it:
 * it publishes and accepts the next key before it signs with it (phase 1), so that tokens of a
 * replica already signing with that key pass; it signs with the current key and still publishes and
 * accepts the previous one (phase 2), so tokens signed before the rotation keep working until they
 * expire; and a token naming another key than the one that signed it is still refused.
 */
@QuarkusTest
@TestProfile(KeyRotationIT.Rotated.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(FakeUpstream.class)
class KeyRotationIT {
    private static final String PREVIOUS_KEY_PROPERTY = "thidua.test.previous-signing-key";
    private static final String NEXT_KEY_PROPERTY = "thidua.test.next-signing-key";
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    public static class Rotated implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PreviousKey.class), new TestResourceEntry(NextKey.class));
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

    /** The key pair a replica rolled ahead signs with (phase 2 there, phase 1 here). */
    public static class NextKey implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                SigningKeys next = SigningKeys.generate(Files.createTempDirectory("thidua-next-key"));
                System.setProperty(NEXT_KEY_PROPERTY, next.privateKeyPem().toString());
                return Map.of("thidua.auth.next-public-key-location", next.publicKeyPem().toUri().toString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
            System.clearProperty(NEXT_KEY_PROPERTY);
        }
    }

    @Test
    void theKeySetPublishesTheCurrentKeyFirstThenTheNextAndThePreviousOne() {
        String current = currentKid();
        given().when().get("/auth/jwks").then().statusCode(200)
                .body("keys", hasSize(3))
                .body("keys[0].kid", equalTo(current))
                .body("keys[1].kid", equalTo(kidOf(NEXT_KEY_PROPERTY)))
                .body("keys[2].kid", equalTo(kidOf(PREVIOUS_KEY_PROPERTY)))
                .body("keys[1].alg", equalTo("RS256"))
                .body("keys[2].alg", equalTo("RS256"))
                .body("keys[2].use", equalTo("sig"));
    }

    @Test
    void tokensSignedWithTheNextKeyPassBeforeThisGatewaySignsWithIt() throws Exception {
        String byRolledReplica = TestTokens.claims("board-officer", "board").jws().keyId(kidOf(NEXT_KEY_PROPERTY))
                .sign(privateKeyOf(NEXT_KEY_PROPERTY));
        given().auth().oauth2(byRolledReplica).when().get("/api/units").then().statusCode(200);
    }

    @Test
    void aTokenNamingTheNextKeyButSignedByAnotherIsRefused() throws Exception {
        String mixed = TestTokens.claims("board-officer", "board").jws().keyId(kidOf(NEXT_KEY_PROPERTY)).sign(previousPrivateKey());
        given().auth().oauth2(mixed).when().get("/api/units").then().statusCode(401).contentType("application/problem+json");
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
        return kidOf(PREVIOUS_KEY_PROPERTY);
    }

    private static String kidOf(String keyProperty) {
        try {
            String pem = Files.readString(Path.of(System.getProperty(keyProperty)).resolveSibling("jwt-public-key.pem"));
            RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) KeyUtils.decodePublicKey(pem));
            return jwk.calculateBase64urlEncodedThumbprint("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey previousPrivateKey() throws Exception {
        return privateKeyOf(PREVIOUS_KEY_PROPERTY);
    }

    private static PrivateKey privateKeyOf(String keyProperty) throws Exception {
        return KeyUtils.decodePrivateKey(Files.readString(Path.of(System.getProperty(keyProperty))));
    }
}
