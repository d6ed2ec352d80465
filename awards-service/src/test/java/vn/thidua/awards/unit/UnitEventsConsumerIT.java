package vn.thidua.awards.unit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.EventSamples;
import vn.thidua.devstack.testing.KafkaTestClient;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "awards"))
class UnitEventsConsumerIT {
    private static final String TOPIC = "thidua.units.v1";
    private static final String BOARD = TestTokens.user("board-officer", "board");
    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Test
    void learnsUnitsOnceAndSkipsWhatItCannotRead() {
        String id = UUID.randomUUID().toString();
        String poison = "{\"specversion\":\"1.0\"," + UUID.randomUUID();
        kafka.send(TOPIC, "000.00.35.H56", poison);
        kafka.sendCloudEvent(TOPIC, "000.00.35.H56", EventSamples.unitRegistered(id, "000.00.35.H56", "Hội Cựu chiến binh tỉnh Thanh Hóa", 0));
        // redelivered with the same id: must not be applied
        kafka.sendCloudEvent(TOPIC, "000.00.35.H56", EventSamples.unitRegistered(id, "000.00.35.H56", "Tên giả mạo", 1));
        kafka.sendCloudEvent(TOPIC, "000.00.36.H56", EventSamples.unitRegistered(UUID.randomUUID().toString(), "000.00.36.H56", "Tỉnh đoàn Thanh Hóa", 0));

        // records of different keys may be consumed in any order; 000.00.35's three are in order
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(BOARD).when().get("/api/awards/units/000.00.36.H56").then().statusCode(200));
        kafka.awaitRecord(TOPIC + ".dlq.awards-service", r -> poison.equals(r.value()), Duration.ofSeconds(30));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(BOARD).when().get("/api/awards/units/000.00.35.H56")
                        .then().statusCode(200).body("name", equalTo("Hội Cựu chiến binh tỉnh Thanh Hóa")));
        // A later event of the same key, version 1, real name. Had the duplicate (also version 1, false name)
        // been applied, this one would not be newer and would be ignored, leaving the false name.
        kafka.sendCloudEvent(TOPIC, "000.00.35.H56", EventSamples.unitRegistered(UUID.randomUUID().toString(), "000.00.35.H56",
                "Hội Cựu chiến binh tỉnh Thanh Hóa", 1));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(BOARD).when().get("/api/awards/units/000.00.35.H56")
                        .then().statusCode(200).body("version", equalTo(1)).body("name", equalTo("Hội Cựu chiến binh tỉnh Thanh Hóa")));
    }

    @Test
    void theServiceChecksTokensItself() {
        given().when().get("/api/awards/units").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.expired("board-officer", "board")).when().get("/api/awards/units").then().statusCode(401);
        given().auth().oauth2(TestTokens.user("someone", "nobody")).when().get("/api/awards/units").then().statusCode(403);
        given().auth().oauth2(TestTokens.user("portal-client", "portal")).when().get("/api/awards/units").then().statusCode(200);
    }
}
