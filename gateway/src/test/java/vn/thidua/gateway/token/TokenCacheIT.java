package vn.thidua.gateway.token;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;
import vn.thidua.gateway.FakeUpstream;

/**
 * The gateway remembers the tokens it has verified (VerifiedTokens); these check, end to end, that
 * remembering never lets through what a fresh verification would refuse. The test profile sets
 * {@code mp.jwt.verify.clock.skew=1}, so an expired token is refused a second after it expires.
 * Each case sends its own {@code X-Forwarded-For} (trusted in tests): a refused token is rate-limited
 * by address, and other tests' refusals from 127.0.0.1 must not use up this one's.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(FakeUpstream.class)
class TokenCacheIT {
    private static final String PATH = "/api/units/000.00.31.H56";
    private static final String FORWARDED = "X-Forwarded-For";

    @Test
    void aTokenAcceptedAndRememberedIsRefusedOnceItHasExpired() {
        String shortLived = TestTokens.claims("cache-expiry", "board")
                .issuedAt(Instant.now().minusSeconds(1))
                .expiresAt(Instant.now().plusSeconds(2))
                .sign(TestTokens.privateKey());
        given().auth().oauth2(shortLived).header(FORWARDED, "203.0.113.71").when().get(PATH).then().statusCode(200);
        given().auth().oauth2(shortLived).header(FORWARDED, "203.0.113.71").when().get(PATH).then().statusCode(200);
        // polled slowly enough to stay within the subject's rate limit of the test profile
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().auth().oauth2(shortLived).header(FORWARDED, "203.0.113.71").when().get(PATH).statusCode() != 200);
        given().auth().oauth2(shortLived).header(FORWARDED, "203.0.113.71").when().get(PATH)
                .then().statusCode(401).header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aRememberedTokensHeaderAndClaimsWithAnotherSignatureAreRefused() throws Exception {
        String genuine = TestTokens.user("cache-forgery", "board");
        given().auth().oauth2(genuine).when().get(PATH).then().statusCode(200);
        given().auth().oauth2(genuine).when().get(PATH).then().statusCode(200);

        String anotherGenuine = TestTokens.user("cache-forgery", "board");
        String attackerSignature = TestTokens.claims("cache-forgery", "board").sign(attackerKey());
        String unsigned = genuine.substring(0, genuine.lastIndexOf('.') + 1);
        String forged = unsigned + attackerSignature.substring(attackerSignature.lastIndexOf('.') + 1);
        given().auth().oauth2(forged).header(FORWARDED, "203.0.113.72").when().get(PATH).then().statusCode(401);

        String signature = genuine.substring(genuine.lastIndexOf('.') + 1);
        int middle = signature.length() / 2;
        char flipped = signature.charAt(middle) == 'A' ? 'B' : 'A';
        String tampered = unsigned + signature.substring(0, middle) + flipped + signature.substring(middle + 1);
        given().auth().oauth2(tampered).header(FORWARDED, "203.0.113.72").when().get(PATH).then().statusCode(401);

        given().auth().oauth2(unsigned).header(FORWARDED, "203.0.113.72").when().get(PATH).then().statusCode(401);
        // the genuine one, and another genuine one, still pass
        given().auth().oauth2(genuine).when().get(PATH).then().statusCode(200);
        given().auth().oauth2(anotherGenuine).when().get(PATH).then().statusCode(200);
    }

    @Test
    void aRefusedTokenIsRefusedAgainNotRemembered() {
        String expired = TestTokens.expired("cache-refused", "board");
        given().auth().oauth2(expired).header(FORWARDED, "203.0.113.73").when().get(PATH).then().statusCode(401);
        given().auth().oauth2(expired).header(FORWARDED, "203.0.113.73").when().get(PATH).then().statusCode(401);
    }

    private static PrivateKey attackerKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
    }
}
