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
 * publishes cluster 7's 2016 criteria set (docs/examples/criteria-set-cum-07-2016.json, with I.1
 * and II.2 computed from the targets), each unit registers its targets and the provincial flag
 * and reports its results, scores itself and the five others, the Board appraises, closes and
 * finalizes. The
 * Labour Federation comes first, as it led the cluster that year. The conference's votes follow
 * ({@link SeedStoryVoting}), then the proposals they lead to ({@link SeedStoryProposals}).
 */
final class SeedStoryScoring {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> CRITERIA = List.of("I.1", "I.2", "II.1", "II.2", "II.3");
    /** Filled into the self sheets from the year-end reports. */
    static final List<String> COMPUTED = List.of("I.1", "II.2");

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
        // I.1 follows from the registered targets, II.2 from exceeding them
        ObjectNode targetsCriterion = (ObjectNode) definition.at("/groups/0/criteria/0");
        targetsCriterion.put("computedFrom", "TARGET_ATTAINMENT");
        ObjectNode excessCriterion = (ObjectNode) definition.at("/groups/1/criteria/1");
        excessCriterion.put("computedFrom", "TARGET_EXCESS");
        excessCriterion.put("pointsPerPercent", 1);
        long setId = read(expect(gateway.postJson("/api/scoring/criteria-sets", board, definition), "criteria set")).get("id").asLong();
        expect(gateway.postJson("/api/scoring/criteria-sets/" + setId + "/publish", board, Map.of()), "publishing the set");
        JsonNode sheets = read(expect(gateway.get("/api/scoring/criteria-sets/" + setId + "/sheets", board), "sheets"));
        Map<String, String> tokens = new HashMap<>();
        for (DemoData.DemoUnit unit : DemoData.CLUSTER_7_UNITS) {
            tokens.put(unit.code(), gateway.passwordToken(unit.representative(), DemoData.PASSWORD));
        }
        launchMovement(gateway, board, clusterId, setId);
        recordModels(gateway, board, tokens);
        registerAndReport(gateway, tokens, membersLeaderFirst);
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
                    if (stage.equals("SELF") && COMPUTED.contains(criterion)) {
                        continue;
                    }
                    Map<String, Object> score = new HashMap<>(Map.of("points", points.get(criterion)));
                    expect(gateway.putJson("/api/scoring/sheets/" + sheet.get("id").asLong() + "/scores/" + criterion, token, score),
                            stage + " score of " + unit);
                }
                expect(gateway.postJson("/api/scoring/sheets/" + sheet.get("id").asLong() + "/submit", token, Map.of()),
                        stage + " sheet of " + unit);
            }
        }
        expect(gateway.postJson("/api/scoring/criteria-sets/" + setId + "/close", board, Map.of()), "closing the set");
        expect(gateway.postJson("/api/scoring/criteria-sets/" + setId + "/ranking/finalize", board, Map.of()), "finalizing");
        SeedStoryVoting.run(gateway, clusterId);
        return setId;
    }

    /** The Board's movement for 2016, which cluster 7's criteria set scores. */
    private static void launchMovement(GatewayClient gateway, String board, long clusterId, long setId) {
        expect(gateway.postJson("/api/scoring/movements", board, Map.of(
                "name", "Thi đua yêu nước, trọng tâm xây dựng nông thôn mới gắn với văn minh đô thị",
                "kind", "REGULAR",
                "launchedBy", "BOARD",
                "participantClusterIds", List.of(clusterId),
                "startDate", "2016-01-01",
                "endDate", "2016-12-31",
                "goals", List.of("Thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị",
                        "Nhân rộng các mô hình, điển hình tiên tiến, cách làm hay"),
                "criteriaSetIds", List.of(setId))), "the 2016 movement");
    }

    /** "Replicate the models and advanced examples": the Women's Union's model, adopted by the Farmers' Association. */
    private static void recordModels(GatewayClient gateway, String board, Map<String, String> tokens) {
        String womensUnion = "000.00.34.H56";
        String farmers = "000.00.33.H56";
        long model = read(expect(gateway.postJson("/api/scoring/models", tokens.get(womensUnion), Map.of(
                "unitCode", womensUnion,
                "kind", "MODEL",
                "title", "Mô hình \"Phụ nữ giúp nhau phát triển kinh tế\"",
                "description", "Hội viên góp vốn, góp công giúp nhau phát triển kinh tế hộ gia đình, giảm nghèo bền vững.",
                "field", "Phát triển kinh tế",
                "startedYear", 2015,
                "evidence", List.of("https://thidua.example/minh-chung/" + womensUnion + "/mo-hinh-giup-nhau.pdf"))),
                "the Women's Union's model")).get("id").asLong();
        expect(gateway.postJson("/api/scoring/models/" + model + "/replications", tokens.get(farmers), Map.of(
                "unitCode", farmers, "adoptedOn", "2016-03-08", "note", "Nhân rộng tại các chi hội nông dân")), "replication");
        expect(gateway.postJson("/api/scoring/models/" + model + "/recognition", board, Map.of(
                "recognisedOn", "2016-12-14", "reason", "Công nhận tại hội nghị tổng kết cụm thi đua số 7")), "recognition");
    }

    /**
     * Each unit registers two targets and the provincial flag, reports at mid-year and at year end.
     * Unit i reaches 100 − 5i % of its work plan (I.1 = 40 − 2i points) and replicates 21 models
     * where it planned 20 — five percent above, five bonus points — as "most targets completed,
     * some exceeded".
     */
    private static void registerAndReport(GatewayClient gateway, Map<String, String> tokens, List<String> membersLeaderFirst) {
        for (int i = 0; i < membersLeaderFirst.size(); i++) {
            String unit = membersLeaderFirst.get(i);
            String token = tokens.get(unit);
            Map<String, Object> registration = Map.of(
                    "titles", List.of("CO_THI_DUA_TINH"),
                    "targets", List.of(
                            Map.of("name", "Hoàn thành các chỉ tiêu công tác năm theo giao ước thi đua", "unitOfMeasure", "%",
                                    "planned", 100, "weight", 1, "criterionCode", "I.1"),
                            Map.of("name", "Nhân rộng mô hình, điển hình tiên tiến", "unitOfMeasure", "mô hình",
                                    "planned", 20, "weight", 1, "criterionCode", "II.2")));
            String path = "/api/scoring/registrations/2016/" + unit;
            expect(gateway.putJson(path, token, registration), "registration of " + unit);
            expect(gateway.putJson(path + "/reports/midyear", token, Map.of("results", List.of(
                    Map.of("position", 1, "achieved", 50), Map.of("position", 2, "achieved", 9)))), "mid-year report of " + unit);
            String evidence = "https://thidua.example/minh-chung/" + unit + "/bao-cao-tong-ket-2016.pdf";
            expect(gateway.putJson(path + "/reports/yearend", token, Map.of("results", List.of(
                    Map.of("position", 1, "achieved", 100 - 5 * i, "evidence", List.of(evidence)),
                    Map.of("position", 2, "achieved", 21, "evidence", List.of(evidence))))), "year-end report of " + unit);
        }
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
