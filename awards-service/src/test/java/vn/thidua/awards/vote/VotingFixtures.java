package vn.thidua.awards.vote;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import vn.thidua.devstack.testing.EventSamples;
import vn.thidua.devstack.testing.KafkaTestClient;
import vn.thidua.devstack.testing.TestTokens;
import vn.thidua.platform.clusters.ClusterDirectory;

/**
 * What a voting test needs before the vote: a cluster-year (sent as units-service's documented
 * event), its finalized ranking (scoring-service's documented event), an award type and a rule set
 * in force (through the API), and tokens for the members' representatives.
 */
public final class VotingFixtures {
    public static final String BOARD = TestTokens.user("board-officer", "board");
    public static final String ADMIN = TestTokens.user("admin", "admin");
    public static final String SESSIONS = "/api/awards/voting-sessions";
    public static final List<String> SEVEN = List.of("000.00.31.H56", "000.00.32.H56", "000.00.33.H56", "000.00.34.H56", "000.00.35.H56",
            "000.00.36.H56");
    public static final KafkaTestClient KAFKA = KafkaTestClient.shared();

    private VotingFixtures() {
    }

    /** {@code count} unit codes of a made-up cluster, distinct per prefix. */
    public static List<String> units(String prefix, int count) {
        List<String> units = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            units.add(String.format("%s.%02d.H56", prefix, i));
        }
        return units;
    }

    /** Announces a cluster-year with these members and waits until awards-service knows it. */
    public static void cluster(ClusterDirectory directory, long id, String code, int year, List<String> members) {
        cluster(directory, id, code, year, members, null);
    }

    /** The same, led by {@code leader} (one of the members). */
    public static void cluster(ClusterDirectory directory, long id, String code, int year, List<String> members, String leader) {
        KAFKA.sendCloudEvent("thidua.clusters.v1", Long.toString(id),
                EventSamples.clusterEvent("ClusterCreated", UUID.randomUUID().toString(), id, 0, members, data -> {
                    data.put("code", code).put("year", year);
                    if (leader != null) {
                        data.put("leaderUnitCode", leader).put("leadershipBasis", "ASSIGNED");
                    }
                }));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> directory.find(id).isPresent());
    }

    /** A cluster-year whose emulation leaders (đơn vị dẫn đầu) units-service recorded, as its events carry them. */
    public static void clusterLedBy(ClusterDirectory directory, long id, String code, int year, List<String> members, List<String> emulationLeaders) {
        KAFKA.sendCloudEvent("thidua.clusters.v1", Long.toString(id),
                EventSamples.clusterEvent("ClusterCreated", UUID.randomUUID().toString(), id, 0, members, data -> {
                    data.put("code", code).put("year", year);
                    emulationLeaders.forEach(data.putArray("emulationLeaders")::add);
                }));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> directory.find(id).isPresent());
    }

    /** Announces the cluster-year's finalized ranking, members in the given order, and waits for it. */
    public static void ranking(long clusterId, String code, int year, List<String> order) {
        KAFKA.sendCloudEvent("thidua.scoring.results.v1", Long.toString(clusterId), EventSamples.sample("scoring/ClusterRankingFinalized.json", event -> {
            event.put("id", UUID.randomUUID().toString());
            event.put("subject", Long.toString(clusterId));
            ObjectNode data = (ObjectNode) event.get("data");
            data.put("clusterId", clusterId);
            data.put("clusterCode", code);
            data.put("year", year);
            ArrayNode ranking = data.putArray("ranking");
            for (int i = 0; i < order.size(); i++) {
                ranking.addObject().put("rank", i + 1).put("unitCode", order.get(i)).put("total", 95 - i).put("band", "Tốt");
            }
        }));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(BOARD).get("/api/awards/rankings/" + clusterId).then().statusCode(200));
    }

    /**
     * An award type of the test's own (so other tests' rule sets do not interfere) whose one rule set,
     * in force since 2000, has these voting rules.
     */
    public static String awardWithRules(String code, Map<String, Object> voting) {
        return awardWithRules(code, "PROVINCIAL", List.of(Map.of("kind", "LEADS_CLUSTER")), voting);
    }

    /** The same with the award's level (STATE, PROVINCIAL, DEPARTMENT) and eligibility rules ({@code [{kind, value, awardTypeCode}]}). */
    public static String awardWithRules(String code, String level, List<Map<String, Object>> eligibility, Map<String, Object> voting) {
        return awardWithRules(code, level, eligibility, voting, "4.5");
    }

    /** The same, its rule set paying {@code cashMultiple} × the base salary, or no cash when null. */
    public static String awardWithRules(String code, String level, List<Map<String, Object>> eligibility, Map<String, Object> voting,
                                        String cashMultiple) {
        if (given().auth().oauth2(BOARD).get("/api/awards/award-types/" + code).statusCode() == 404) {
            given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                    .body(Map.of("name", "Cờ thi đua thử " + code, "level", level, "decidingAuthority", "Chủ tịch UBND tỉnh"))
                    .put("/api/awards/award-types/" + code).then().statusCode(200);
            Map<String, Object> ruleSet = new LinkedHashMap<>(Map.of("legalBasis", "Luật Thi đua, khen thưởng số 06/2022/QH15",
                    "legalBasisDate", "2022-06-15", "effectiveFrom", "2022-06-15", "eligibility", eligibility, "voting", voting,
                    "provincialChoices", List.of("voting.thresholdPercent")));
            if (cashMultiple != null) {
                ruleSet.put("cashMultiple", new java.math.BigDecimal(cashMultiple));
            }
            given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(ruleSet)
                    .post("/api/awards/award-types/" + code + "/rule-sets").then().statusCode(201);
        }
        return code;
    }

    public static Map<String, Object> voting(double quorum, double threshold, boolean strictlyAbove, String basis, boolean runoff) {
        Map<String, Object> voting = new LinkedHashMap<>();
        voting.put("secret", true);
        voting.put("quorumPercent", quorum);
        voting.put("thresholdPercent", threshold);
        voting.put("strictlyAbove", strictlyAbove);
        voting.put("basis", basis);
        voting.put("runoffAllowed", runoff);
        return voting;
    }

    /** Vietnam local time, as the Board types it, {@code minutes} from now. */
    public static String local(long minutes) {
        return LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusMinutes(minutes).withNano(0).toString();
    }

    public static String rep(String unit) {
        return TestTokens.unitRep("rep-" + unit, unit);
    }

    public static Map<String, Object> leadVote(long clusterId, String award, Map<String, Object> candidates) {
        Map<String, Object> body = new LinkedHashMap<>(candidates);
        body.put("clusterId", clusterId);
        body.put("purpose", "LEAD_AND_PROPOSE");
        body.put("awardTypeCode", award);
        body.put("opensAt", local(-1));
        body.put("closesAt", local(120));
        return body;
    }

    public static String create(Map<String, Object> body) {
        return given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(body).post(SESSIONS)
                .then().statusCode(201).extract().path("id");
    }

    public static void open(String session) {
        given().auth().oauth2(BOARD).post(SESSIONS + "/" + session + "/open").then().statusCode(200);
    }

    /** Casts the unit's ballot and returns its receipt. */
    public static String vote(String session, String unit, Map<String, Map<String, String>> choices) {
        return given().auth().oauth2(rep(unit)).contentType(ContentType.JSON).body(Map.of("choices", choices))
                .post(SESSIONS + "/" + session + "/ballots").then().statusCode(201).extract().path("receipt");
    }

    public static Map<String, Map<String, String>> leadFor(String unit) {
        return Map.of("LEAD", Map.of(unit, "FOR"));
    }
}
