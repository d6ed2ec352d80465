package vn.thidua.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * The end of cluster 7's 2016 review conference (shared/seed-story.md: "the units scored and voted
 * on the units to propose to the Prime Minister and to the Provincial People's Committee for
 * 2016"), through the gateway as the Board and the six units' representatives would do it, once
 * the ranking is final: the award catalogue ({@link DemoCatalogue}); a secret ballot to lead the
 * cluster and be proposed for the provincial flag (the top three of the ranking as candidates),
 * then one for the Government flag on the unit the members chose; the election of the 2017 leader
 * and deputy (the Farmers' Association and the Women's Union, as in the documented sample event);
 * and the Board rolling 2016 over to 2017, which takes the elected leadership from awards-service's
 * ClusterLeaderElected. Each session: created, opened now, six ballots, closed, published; each says it
 * was held on 14/12/2016 ({@code heldOn}), so that it is judged under the law of 2016.
 *
 * <p>The roll-over comes after the election is counted and before it is published, so that the
 * 2017 cluster-year exists when units-service hears of the result and applies it to that year.
 * Rolling over right after publishing races the event: when units-service's consumer and the
 * roll-over run at the same moment, neither sees the other's row, the result stays pending and
 * 2017 is opened without a leader (seen in this launcher's end-to-end test; a units-service issue).
 */
final class SeedStoryVoting {
    static final String SESSIONS = "/api/awards/voting-sessions";
    static final String FATHERLAND_FRONT = "000.00.31.H56";
    static final String LABOUR_FEDERATION = DemoData.LEADER_2016;
    static final String FARMERS = "000.00.33.H56";
    static final String WOMENS_UNION = "000.00.34.H56";
    static final String VETERANS = "000.00.35.H56";
    static final String YOUTH_UNION = "000.00.36.H56";
    static final int LEADS_YEAR = 2017;
    /** The day of the review conference (shared/seed-story.md: "Chiều 14-12"). */
    static final String HELD_ON = "2016-12-14";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private SeedStoryVoting() {
    }

    /** Runs the catalogue, the three sessions and the roll-over; returns the 2017 cluster-year's id. */
    static long run(GatewayClient gateway, long clusterId) {
        String board = gateway.passwordToken("board", DemoData.PASSWORD);
        DemoCatalogue.load(gateway, board);
        awaitRanking(gateway, board, clusterId);
        Map<String, String> tokens = new HashMap<>();
        for (DemoData.DemoUnit unit : DemoData.CLUSTER_7_UNITS) {
            tokens.put(unit.code(), gateway.passwordToken(unit.representative(), DemoData.PASSWORD));
        }

        // (a) the top three of the ranking; five for the Labour Federation, the Youth Union for the Fatherland Front
        Map<String, Object> provincial = session(clusterId, "LEAD_AND_PROPOSE");
        provincial.put("awardTypeCode", DemoCatalogue.PROVINCIAL_FLAG);
        provincial.put("topN", 3);
        JsonNode provincialResult = hold(gateway, board, tokens, provincial, unit ->
                Map.of("LEAD", Map.of(unit.equals(YOUTH_UNION) ? FATHERLAND_FRONT : LABOUR_FEDERATION, "FOR")));
        String proposed = elected(provincialResult, "LEAD");
        print("Vote  Cờ thi đua của UBND tỉnh 2016", provincialResult);

        // (b) the Government flag is chosen among the collectives leading a cluster (Law 2022 Art. 25(1)):
        // the one candidate is the unit the members just chose to lead; it abstains on itself, the others are for
        Map<String, Object> government = session(clusterId, "LEAD_AND_PROPOSE");
        government.put("awardTypeCode", DemoCatalogue.GOVERNMENT_FLAG);
        government.put("nominees", List.of(proposed));
        JsonNode governmentResult = hold(gateway, board, tokens, government, unit ->
                Map.of("LEAD", Map.of(proposed, unit.equals(proposed) ? "ABSTAIN" : "FOR")));
        print("Vote  Cờ thi đua của Chính phủ 2016", governmentResult);

        // (c) leader and deputy for 2017, under the cluster regulation carried by the provincial flag's rule set;
        // counted, then 2017 is opened, then the result is published and units-service applies it
        Map<String, Object> election = session(clusterId, "ELECT_LEADERSHIP");
        election.put("leadsYear", LEADS_YEAR);
        election.put("votingRulesOf", DemoCatalogue.PROVINCIAL_FLAG);
        election.put("leaderNominees", List.of(FARMERS, WOMENS_UNION));
        election.put("deputyNominees", List.of(WOMENS_UNION, VETERANS));
        JsonNode counted = count(gateway, board, tokens, election, unit ->
                Map.of("LEADER", Map.of(FARMERS, "FOR"), "DEPUTY", Map.of(unit.equals(YOUTH_UNION) ? VETERANS : WOMENS_UNION, "FOR")));
        long next = rollOver(gateway, board, clusterId);
        JsonNode electionResult = publish(gateway, board, counted.get("id").asText());
        print("Vote  cụm trưởng, cụm phó " + LEADS_YEAR, electionResult);
        awaitLeadership(gateway, board, next, elected(electionResult, "LEADER"), elected(electionResult, "DEPUTY"));
        return next;
    }

    /**
     * A session of the cluster-year, open from now (Vietnam time, as the Board types it) for two hours,
     * held at the conference of {@value #HELD_ON}: entered today, it is judged under the rule set in
     * force that day (the law of 2003 with Decree 42/2010), not under today's.
     */
    private static Map<String, Object> session(long clusterId, String purpose) {
        LocalDateTime now = LocalDateTime.now(VIETNAM).withNano(0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clusterId", clusterId);
        body.put("purpose", purpose);
        body.put("opensAt", LOCAL.format(now));
        body.put("closesAt", LOCAL.format(now.plusHours(2)));
        body.put("heldOn", HELD_ON);
        return body;
    }

    /** Holds the vote to the end: counted and published; returns the published session. */
    private static JsonNode hold(GatewayClient gateway, String board, Map<String, String> tokens, Map<String, Object> body,
                                 Function<String, Map<String, Map<String, String>>> ballotOf) {
        return publish(gateway, board, count(gateway, board, tokens, body, ballotOf).get("id").asText());
    }

    /** Creates, opens, lets every member unit cast its ballot and closes; returns the counted session. */
    private static JsonNode count(GatewayClient gateway, String board, Map<String, String> tokens, Map<String, Object> body,
                                  Function<String, Map<String, Map<String, String>>> ballotOf) {
        String id = read(expect(GatewayClient.whileCatchingUp("cluster-not-known", () -> gateway.postJson(SESSIONS, board, body)),
                "voting session " + body.get("purpose"))).get("id").asText();
        expect(gateway.postJson(SESSIONS + "/" + id + "/open", board, Map.of()), "opening session " + id);
        for (DemoData.DemoUnit unit : DemoData.CLUSTER_7_UNITS) {
            expect(gateway.postJson(SESSIONS + "/" + id + "/ballots", tokens.get(unit.code()), Map.of("choices", ballotOf.apply(unit.code()))),
                    "ballot of " + unit.code());
        }
        JsonNode closed = read(expect(gateway.postJson(SESSIONS + "/" + id + "/close", board, Map.of()), "closing session " + id));
        if (!"DECIDED".equals(closed.at("/result/outcome").asText())) {
            throw new IllegalStateException("Demo vote not decided: " + closed);
        }
        return closed;
    }

    private static JsonNode publish(GatewayClient gateway, String board, String id) {
        return read(expect(gateway.postJson(SESSIONS + "/" + id + "/publish", board, Map.of()), "publishing session " + id));
    }


    /** The finalized ranking reaches awards-service through thidua.scoring.results.v1. */
    private static void awaitRanking(GatewayClient gateway, String board, long clusterId) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (gateway.get("/api/awards/rankings/" + clusterId, board).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("awards-service did not receive the finalized ranking of cluster-year " + clusterId);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    /** The Board opens 2017 from 2016: same members; no leader yet, as 2016 had no deputy to rotate in. */
    private static long rollOver(GatewayClient gateway, String board, long clusterId) {
        JsonNode next = read(expect(gateway.postJson("/api/clusters/" + clusterId + "/roll-over", board, Map.of()),
                "roll-over of cluster 7 to " + LEADS_YEAR));
        return next.get("id").asLong();
    }

    /** units-service applies the published election to 2017 once ClusterLeaderElected reaches it through Kafka. */
    private static void awaitLeadership(GatewayClient gateway, String board, long id, String leader, String deputy) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode next = read(expect(gateway.get("/api/clusters/" + id, board), "cluster-year " + id));
        while (!leads(next, leader, deputy)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Cluster-year " + id + " did not take the elected leadership: " + next);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            next = read(expect(gateway.get("/api/clusters/" + id, board), "cluster-year " + id));
        }
        System.out.printf("Roll-over  %s %d (id %d): %d members, cụm trưởng %s, cụm phó %s (%s)%n", next.get("code").asText(),
                next.get("year").asInt(), id, next.get("members").size(), leader, deputy, next.get("leadershipBasis").asText());
    }

    private static boolean leads(JsonNode cluster, String leader, String deputy) {
        return leader.equals(cluster.at("/leader/code").asText()) && deputy.equals(cluster.at("/deputy/code").asText())
                && "ELECTED".equals(cluster.path("leadershipBasis").asText());
    }

    private static String elected(JsonNode session, String contest) {
        for (JsonNode result : session.at("/result/contests")) {
            if (contest.equals(result.get("contest").asText()) && result.get("elected").size() > 0) {
                return result.get("elected").get(0).asText();
            }
        }
        throw new IllegalStateException("Nobody elected in contest " + contest + ": " + session);
    }

    /** One line per session: what was decided, by how many of the ballots. */
    private static void print(String what, JsonNode session) {
        StringBuilder line = new StringBuilder(what).append(": ").append(session.at("/result/ballotsCast").asInt()).append('/')
                .append(session.at("/result/electorate").asInt()).append(" ballots");
        for (JsonNode contest : session.at("/result/contests")) {
            for (JsonNode candidate : contest.get("candidates")) {
                if (candidate.get("elected").asBoolean()) {
                    line.append(", ").append(contest.get("contest").asText()).append(' ').append(candidate.get("unitCode").asText())
                            .append(" (").append(candidate.get("votesFor").asInt()).append(" for)");
                }
            }
        }
        line.append(", ").append(session.get("status").asText()).append(" — session ").append(session.get("id").asText());
        JsonNode why = session.path("ruleSetChosenBecause");
        if (why.hasNonNull("legalBasis")) {
            line.append(", held ").append(session.path("heldOn").asText()).append(" under ").append(DemoCatalogue.decreeOf(why.get("legalBasis").asText()));
        }
        System.out.println(line);
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Demo vote refused (" + what + "): " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private static JsonNode read(HttpResponse<String> response) {
        return GatewayClient.read(response.body());
    }
}
