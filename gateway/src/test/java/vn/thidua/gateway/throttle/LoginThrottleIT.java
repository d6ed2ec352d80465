package vn.thidua.gateway.throttle;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.gateway.FakeUpstream;
import vn.thidua.gateway.account.AccountKind;
import vn.thidua.gateway.account.AccountService;
import vn.thidua.gateway.account.NewAccount;
import vn.thidua.gateway.token.PasswordHashGate;

/** Each case comes from its own address (X-Forwarded-For is trusted in the test profile). */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(FakeUpstream.class)
class LoginThrottleIT {
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    private static final String PASSWORD = "Mật khẩu đúng";

    @Inject
    AccountService accounts;

    @Inject
    PasswordHashGate hashGate;

    /**
     * Twenty guesses at once, each from its own address: the account's slots are taken before the
     * hash, so at most five are hashed and answered invalid_grant; the others are refused without one
     * (429 from the throttle, or 503 when the hash permits are all taken).
     */
    @Test
    void twentyParallelGuessesForOneAccountHashAtMostFive() throws Exception {
        accounts.create(new NewAccount("throttle.parallel", null, AccountKind.USER, Set.of("viewer"), null), PASSWORD);
        long hashedBefore = hashGate.admitted();
        List<Callable<Integer>> guesses = IntStream.range(0, 20)
                .<Callable<Integer>>mapToObj(i -> () -> login("198.51.100." + (100 + i), "throttle.parallel", "sai " + i).statusCode())
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        Map<Integer, Long> byStatus;
        try {
            byStatus = pool.invokeAll(guesses).stream().map(LoginThrottleIT::join)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        } finally {
            pool.shutdownNow();
        }
        long hashed = hashGate.admitted() - hashedBefore;
        assertTrue(hashed <= 5, "hashed " + hashed + " of 20: " + byStatus);
        assertTrue(byStatus.getOrDefault(400, 0L) <= 5, byStatus.toString());
        assertEquals(20, byStatus.getOrDefault(400, 0L) + byStatus.getOrDefault(429, 0L) + byStatus.getOrDefault(503, 0L),
                byStatus.toString());
        assertTrue(byStatus.getOrDefault(429, 0L) >= 15 - byStatus.getOrDefault(503, 0L), byStatus.toString());
    }

    private static int join(Future<Integer> status) {
        try {
            return status.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSixthFailureForAnAccountIsRefusedWithoutCheckingThePassword() {
        accounts.create(new NewAccount("throttle.one", null, AccountKind.USER, Set.of("viewer"), null), PASSWORD);
        accounts.create(new NewAccount("throttle.other", null, AccountKind.USER, Set.of("viewer"), null), PASSWORD);
        String address = "198.51.100.1";
        for (int i = 0; i < 5; i++) {
            login(address, "throttle.one", "sai " + i).then().statusCode(400).body("error", equalTo("invalid_grant"));
        }

        login(address, "Throttle.One", "sai 5")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", Integer::parseInt, allOf(greaterThan(0), lessThanOrEqualTo(15 * 60)))
                .header("Cache-Control", "no-store")
                .header("Content-Language", "vi")
                .body("type", equalTo("https://thidua.vn/problems/too-many-login-failures"))
                .body("status", equalTo(429))
                .body("title", equalTo("Quá nhiều lần đăng nhập thất bại"))
                .body("detail", equalTo("Đăng nhập thất bại quá nhiều lần. Vui lòng thử lại sau khoảng 15 phút."))
                .body("instance", equalTo("/auth/token"))
                .body("access_token", nullValue());
        // the right password does not help while the account is throttled
        request(address, "throttle.one", PASSWORD).header("Accept-Language", "en")
                .when().post("/auth/token")
                .then().statusCode(429)
                .header("Content-Language", "en")
                .body("title", equalTo("Too many failed logins"))
                .body("detail", equalTo("Too many failed login attempts. Please try again in about 15 minute(s)."));
        // another account, even from the same address, is not affected
        login(address, "throttle.other", PASSWORD).then().statusCode(200);
        login("198.51.100.99", "throttle.one", PASSWORD).then().statusCode(429);
    }

    @Test
    void aServiceAccountIsThrottledByItsClientId() {
        String address = "198.51.100.2";
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", address).auth().preemptive().basic("throttled-client", "nope").contentType(FORM)
                    .formParam("grant_type", "client_credentials")
                    .when().post("/auth/token").then().statusCode(401);
        }
        given().header("X-Forwarded-For", address).contentType(FORM)
                .formParam("grant_type", "client_credentials").formParam("client_id", "throttled-client").formParam("client_secret", "x")
                .when().post("/auth/token")
                .then().statusCode(429).header("Retry-After", Integer::parseInt, greaterThan(0));
        given().header("X-Forwarded-For", address).contentType(FORM)
                .formParam("grant_type", "client_credentials").formParam("client_id", "portal-demo").formParam("client_secret", "demo")
                .when().post("/auth/token").then().statusCode(200);
    }

    @Test
    void anAddressWithTwentyFailuresIsRefusedForEveryAccount() {
        String address = "198.51.100.3";
        for (int i = 0; i < 20; i++) {
            login(address, "guess-" + i, "sai").then().statusCode(400);
        }
        login(address, "board", "demo")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", Integer::parseInt, allOf(greaterThan(0), lessThanOrEqualTo(15 * 60)));
        login(address, "guess-99", "sai").then().statusCode(429);
        // the same account from elsewhere is fine
        login("198.51.100.4", "board", "demo").then().statusCode(200);
    }

    @Test
    void aSuccessClearsTheAccountsCount() {
        accounts.create(new NewAccount("throttle.reset", null, AccountKind.USER, Set.of("viewer"), null), PASSWORD);
        String address = "198.51.100.5";
        for (int i = 0; i < 4; i++) {
            login(address, "throttle.reset", "sai").then().statusCode(400);
        }
        login(address, "throttle.reset", PASSWORD).then().statusCode(200);
        for (int i = 0; i < 5; i++) {
            login(address, "throttle.reset", "sai").then().statusCode(400);
        }
        login(address, "throttle.reset", PASSWORD).then().statusCode(429);
    }

    private static Response login(String address, String username, String password) {
        return request(address, username, password).when().post("/auth/token");
    }

    private static RequestSpecification request(String address, String username, String password) {
        return given().header("X-Forwarded-For", address).contentType(FORM)
                .formParam("grant_type", "password").formParam("username", username).formParam("password", password);
    }
}
