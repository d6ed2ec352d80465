package vn.thidua.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The seed story's scoring, through the gateway as the people involved would do it: the Board
 * publishes cluster 7's 2016 criteria set (docs/examples/criteria-set-cum-07-2016.json), each
 * unit scores itself and the five others, the Board appraises, closes and finalizes. The
 * Labour Federation comes first, as it led the cluster that year.
 */
final class SeedStoryScoring {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> CRITERIA = List.of("I.1", "I.2", "II.1", "II.2", "II.3");

    private SeedStoryScoring() {
    }

    /** Unit i of the cluster (the leader first): 95 − 4i − (i mod 2) points. */
    static Map<String, Integer> pointsOf(int i) {
        return Map.of("I.1", 40 - 2 * i, "I.2", 20 - i, "II.1", 30 - i, "II.2", 5, "II.3", i % 2);
    }

    /** Runs the whole year's scoring of the cluster-year and returns the criteria set's id. */
    static long run(GatewayClient gateway, long clusterId, List<String> membersLeaderFirst) {
        String board = gateway.passwordToken("board", DemoData.PASSWORD);
        awaitScoringKnows(gateway, board, clusterId);
        ObjectNode definition = example("criteria-set-cum-07-2016.json");
        definition.put("clusterId", clusterId);
        long setId = read(expect(gateway.postJson("/api/scoring/criteria-sets", board, definition), "criteria set")).get("id").asLong();
        expect(gateway.postJson("/api/scoring/criteria-sets/" + setId + "/publish", board, Map.of()), "publishing the set");
        JsonNode sheets = read(expect(gateway.get("/api/scoring/criteria-sets/" + setId + "/sheets", board), "sheets"));
        Map<String, String> tokens = new HashMap<>();
        for (DemoData.DemoUnit unit : DemoData.CLUSTER_7_UNITS) {
            tokens.put(unit.code(), gateway.passwordToken(unit.representative(), DemoData.PASSWORD));
        }
        // self and peer sheets first, then the Board's appraisal (it confirms what the peers gave)
        for (String stage : List.of("SELF", "PEER", "BOARD")) {
            for (JsonNode sheet : sheets) {
                if (!stage.equals(sheet.get("stage").asText())) {
                    continue;
                }
                String unit = sheet.get("unitCode").asText();
                String token = stage.equals("BOARD") ? board : tokens.get(sheet.get("scorerCode").asText());
                Map<String, Integer> points = pointsOf(membersLeaderFirst.indexOf(unit));
                for (String criterion : CRITERIA) {
                    Map<String, Object> score = new HashMap<>(Map.of("points", points.get(criterion)));
                    if (stage.equals("SELF") && criterion.equals("I.1")) {
                        score.put("evidence", List.of("https://thidua.example/minh-chung/" + unit + "/bao-cao-tong-ket-2016.pdf"));
                    }
                    expect(gateway.putJson("/api/scoring/sheets/" + sheet.get("id").asLong() + "/scores/" + criterion, token, score),
                            stage + " score of " + unit);
                }
                expect(gateway.postJson("/api/scoring/sheets/" + sheet.get("id").asLong() + "/submit", token, Map.of()),
                        stage + " sheet of " + unit);
            }
        }
        expect(gateway.postJson("/api/scoring/criteria-sets/" + setId + "/close", board, Map.of()), "closing the set");
        expect(gateway.postJson("/api/scoring/criteria-sets/" + setId + "/ranking/finalize", board, Map.of()), "finalizing");
        return setId;
    }

    private static void awaitScoringKnows(GatewayClient gateway, String token, long clusterId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (gateway.get("/api/scoring/clusters/" + clusterId, token).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("scoring-service did not learn cluster-year " + clusterId);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private static ObjectNode example(String name) {
        try (InputStream in = SeedStoryScoring.class.getResourceAsStream("/examples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Example " + name + " is not on the class path");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Demo scoring refused (" + what + "): " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private static JsonNode read(HttpResponse<String> response) {
        return GatewayClient.read(response.body());
    }
}
