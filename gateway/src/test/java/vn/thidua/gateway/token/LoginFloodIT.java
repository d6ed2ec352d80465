package vn.thidua.gateway.token;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.gateway.FakeUpstream;

/**
 * The attack of issue 18: 50 logins at once, each for another (unknown) login from another address,
 * so neither the throttle nor the rate limit stops them and each would cost an Argon2id hash. The
 * hash bound answers the excess 503 at once; meanwhile the liveness check keeps answering 200.
 * This JVM's heap is the test suite's (it also runs the embedded Kafka broker); PasswordHashHeapTest
 * checks the hashes against the gateway's own 192 MB heap.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(FakeUpstream.class)
class LoginFloodIT {
    private static final Logger LOG = Logger.getLogger(LoginFloodIT.class);
    private static final int LOGINS = 50;

    @Inject
    PasswordHashGate hashGate;

    @Test
    void fiftyParallelLoginsAreBoundedAndTheGatewayStaysLive() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(LOGINS + 1);
        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicLong slowestHealthMillis = new AtomicLong();
        List<Integer> healthStatuses = new ArrayList<>();
        try {
            // the liveness check polled every 50 ms until the flood is over, within a deadline
            Future<?> health = pool.submit(() -> Awaitility.await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50)).until(() -> {
                        long start = System.nanoTime();
                        int status = given().when().get("/q/health/live").statusCode();
                        slowestHealthMillis.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), Math::max);
                        synchronized (healthStatuses) {
                            healthStatuses.add(status);
                        }
                        return !flooding.get();
                    }));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> logins = new ArrayList<>();
            for (int i = 0; i < LOGINS; i++) {
                int n = i;
                logins.add(pool.submit(() -> {
                    start.await();
                    return given().header("X-Forwarded-For", "203.0.113." + (n + 1))
                            .contentType("application/x-www-form-urlencoded")
                            .formParam("grant_type", "password").formParam("username", "flood-" + n)
                            .formParam("password", "guess " + n)
                            .when().post("/auth/token");
                }));
            }
            long floodStart = System.nanoTime();
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> login : logins) {
                responses.add(login.get(20, TimeUnit.SECONDS));
            }
            long floodMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - floodStart);
            flooding.set(false);
            health.get(5, TimeUnit.SECONDS);

            Map<Integer, Long> byStatus = responses.stream().map(Response::statusCode)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            LOG.infof("%d parallel logins in %d ms: %s; hashes at once at most %d; %d health checks, slowest %d ms",
                    LOGINS, floodMillis, byStatus, hashGate.peak(), healthStatuses.size(), slowestHealthMillis.get());
            assertEquals(LOGINS, byStatus.getOrDefault(400, 0L) + byStatus.getOrDefault(503, 0L), byStatus.toString());
            assertTrue(byStatus.getOrDefault(503, 0L) > 0, "the bound was never reached: " + byStatus);
            assertTrue(hashGate.peak() <= 4, "hashes at once: " + hashGate.peak());
            responses.stream().filter(r -> r.statusCode() == 503).forEach(r -> {
                assertEquals("1", r.header("Retry-After"));
                assertEquals("https://thidua.vn/problems/logins-busy", r.jsonPath().getString("type"));
            });
            assertTrue(!healthStatuses.isEmpty() && healthStatuses.stream().allMatch(s -> s == 200), healthStatuses.toString());
            // still able to log in afterwards (no OutOfMemoryError took anything down)
            given().header("X-Forwarded-For", "203.0.113.200").contentType("application/x-www-form-urlencoded")
                    .formParam("grant_type", "password").formParam("username", "board").formParam("password", "demo")
                    .when().post("/auth/token").then().statusCode(200);
        } finally {
            flooding.set(false);
            pool.shutdownNow();
        }
    }
}
