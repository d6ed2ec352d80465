package vn.thidua.scoring.unit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.PrometheusText;
import vn.thidua.devstack.testing.EventSamples;
import vn.thidua.devstack.testing.KafkaTestClient;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "scoring"))
class UnitEventsConsumerIT {
    private static final String TOPIC = "thidua.units.v1";
    private static final String DEAD_LETTERS = "thidua.units.v1.dlq.scoring-service";
    private static final String VIEWER = TestTokens.user("viewer-1", "viewer");
    private final KafkaTestClient kafka = KafkaTestClient.shared();

    static String unitEvent(String id, String code, String name, long version) {
        return EventSamples.unitRegistered(id, code, name, version);
    }

    @Test
    void learnsUnitsFromTheirEvents() {
        kafka.sendCloudEvent(TOPIC, "000.00.31.H56", unitEvent(UUID.randomUUID().toString(), "000.00.31.H56",
                "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Thanh Hóa", 0));

        awaitName("000.00.31.H56", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Thanh Hóa");
        given().auth().oauth2(VIEWER).queryParam("size", 200).when().get("/api/scoring/units")
                .then().statusCode(200)
                .body("total", greaterThanOrEqualTo(1))
                .body("items.find { it.code == '000.00.31.H56' }.version", equalTo(0));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String id = UUID.randomUUID().toString();
        kafka.sendCloudEvent(TOPIC, "000.00.32.H56", unitEvent(id, "000.00.32.H56", "Liên đoàn Lao động tỉnh Thanh Hóa", 0));
        awaitName("000.00.32.H56", "Liên đoàn Lao động tỉnh Thanh Hóa");

        double duplicatesBefore = inboxCount("duplicate");
        // the same event id again, even with other content and a higher version, must not be applied
        kafka.sendCloudEvent(TOPIC, "000.00.32.H56", unitEvent(id, "000.00.32.H56", "Đổi tên trái phép", 7));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> inboxCount("duplicate") > duplicatesBefore);

        given().auth().oauth2(VIEWER).when().get("/api/scoring/units/000.00.32.H56")
                .then().statusCode(200)
                .body("name", equalTo("Liên đoàn Lao động tỉnh Thanh Hóa"))
                .body("version", equalTo(0));
    }

    @Test
    void olderNewsDoesNotOverwriteNewer() {
        kafka.sendCloudEvent(TOPIC, "000.00.33.H56", unitEvent(UUID.randomUUID().toString(), "000.00.33.H56", "Hội Nông dân tỉnh Thanh Hóa", 3));
        awaitName("000.00.33.H56", "Hội Nông dân tỉnh Thanh Hóa");
        double appliedBefore = inboxCount("applied");
        kafka.sendCloudEvent(TOPIC, "000.00.33.H56", unitEvent(UUID.randomUUID().toString(), "000.00.33.H56", "Tên cũ", 2));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> inboxCount("applied") > appliedBefore);

        given().auth().oauth2(VIEWER).when().get("/api/scoring/units/000.00.33.H56")
                .then().body("name", equalTo("Hội Nông dân tỉnh Thanh Hóa")).body("version", equalTo(3));
    }

    @Test
    void unreadableMessagesGoToTheDeadLetterTopicAndConsumptionGoesOn() {
        String garbage = "this is not JSON " + UUID.randomUUID();
        String wrongShape = """
                {"specversion":"1.0","id":"%s","source":"/thidua/units-service","type":"vn.thidua.units.UnitRegistered",
                 "subject":"000.00.34.H56","data":{"code":"000.00.34.H56"}}""".formatted(UUID.randomUUID());
        double deadLettersBefore = deadLetters();
        kafka.send(TOPIC, "000.00.34.H56", garbage);
        kafka.sendCloudEvent(TOPIC, "000.00.34.H56", wrongShape);
        kafka.sendCloudEvent(TOPIC, "000.00.34.H56", unitEvent(UUID.randomUUID().toString(), "000.00.34.H56", "Hội Liên hiệp Phụ nữ tỉnh Thanh Hóa", 0));

        awaitName("000.00.34.H56", "Hội Liên hiệp Phụ nữ tỉnh Thanh Hóa");
        assertEquals(garbage, kafka.awaitRecord(DEAD_LETTERS, r -> garbage.equals(r.value()), Duration.ofSeconds(30)).value());
        kafka.awaitRecord(DEAD_LETTERS, r -> wrongShape.equals(r.value()), Duration.ofSeconds(30));
        // an operator's alert counts them (deploy/monitoring)
        assertEquals(deadLettersBefore + 2, deadLetters());
    }

    @Test
    void readingNeedsAValidTokenWithAKnownRole() {
        given().when().get("/api/scoring/units").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user("someone", "nobody")).when().get("/api/scoring/units")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(VIEWER).when().get("/api/scoring/units/000.00.99.H56")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(VIEWER).queryParam("size", 0).when().get("/api/scoring/units")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static void awaitName(String code, String name) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(VIEWER).when().get("/api/scoring/units/" + code)
                        .then().statusCode(200).body("name", equalTo(name)));
    }

    private static double inboxCount(String outcome) {
        return PrometheusText.sum(metrics(), "thidua_inbox_events_total", Map.of("outcome", outcome));
    }

    private static double deadLetters() {
        return PrometheusText.sum(metrics(), "thidua_dead_letters_total", Map.of("channel", "units", "reason", "malformed"));
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
