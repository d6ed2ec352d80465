package vn.thidua.units.cluster;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.thidua.devstack.testing.PrometheusText;
import vn.thidua.devstack.testing.KafkaTestClient;
import vn.thidua.devstack.testing.TestTokens;

/**
 * Test data for the cluster tests, made through the public API. Each test makes its own units (codes
 * {@code 000.7N.NN.H56}, which no other test uses) and cluster codes, so tests never share state.
 */
public final class ClusterFixtures {
    public static final String BOARD = TestTokens.user("board-officer", "board");
    static final String ADMIN = TestTokens.user("admin-1", "admin");
    static final String VIEWER = TestTokens.user("viewer-1", "viewer");
    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NEXT_UNIT = new AtomicInteger(1);

    private ClusterFixtures() {
    }

    /** Registers a unit under a code no other test uses and returns the code. */
    public static String newUnit(String name) {
        while (true) {
            int n = NEXT_UNIT.getAndIncrement();
            if (n >= 1000) {
                throw new IllegalStateException("Out of test unit codes");
            }
            String code = String.format("000.7%d.%02d.H56", n / 100, n % 100);
            int status = given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                    .body(Map.of("code", code, "name", name))
                    .when().post("/api/units").then().extract().statusCode();
            if (status == 201) {
                return code;
            }
            if (status != 409) {
                throw new IllegalStateException("Cannot register test unit " + code + ": HTTP " + status);
            }
        }
    }

    /** Registers a unit with a fixed code unless it exists already. */
    static String ensureUnit(String code, String name) {
        int status = given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", name))
                .when().post("/api/units").then().extract().statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("Cannot register unit " + code + ": HTTP " + status);
        }
        return code;
    }

    /** Dissolves a unit through the registry's API. */
    static void dissolve(String unitCode) {
        String etag = given().auth().oauth2(BOARD).when().get("/api/units/" + unitCode)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("status", "DISSOLVED", "effectiveFrom", "2024-01-01", "reason", "giải thể (kiểm thử)"))
                .when().post("/api/units/" + unitCode + "/status")
                .then().statusCode(200);
    }

    /** A cluster code no other test uses. */
    static String newClusterCode() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static Response postCluster(String code, String kind, int year, String... members) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "Cụm thi đua kiểm thử " + code);
        body.put("kind", kind);
        body.put("year", year);
        body.put("members", List.of(members));
        return given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(body).when().post("/api/clusters");
    }

    /** Opens a cluster-year and returns its id. */
    static long createCluster(String code, String kind, int year, String... members) {
        return postCluster(code, kind, year, members).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long createCluster(int year, String... members) {
        return createCluster(newClusterCode(), "CLUSTER", year, members);
    }

    static String etag(long id) {
        return given().auth().oauth2(BOARD).when().get("/api/clusters/" + id).then().statusCode(200).extract().header("ETag");
    }

    static Response addMember(long id, String unitCode) {
        return given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("unitCode", unitCode))
                .when().post("/api/clusters/" + id + "/members");
    }

    static Response removeMember(long id, String unitCode) {
        return given().auth().oauth2(BOARD).when().delete("/api/clusters/" + id + "/members/" + unitCode);
    }

    public static Response assignLeadership(long id, String leader, String deputy) {
        Map<String, Object> body = new HashMap<>();
        body.put("leaderUnitCode", leader);
        body.put("deputyUnitCode", deputy);
        return given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(body)
                .when().put("/api/clusters/" + id + "/leadership");
    }

    static Response rollOver(long id) {
        return given().auth().oauth2(BOARD).when().post("/api/clusters/" + id + "/roll-over");
    }

    /** The first event on thidua.clusters.v1 for that cluster-year that matches. */
    static JsonNode awaitClusterEvent(long id, Predicate<JsonNode> matching) {
        ConsumerRecord<String, String> record = KafkaTestClient.shared().awaitRecord(ClusterEvents.TOPIC,
                r -> Long.toString(id).equals(r.key()) && matching.test(read(r.value())), Duration.ofSeconds(30));
        return read(record.value());
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many events of that type the inbox has handled with that outcome, from the service's metrics. */
    static double inboxCount(String type, String outcome) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return PrometheusText.sum(metrics, "thidua_inbox_events_total", Map.of("type", type, "outcome", outcome));
    }
}
