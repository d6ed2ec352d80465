package vn.thidua.gateway.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;
import vn.thidua.gateway.FakeUpstream;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(FakeUpstream.class)
class AccountAdminIT {
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    private static final String ADMIN = TestTokens.user("root", "admin");
    private static final String PASSWORD = "Hoa-sen-nở-2026";

    @Test
    void anAdminCreatesAUserWhoLogsInAndSeesNoSecretInTheAccount() {
        String login = unique("can-bo");
        admin().contentType(ContentType.JSON)
                .body(Map.of("login", login, "displayName", "Nguyễn Thị Hoa", "kind", "USER",
                        "roles", List.of("unit-rep", "cluster-leader"), "unit", "000.00.31.h56", "password", PASSWORD))
                .when().post("/admin/accounts")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .body("login", equalTo(login))
                .body("displayName", equalTo("Nguyễn Thị Hoa"))
                .body("unit", equalTo("000.00.31.H56"))
                .body("roles", equalTo(List.of("cluster-leader", "unit-rep")))
                .body("enabled", equalTo(true))
                .body("$", not(hasKey("secretHash")));

        String access = login(login, PASSWORD).extract().path("access_token");
        // a cluster leader's token names its unit too, or every service would drop the role
        given().auth().oauth2(access).when().get("/api/units/x").then().statusCode(200);
        admin().when().get("/admin/accounts?unit=000.00.31.H56").then().statusCode(200)
                .body("login", hasItem(login))
                .body("unit", everyItem(equalTo("000.00.31.H56")));
    }

    @Test
    void changingRolesOrDisablingEndsTheSessionsAndDisabledAccountsCannotLogIn() {
        String login = unique("to-truong");
        create(login, "board");
        String refresh = login(login, PASSWORD).extract().path("refresh_token");
        long version = admin().when().get("/admin/accounts/" + login).then().statusCode(200).extract().jsonPath().getLong("version");

        admin().contentType(ContentType.JSON).body(Map.of("roles", List.of("viewer"), "version", version))
                .when().put("/admin/accounts/" + login)
                .then().statusCode(200).body("roles", equalTo(List.of("viewer")));
        refresh(refresh).statusCode(400).body("error", equalTo("invalid_grant"));

        // someone else's stale copy is refused rather than silently overwriting
        admin().contentType(ContentType.JSON).body(Map.of("roles", List.of("board"), "version", version))
                .when().put("/admin/accounts/" + login)
                .then().statusCode(409).contentType("application/problem+json");

        admin().contentType(ContentType.JSON).body(Map.of("enabled", false))
                .when().put("/admin/accounts/" + login).then().statusCode(200).body("enabled", equalTo(false));
        login(login, PASSWORD, 400);
    }

    @Test
    void aPasswordResetEndsTheSessionsAndTheOldPasswordStopsWorking() {
        String login = unique("thu-ky");
        create(login, "board");
        String refresh = login(login, PASSWORD).extract().path("refresh_token");
        admin().contentType(ContentType.JSON).body(Map.of("password", "Mật-khẩu-mới-dài-hơn"))
                .when().post("/admin/accounts/" + login + "/password").then().statusCode(204);
        refresh(refresh).statusCode(400);
        login(login, PASSWORD, 400);
        login(login, "Mật-khẩu-mới-dài-hơn");

        admin().when().delete("/admin/accounts/" + login + "/sessions").then().statusCode(204);
    }

    @Test
    void aServiceAccountsSecretIsGeneratedShownOnceAndRenewable() {
        String login = unique("cong-bnv");
        String secret = admin().contentType(ContentType.JSON)
                .body(Map.of("login", login, "displayName", "Cổng Bộ Nội vụ", "kind", "SERVICE", "roles", List.of("portal")))
                .when().post("/admin/accounts")
                .then().statusCode(201).header("Cache-Control", "no-store")
                .body("account.login", equalTo(login))
                .extract().path("clientSecret");
        clientCredentials(login, secret, 200);
        admin().when().get("/admin/accounts/" + login).then().statusCode(200).body("$", not(hasKey("clientSecret")));

        String renewed = admin().when().post("/admin/accounts/" + login + "/secret")
                .then().statusCode(200).extract().path("clientSecret");
        clientCredentials(login, secret, 401);
        clientCredentials(login, renewed, 200);

        admin().contentType(ContentType.JSON)
                .body(Map.of("login", unique("svc"), "kind", "SERVICE", "roles", List.of("portal"), "password", "chosen-by-hand"))
                .when().post("/admin/accounts").then().statusCode(422).body("type", equalTo("https://thidua.vn/problems/secret-generated"));
    }

    @Test
    void aControlCharacterInTheUrlIsA400ProblemNeverA500() {
        for (String path : java.util.List.of("/admin/accounts/a%00b", "/admin/accounts/a%0Ab/password")) {
            given().auth().oauth2(ADMIN).urlEncodingEnabled(false).get(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", org.hamcrest.Matchers.endsWith("/invalid-request"));
        }
        given().auth().oauth2(ADMIN).queryParam("q", "a\u0000b").get("/admin/accounts")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void badAccountsAreRefusedWithTheReason() {
        refusedCreate(Map.of("login", unique("x"), "kind", "USER", "roles", List.of("board"), "password", "short"), "weak-password");
        String login = unique("tenlogin");
        refusedCreate(Map.of("login", login, "kind", "USER", "roles", List.of("board"), "password", "abc-" + login + "-xyz"), "weak-password");
        refusedCreate(Map.of("login", unique("x"), "kind", "USER", "roles", List.of("superuser"), "password", PASSWORD), "invalid-roles");
        refusedCreate(Map.of("login", unique("x"), "kind", "USER", "roles", List.of("unit-rep"), "password", PASSWORD), "unit-required");
        refusedCreate(Map.of("login", "Bad Login!", "kind", "USER", "roles", List.of("board"), "password", PASSWORD), "invalid-login");
        refusedCreate(Map.of("login", "mttq", "kind", "USER", "roles", List.of("board"), "password", PASSWORD), "account-exists");
        admin().when().get("/admin/accounts/nobody-" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theLastEnabledAdminCannotBeDisabledOrDemoted() {
        // the demo "admin" is the only enabled admin unless other tests made one; make sure it is the only one
        admin().when().get("/admin/accounts").then().statusCode(200);
        List<String> admins = admin().when().get("/admin/accounts").then().extract().jsonPath()
                .getList("findAll { it.enabled && it.roles.contains('admin') }.login");
        for (String other : admins.subList(1, admins.size())) {
            admin().contentType(ContentType.JSON).body(Map.of("enabled", false)).when().put("/admin/accounts/" + other).then().statusCode(200);
        }
        String last = admins.get(0);
        admin().contentType(ContentType.JSON).body(Map.of("enabled", false)).when().put("/admin/accounts/" + last)
                .then().statusCode(409).body("type", equalTo("https://thidua.vn/problems/last-admin"));
        admin().contentType(ContentType.JSON).body(Map.of("roles", List.of("board"))).when().put("/admin/accounts/" + last)
                .then().statusCode(409);
        for (String other : admins.subList(1, admins.size())) {
            admin().contentType(ContentType.JSON).body(Map.of("enabled", true)).when().put("/admin/accounts/" + other).then().statusCode(200);
        }
    }

    @Test
    void onlyAdminsManageAccounts() {
        given().when().get("/admin/accounts").then().statusCode(401).contentType("application/problem+json");
        for (String role : List.of("board", "viewer", "portal", "cluster-leader")) {
            given().auth().oauth2(TestTokens.user("someone", role)).when().get("/admin/accounts")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.unitRep("rep", "000.00.31.H56")).contentType(ContentType.JSON)
                .body(Map.of("login", unique("x"), "kind", "USER", "roles", List.of("admin"), "password", PASSWORD))
                .when().post("/admin/accounts").then().statusCode(403);
    }

    @Test
    void aCouncilMembersAccountNamesItsMemberInTheViewAndInItsTokens() {
        String login = unique("hoi-dong");
        admin().contentType(ContentType.JSON)
                .body(Map.of("login", login, "displayName", "Lê Văn Thành", "kind", "USER", "roles", List.of("council-member"),
                        "member", "tv-2026-07", "password", PASSWORD))
                .when().post("/admin/accounts").then().statusCode(201).body("member", equalTo("tv-2026-07"))
                .body("unit", org.hamcrest.Matchers.nullValue());
        var tokens = login(login, PASSWORD).extract();
        com.fasterxml.jackson.databind.JsonNode claims = vn.thidua.gateway.Jwts.claims(tokens.path("access_token"));
        assertEquals("tv-2026-07", claims.get("member").asText());
        assertEquals("[\"council-member\"]", claims.get("groups").toString());
        // a refreshed token names the member too
        String refreshed = refresh(tokens.path("refresh_token")).statusCode(200).extract().path("access_token");
        assertEquals("tv-2026-07", vn.thidua.gateway.Jwts.claims(refreshed).get("member").asText());

        // the admin changes the member; the account keeps it while it stays a Council member's
        long version = ((Number) admin().when().get("/admin/accounts/" + login).then().statusCode(200).extract().path("version")).longValue();
        admin().contentType(ContentType.JSON).body(Map.of("member", "tv-2026-08", "version", version))
                .when().put("/admin/accounts/" + login).then().statusCode(200).body("member", equalTo("tv-2026-08"));
        assertEquals("tv-2026-08", vn.thidua.gateway.Jwts.claims(login(login, PASSWORD).extract().path("access_token")).get("member").asText());
        admin().contentType(ContentType.JSON).body(Map.of("member", "tv 08!"))
                .when().put("/admin/accounts/" + login).then().statusCode(422).body("type", equalTo("https://thidua.vn/problems/invalid-member"));
        admin().contentType(ContentType.JSON).body(Map.of("roles", List.of("viewer")))
                .when().put("/admin/accounts/" + login).then().statusCode(200).body("member", org.hamcrest.Matchers.nullValue());
        assertFalse(vn.thidua.gateway.Jwts.claims(login(login, PASSWORD).extract().path("access_token")).has("member"));
        admin().contentType(ContentType.JSON).body(Map.of("roles", List.of("council-member")))
                .when().put("/admin/accounts/" + login).then().statusCode(422).body("type", equalTo("https://thidua.vn/problems/member-required"));
    }

    @Test
    void aCouncilMemberAccountWithoutItsMemberOrAMemberOnAnotherAccountIsRefused() {
        refusedCreate(Map.of("login", unique("hoi-dong"), "kind", "USER", "roles", List.of("council-member"), "password", PASSWORD),
                "member-required");
        refusedCreate(Map.of("login", unique("hoi-dong"), "kind", "USER", "roles", List.of("council-member"), "member", "x".repeat(41),
                "password", PASSWORD), "invalid-member");
        refusedCreate(Map.of("login", unique("can-bo"), "kind", "USER", "roles", List.of("board"), "member", "tv-1", "password", PASSWORD),
                "member-not-allowed");
        admin().contentType(ContentType.JSON)
                .body(Map.of("login", unique("hoi-dong"), "kind", "USER", "roles", List.of("council-member"), "password", PASSWORD))
                .when().post("/admin/accounts").then().statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("A Council member (council-member) account must name its member id (member)."));
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(ADMIN).header("Accept-Language", "en");
    }

    private static void create(String login, String role) {
        admin().contentType(ContentType.JSON)
                .body(Map.of("login", login, "kind", "USER", "roles", List.of(role), "password", PASSWORD))
                .when().post("/admin/accounts").then().statusCode(201);
    }

    private static void refusedCreate(Map<String, Object> body, String type) {
        admin().contentType(ContentType.JSON).body(body).when().post("/admin/accounts")
                .then().statusCode(org.hamcrest.Matchers.oneOf(409, 422))
                .contentType("application/problem+json")
                .body("type", equalTo("https://thidua.vn/problems/" + type));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static io.restassured.response.ValidatableResponse login(String login, String password) {
        return login(login, password, 200);
    }

    private static io.restassured.response.ValidatableResponse login(String login, String password, int status) {
        return given().contentType(FORM).header("X-Forwarded-For", "10.9." + Math.abs(login.hashCode() % 250) + ".1")
                .formParam("grant_type", "password").formParam("username", login).formParam("password", password)
                .when().post("/auth/token").then().statusCode(status);
    }

    private static io.restassured.response.ValidatableResponse refresh(String token) {
        return given().contentType(FORM).formParam("grant_type", "refresh_token").formParam("refresh_token", token)
                .when().post("/auth/token").then();
    }

    private static void clientCredentials(String id, String secret, int status) {
        given().contentType(FORM).formParam("grant_type", "client_credentials")
                .formParam("client_id", id).formParam("client_secret", secret)
                .when().post("/auth/token").then().statusCode(status);
    }
}
