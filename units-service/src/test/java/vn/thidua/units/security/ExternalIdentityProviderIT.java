package vn.thidua.units.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;

/**
 * The province's single sign-on in place of the gateway's issuer, by configuration alone (the
 * variables docs/security.md lists): its issuer and key set, roles in a Keycloak-style
 * {@code realm_access.roles} with its own names, the unit in a user attribute list. Unit ownership
 * holds just the same, unmapped role names grant nothing, and the gateway's tokens are no longer trusted.
 */
@QuarkusTest
@TestProfile(ExternalIdentityProviderIT.ProvinceSingleSignOn.class)
class ExternalIdentityProviderIT {
    private static final String ISSUER = "https://sso.thanhhoa.gov.vn/realms/tinh";
    private static final String KEY_ID = "sso-2026";
    private static final String KEY_PROPERTY = "thidua.test.sso-signing-key";

    public static class ProvinceSingleSignOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.jwt.verify.issuer", ISSUER,
                    "mp.jwt.verify.audiences", "thidua",
                    "smallrye.jwt.path.groups", "realm_access/roles",
                    "thidua.security.unit-claim", "attributes/ma_don_vi",
                    "thidua.security.role-names.board", "TDKT_CAN_BO,TDKT_LANH_DAO_BAN",
                    "thidua.security.role-names.unit-rep", "TDKT_DAI_DIEN_DON_VI");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RealInfrastructure.class, Map.of("service", "units", "gateway-keys", "false")),
                    new TestResourceEntry(SingleSignOnKeys.class));
        }
    }

    /** The provider's key pair; its public half published as a JWKS file, as the provider's endpoint would. */
    public static class SingleSignOnKeys implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) pair.getPublic());
                jwk.setKeyId(KEY_ID);
                jwk.setAlgorithm("RS256");
                Path dir = Files.createTempDirectory("thidua-sso");
                Path jwks = Files.writeString(dir.resolve("jwks.json"),
                        new JsonWebKeySet(jwk).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
                Path privateKey = dir.resolve("signing-key.der");
                Files.write(privateKey, pair.getPrivate().getEncoded());
                System.setProperty(KEY_PROPERTY, privateKey.toString());
                return Map.of("mp.jwt.verify.publickey.location", jwks.toUri().toString());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
            System.clearProperty(KEY_PROPERTY);
        }
    }

    @Test
    void theProvincesOfficersAndRepresentativesWorkWithUnitOwnershipIntact() {
        String officer = sso("nguyen.van.a", List.of("TDKT_CAN_BO", "offline_access"), null);
        for (String[] unit : List.of(new String[] {"000.00.71.H56", "Sở Nội vụ tỉnh Thanh Hóa"},
                new String[] {"000.00.72.H56", "Sở Tài chính tỉnh Thanh Hóa"})) {
            given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("code", unit[0], "name", unit[1]))
                    .when().post("/api/units").then().statusCode(201);
        }

        String representative = sso("tran.thi.b", List.of("TDKT_DAI_DIEN_DON_VI"), List.of("000.00.71.H56"));
        given().auth().oauth2(representative).when().get("/api/units/000.00.71.H56").then().statusCode(200)
                .body("name", equalTo("Sở Nội vụ tỉnh Thanh Hóa"));
        given().auth().oauth2(representative).when().get("/api/units/000.00.72.H56").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(representative).queryParam("q", "Sở").when().get("/api/units").then().statusCode(200)
                .body("items.code", contains("000.00.71.H56"));
        given().auth().oauth2(representative).contentType(ContentType.JSON).body(Map.of("code", "000.00.73.H56", "name", "Mạo danh"))
                .when().post("/api/units").then().statusCode(403);
    }

    @Test
    void unmappedOrAmbiguousClaimsGrantNothing() {
        // the provider's own "admin" and "board" are not ours: only the mapped names count
        given().auth().oauth2(sso("ke.la", List.of("admin", "board"), null)).when().get("/api/units").then().statusCode(403);
        // a representative whose attribute names two units is trusted with neither
        given().auth().oauth2(sso("hai.don.vi", List.of("TDKT_DAI_DIEN_DON_VI"), List.of("000.00.71.H56", "000.00.72.H56")))
                .when().get("/api/units/000.00.71.H56").then().statusCode(403);
        given().auth().oauth2(sso("khong.don.vi", List.of("TDKT_DAI_DIEN_DON_VI"), null))
                .when().get("/api/units/000.00.71.H56").then().statusCode(403);
    }

    @Test
    void theGatewaysOwnTokensAreNoLongerTrusted() {
        given().auth().oauth2(TestTokens.user("board-officer", "board")).when().get("/api/units").then().statusCode(401)
                .contentType("application/problem+json");
        String wrongIssuer = claims("nguyen.van.a", List.of("TDKT_CAN_BO"), null).issuer("thidua-gateway").jws().keyId(KEY_ID).sign(key());
        given().auth().oauth2(wrongIssuer).when().get("/api/units").then().statusCode(401);
    }

    private static String sso(String user, List<String> roles, List<String> units) {
        return claims(user, roles, units).jws().keyId(KEY_ID).sign(key());
    }

    private static JwtClaimsBuilder claims(String user, List<String> roles, List<String> units) {
        Instant now = Instant.now();
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).audience("thidua").subject("f3a1c2d4-" + user.length())
                .claim("preferred_username", user)
                .claim("realm_access", Map.of("roles", roles))
                .issuedAt(now).expiresAt(now.plusSeconds(300));
        if (units != null) {
            claims.claim("attributes", Map.of("ma_don_vi", units));
        }
        return claims;
    }

    private static PrivateKey key() {
        try {
            byte[] der = Files.readAllBytes(Path.of(System.getProperty(KEY_PROPERTY)));
            return java.security.KeyFactory.getInstance("RSA").generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
