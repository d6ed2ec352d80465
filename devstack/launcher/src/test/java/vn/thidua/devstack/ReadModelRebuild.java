package vn.thidua.devstack;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * docs/events.md's promise that a new deployment rebuilds its copies of the units and the
 * cluster-years from the topics: units are registered, some renamed, clusters formed, their members
 * and leaders changed; then a fresh scoring-service (an empty database of its own, a consumer group no
 * one used, so from the earliest offset) joins the same broker, and its read models must come to hold
 * exactly what the running scoring-service's hold, the demo's and every other test's included. The
 * topics are compacted here as in deploy/ (compared below), so the rebuild works however old the
 * installation.
 *
 * <p>Run on {@link LocalStackIT}'s stack (its {@code @Nested} subclass gives it), which saves a stack's
 * start; the class's name is neither a test's nor an IT's, so it never runs alone.
 */
abstract class ReadModelRebuild {
    private static final Path ROOT = Path.of(System.getProperty("thidua.root", "../..")).toAbsolutePath().normalize();
    private static final List<String> READ_MODELS = List.of(
            "SELECT code, name, version FROM known_unit ORDER BY code",
            "SELECT id, code, name, kind, year, leader_unit_code, deputy_unit_code, version FROM known_cluster ORDER BY id",
            "SELECT cluster_id, unit_code FROM known_cluster_member ORDER BY cluster_id, unit_code");
    private final LocalStack stack;
    private final String gateway;

    ReadModelRebuild(LocalStack stack) {
        this.stack = stack;
        this.gateway = stack.gatewayUrl();
    }

    @Test
    void aFreshScoringServiceRebuildsItsUnitsAndClustersFromTheTopics() throws Exception {
        String board = given().baseUri(gateway).contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("username", "board").formParam("password", DemoData.PASSWORD)
                .when().post("/auth/token").then().statusCode(200).extract().path("access_token");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String code = String.format("000.00.%02d.R56", i);
            codes.add(code);
            String etag = given().baseUri(gateway).auth().oauth2(board).contentType(ContentType.JSON)
                    .body(unit(code, "Đơn vị dựng lại số " + i))
                    .when().post("/api/units").then().statusCode(201).extract().header("ETag");
            if (i % 3 == 0) {
                // several events for one key: the copy must end at the latest
                given().baseUri(gateway).auth().oauth2(board).contentType(ContentType.JSON).header("If-Match", etag)
                        .body(unit(code, "Đơn vị dựng lại số " + i + " (đổi tên)"))
                        .when().put("/api/units/" + code).then().statusCode(200);
            }
        }
        long first = cluster(board, "CUM-R1", 2024, codes.subList(0, 6));
        long second = cluster(board, "CUM-R2", 2025, codes.subList(4, 12));
        String etag = given().baseUri(gateway).auth().oauth2(board).when().get("/api/clusters/" + first)
                .then().statusCode(200).extract().header("ETag");
        etag = given().baseUri(gateway).auth().oauth2(board).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("leaderUnitCode", codes.get(2)))
                .when().put("/api/clusters/" + first + "/leadership").then().statusCode(200).extract().header("ETag");
        given().baseUri(gateway).auth().oauth2(board).header("If-Match", etag)
                .when().delete("/api/clusters/" + first + "/members/" + codes.get(5)).then().statusCode(200);
        String secondEtag = given().baseUri(gateway).auth().oauth2(board).when().get("/api/clusters/" + second)
                .then().statusCode(200).extract().header("ETag");
        given().baseUri(gateway).auth().oauth2(board).contentType(ContentType.JSON).header("If-Match", secondEtag)
                .body(Map.of("unitCode", codes.get(0)))
                .when().post("/api/clusters/" + second + "/members").then().statusCode(200);

        // the running scoring-service has caught up with all of it
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                rows("thidua_scoring", "SELECT code FROM known_unit WHERE code LIKE '%.R56' AND name LIKE '%(đổi tên)'").size() == 4
                        && rows("thidua_scoring", "SELECT id FROM known_cluster WHERE code IN ('CUM-R1', 'CUM-R2') AND version > 0").size() == 2
                        && rows("thidua_scoring", "SELECT unit_code FROM known_cluster_member WHERE cluster_id = " + second).size() == 9
                        && rows("thidua_scoring", "SELECT unit_code FROM known_cluster_member WHERE cluster_id = " + first).size() == 5
                        && !rows("thidua_scoring", "SELECT id FROM known_cluster WHERE id = " + first + " AND leader_unit_code IS NOT NULL").isEmpty());
        Map<String, List<List<String>>> running = readModels("thidua_scoring");
        assertFalse(running.get(READ_MODELS.get(0)).isEmpty());

        long started = System.nanoTime();
        ServiceProcess fresh = stack.startInstancesOnAFreshDatabase("scoring", "thidua_scoring_rebuilt", List.of(LocalStack.freePort())).get(0);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    assertEquals(running, readModels("thidua_scoring_rebuilt")));
            System.out.printf("REBUILD %d units, %d cluster-years, %d memberships rebuilt in %d ms from the fresh service's start%n",
                    running.get(READ_MODELS.get(0)).size(), running.get(READ_MODELS.get(1)).size(), running.get(READ_MODELS.get(2)).size(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            // and its own API answers from the rebuilt copy as the running one does (but for when each copy was written)
            for (String code : List.of(codes.get(0), codes.get(11))) {
                Map<String, Object> expected = given().baseUri(stack.serviceUrl("scoring")).auth().oauth2(board).when().get("/api/scoring/units/" + code)
                        .then().statusCode(200).extract().jsonPath().getMap("$");
                Map<String, Object> rebuilt = given().baseUri(fresh.baseUrl()).auth().oauth2(board).when().get("/api/scoring/units/" + code)
                        .then().statusCode(200).extract().jsonPath().getMap("$");
                expected.remove("updatedAt");
                rebuilt.remove("updatedAt");
                assertEquals(expected, rebuilt);
            }
        } finally {
            fresh.close();
        }
    }

    /** The units and clusters topics are compacted in the devstack as deploy/ makes them, and no other topic is. */
    @Test
    void theTopicsAreCompactedAsInDeploy() throws Exception {
        Map<String, String> deployed = cleanupPolicies(Files.readString(ROOT.resolve("deploy/kubernetes/base/kafka-topics.yaml")));
        assertEquals("compact", deployed.get("thidua.units.v1"));
        assertEquals("compact", deployed.get("thidua.clusters.v1"));
        try (Admin admin = stack.kafkaBroker().admin()) {
            List<ConfigResource> topics = LocalStack.TOPICS.stream().map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(topics).all().get();
            for (ConfigResource topic : topics) {
                String expected = deployed.getOrDefault(topic.name(), "delete");
                assertEquals(expected, configs.get(topic).get("cleanup.policy").value(), topic.name());
            }
        }
        assertTrue(deployed.keySet().containsAll(LocalStack.TOPICS), "every devstack topic is deployed: " + deployed.keySet());
    }

    /** topicName to cleanup.policy ("delete" where none is set) of the KafkaTopic objects in the file. */
    private static Map<String, String> cleanupPolicies(String yaml) {
        Map<String, String> policies = new TreeMap<>();
        Pattern name = Pattern.compile("(?m)^\\s*topicName:\\s*(\\S+)\\s*$");
        Pattern policy = Pattern.compile("(?m)^\\s*cleanup\\.policy:\\s*(\\S+)\\s*$");
        for (String document : yaml.split("(?m)^---\\s*$")) {
            Matcher topic = name.matcher(document);
            if (topic.find()) {
                Matcher cleanup = policy.matcher(document);
                policies.put(topic.group(1), cleanup.find() ? cleanup.group(1) : "delete");
            }
        }
        return policies;
    }

    private static Map<String, String> unit(String code, String name) {
        return Map.of("code", code, "name", name, "kind", "MASS_ORGANISATION", "administrativeAreaCode", "38");
    }

    private long cluster(String board, String code, int year, List<String> members) {
        return ((Number) given().baseUri(gateway).auth().oauth2(board).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Cụm thi đua dựng lại " + code, "kind", "CLUSTER", "year", year, "members", members))
                .when().post("/api/clusters").then().statusCode(201).extract().path("id")).longValue();
    }

    private Map<String, List<List<String>>> readModels(String database) throws SQLException {
        Map<String, List<List<String>>> models = new TreeMap<>();
        for (String query : READ_MODELS) {
            models.put(query, rows(database, query));
        }
        return models;
    }

    private List<List<String>> rows(String database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(stack.postgres().jdbcUrl(database),
                stack.postgres().user(), stack.postgres().password());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            List<List<String>> rows = new ArrayList<>();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    row.add(result.getString(column));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
