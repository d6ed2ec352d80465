package vn.thidua.scoring.sheet;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.scoring.flow.SeedStoryScoringIT;

/**
 * A hundred clients edit the same score sheet, ten at any moment, each as a real client does: read the sheet,
 * write one score with {@code If-Match} of what it read, and on 412 read again and retry. No update
 * is lost: every client succeeds once, each success was based on a different version, the version
 * rose by exactly one per success, and the sheet ends with the last write of each criterion. A
 * collision is always a 412 problem, never a 500.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "scoring"))
class ConcurrentSheetEditsIT {
    private static final int CLIENTS = 100;
    private static final List<String> CRITERIA = List.of("I.2", "II.1", "II.2");

    /** One client's successful write: the version it was based on, the one it made, what it wrote. */
    record Write(long basedOn, long made, String criterion, int points) {
    }

    @Test
    void aHundredClientsEditingOneSheetLoseNoUpdate() throws Exception {
        long clusterId = 700_100;
        String unit = "000.00.31.H56";
        SeedStoryScoringIT.announceCluster(clusterId, 2016, List.of(unit, "000.00.32.H56", "000.00.33.H56"));
        long setId = ((Number) given().auth().oauth2(SeedStoryScoringIT.BOARD).contentType(ContentType.JSON)
                .body(SeedStoryScoringIT.criteriaSet(clusterId, "2099-12-10"))
                .when().post("/api/scoring/criteria-sets").then().statusCode(201).extract().path("id")).longValue();
        given().auth().oauth2(SeedStoryScoringIT.BOARD).when().post("/api/scoring/criteria-sets/" + setId + "/publish")
                .then().statusCode(200);
        long sheet = SeedStoryScoringIT.sheetOf(setId, "SELF", unit, unit);
        String token = SeedStoryScoringIT.rep(unit);
        long initial = version(given().auth().oauth2(token).when().get("/api/scoring/sheets/" + sheet));

        AtomicInteger preconditionFailures = new AtomicInteger();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Write>> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String criterion = CRITERIA.get(i % CRITERIA.size());
            int points = 1 + i % 5;
            clients.add(pool.submit(() -> {
                start.await();
                for (int attempt = 0; attempt < 1000; attempt++) {
                    long read = version(given().auth().oauth2(token).when().get("/api/scoring/sheets/" + sheet));
                    Response written = given().auth().oauth2(token).contentType(ContentType.JSON)
                            .header("If-Match", "\"" + read + "\"").body(Map.of("points", points))
                            .when().put("/api/scoring/sheets/" + sheet + "/scores/" + criterion);
                    if (written.statusCode() == 200) {
                        return new Write(read, version(written), criterion, points);
                    }
                    if (written.statusCode() == 412 && written.contentType().startsWith("application/problem+json")) {
                        preconditionFailures.incrementAndGet();
                    } else {
                        unexpected.add(written.statusCode() + " " + written.asString());
                    }
                }
                throw new AssertionError("a client never got its write in");
            }));
        }
        start.countDown();
        List<Write> writes = new ArrayList<>();
        for (Future<Write> client : clients) {
            writes.add(client.get(5, TimeUnit.MINUTES));
        }
        pool.shutdown();

        assertEquals(List.of(), unexpected, "a collision is a 412 problem, nothing else");
        Set<Long> bases = new HashSet<>();
        writes.forEach(write -> assertTrue(bases.add(write.basedOn()), "two writes were based on version " + write.basedOn()));
        Response finalSheet = given().auth().oauth2(token).when().get("/api/scoring/sheets/" + sheet);
        assertEquals(initial + CLIENTS, version(finalSheet), "one version per write, no write lost or doubled");
        Map<String, Write> last = new HashMap<>();
        writes.forEach(write -> last.merge(write.criterion(), write, (a, b) -> a.made() > b.made() ? a : b));
        for (String criterion : CRITERIA) {
            BigDecimal stored = new BigDecimal(finalSheet.path("scores.find { it.criterionCode == '" + criterion + "' }.points").toString());
            assertEquals(0, stored.compareTo(BigDecimal.valueOf(last.get(criterion).points())),
                    criterion + " holds the last write to it");
        }
        System.out.printf("%d clients, %d writes, %d refused as stale (412) and retried%n", CLIENTS, writes.size(), preconditionFailures.get());
    }

    private static long version(Response response) {
        assertEquals(200, response.statusCode(), response.asString());
        return Long.parseLong(response.header("ETag").replace("\"", "").replace("W/", ""));
    }
}
