package vn.thidua.units.unit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;

/**
 * Twenty officers save the same unit at the same moment, all from version 0: one wins, every other
 * gets a problem saying its copy is stale (412, or 409 when the collision shows only at commit) and
 * writes nothing; never a 500. The unit ends as the winner wrote it, at version 1.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "units"))
class ConcurrentUnitEditsIT {
    private static final String BOARD = TestTokens.user("board-officer", "board");
    private static final int WRITERS = 20;

    @Test
    void oneOfTwentySimultaneousSavesWinsAndTheOthersAreRefusedCleanly() throws Exception {
        String code = "000.00.91.H56";
        UnitRegistryIT.register(UnitRegistryIT.unit(code, "Hội Văn học nghệ thuật tỉnh Thanh Hóa")).then().statusCode(201);

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> saves = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            Map<String, Object> edit = UnitRegistryIT.unit(code, "Hội Văn học nghệ thuật tỉnh Thanh Hóa");
            edit.put("shortName", "Hội VHNT " + i);
            saves.add(pool.submit(() -> {
                start.await();
                return given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(edit)
                        .when().put("/api/units/" + code);
            }));
        }
        start.countDown();
        List<Response> answers = new ArrayList<>();
        for (Future<Response> save : saves) {
            answers.add(save.get(2, TimeUnit.MINUTES));
        }
        pool.shutdown();

        List<Response> won = answers.stream().filter(a -> a.statusCode() == 200).toList();
        assertEquals(1, won.size(), "exactly one save from version 0 wins");
        for (Response answer : answers) {
            if (answer.statusCode() != 200) {
                assertTrue(answer.statusCode() == 412 || answer.statusCode() == 409, answer.statusCode() + " " + answer.asString());
                assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
            }
        }
        given().auth().oauth2(BOARD).when().get("/api/units/" + code).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("shortName", org.hamcrest.Matchers.equalTo(won.get(0).path("shortName")));
    }
}
