package vn.thidua.awards.vote;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.thidua.awards.vote.VotingFixtures.BOARD;
import static vn.thidua.awards.vote.VotingFixtures.SESSIONS;
import static vn.thidua.awards.vote.VotingFixtures.SEVEN;
import static vn.thidua.awards.vote.VotingFixtures.leadFor;
import static vn.thidua.awards.vote.VotingFixtures.rep;
import static vn.thidua.awards.vote.VotingFixtures.vote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.EventSamples;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;
import vn.thidua.platform.clusters.ClusterDirectory;

/**
 * The seed story's vote, through the API and the real broker: cluster no. 7's ranking → a session →
 * six ballots → the count → the minutes → the events; and the rules around it.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "awards"))
class VotingSessionIT {
    static final String VOTES = "thidua.awards.votes.v1";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ClusterDirectory directory;

    @Inject
    DataSource dataSource;

    /** More than half of all members, two thirds present, runoff allowed. */
    String provincialFlag() {
        return VotingFixtures.awardWithRules("TEST_CO_TINH", VotingFixtures.voting(66.67, 50, true, "ALL_MEMBERS", true));
    }

    @Test
    void clusterSevenVotesItsLeaderForTheProvincialFlagAndTheBoardFilesTheMinutes() throws Exception {
        long cluster = 960_007;
        VotingFixtures.cluster(directory, cluster, "CUM-07", 2016, SEVEN);
        VotingFixtures.KAFKA.sendCloudEvent("thidua.units.v1", "000.00.32.H56",
                EventSamples.unitRegistered(java.util.UUID.randomUUID().toString(), "000.00.32.H56", "Liên đoàn Lao động tỉnh Thanh Hóa", 1));
        List<String> ranked = List.of("000.00.32.H56", "000.00.31.H56", "000.00.33.H56", "000.00.34.H56", "000.00.35.H56", "000.00.36.H56");
        VotingFixtures.ranking(cluster, "CUM-07", 2016, ranked);
        String award = provincialFlag();

        String session = VotingFixtures.create(VotingFixtures.leadVote(cluster, award, Map.of("topN", 3)));
        given().auth().oauth2(BOARD).get(SESSIONS + "/" + session).then().statusCode(200)
                .body("status", equalTo("SCHEDULED")).body("year", equalTo(2016))
                .body("candidates.unitCode", contains("000.00.32.H56", "000.00.31.H56", "000.00.33.H56"))
                .body("candidates[0].rankingRank", equalTo(1)).body("opensAt", org.hamcrest.Matchers.endsWith("+07:00"));
        // no ballot before the session opens
        given().auth().oauth2(rep("000.00.31.H56")).contentType(ContentType.JSON).body(Map.of("choices", leadFor("000.00.32.H56")))
                .post(SESSIONS + "/" + session + "/ballots").then().statusCode(409).contentType("application/problem+json");
        VotingFixtures.open(session);

        List<String> receipts = new ArrayList<>();
        for (String unit : SEVEN) {
            // five for the Labour Federation, the Youth Union for the Fatherland Front
            receipts.add(vote(session, unit, leadFor(unit.equals("000.00.36.H56") ? "000.00.31.H56" : "000.00.32.H56")));
        }
        assertEquals(6, new HashSet<>(receipts).size());
        assertTrue(receipts.stream().allMatch(r -> r.matches("[0-9a-f]{64}")));
        // one ballot per unit
        given().auth().oauth2(rep("000.00.31.H56")).contentType(ContentType.JSON).body(Map.of("choices", leadFor("000.00.31.H56")))
                .post(SESSIONS + "/" + session + "/ballots").then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("ballot-already-cast"));
        // while open, attendance is a count: which units voted shows only once closed
        given().auth().oauth2(BOARD).get(SESSIONS + "/" + session + "/attendance").then().statusCode(200)
                .body("votedCount", equalTo(6)).body("voted", nullValue()).body("roll", hasSize(6));
        // while open nobody sees a count, not even the Board
        given().auth().oauth2(BOARD).get(SESSIONS + "/" + session).then().body("result", nullValue());

        given().auth().oauth2(BOARD).post(SESSIONS + "/" + session + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("result.outcome", equalTo("DECIDED"))
                .body("result.contests[0].elected", contains("000.00.32.H56"))
                .body("result.contests[0].candidates[0].votesFor", equalTo(5))
                .body("result.contests[0].candidates[0].percentFor", equalTo(83.33f));
        given().auth().oauth2(BOARD).get(SESSIONS + "/" + session + "/attendance").then().statusCode(200)
                .body("votedCount", equalTo(6)).body("voted", hasSize(6));
        // the members see the result only once the Board publishes it
        given().auth().oauth2(rep("000.00.33.H56")).get(SESSIONS + "/" + session).then().statusCode(200)
                .body("result", nullValue()).body("ownUnitHasVoted", equalTo(true));
        given().auth().oauth2(rep("000.00.33.H56")).get(SESSIONS + "/" + session + "/minutes").then().statusCode(409);
        // no ballot after closing
        given().auth().oauth2(rep("000.00.31.H56")).contentType(ContentType.JSON).body(Map.of("choices", leadFor("000.00.32.H56")))
                .post(SESSIONS + "/" + session + "/ballots").then().statusCode(409);

        given().auth().oauth2(BOARD).post(SESSIONS + "/" + session + "/publish").then().statusCode(200).body("status", equalTo("PUBLISHED"));
        given().auth().oauth2(rep("000.00.33.H56")).get(SESSIONS + "/" + session).then().statusCode(200)
                .body("result.contests[0].elected", contains("000.00.32.H56"));

        // each voter finds its receipt among the counted ballots; the list is sorted, not in casting order
        List<String> published = given().auth().oauth2(rep("000.00.35.H56")).get(SESSIONS + "/" + session + "/receipts")
                .then().statusCode(200).extract().jsonPath().getList("$", String.class);
        assertEquals(receipts.stream().sorted().toList(), published);
        // a receipt is checked in a request body, never in a path the access log keeps beside the caller
        given().auth().oauth2(rep("000.00.35.H56")).contentType(ContentType.JSON).body(Map.of("receipt", receipts.get(4)))
                .post(SESSIONS + "/" + session + "/receipts/check").then().statusCode(200).body("counted", equalTo(true))
                .body("receipt", nullValue());
        given().auth().oauth2(rep("000.00.35.H56")).contentType(ContentType.JSON).body(Map.of("receipt", "0".repeat(64)))
                .post(SESSIONS + "/" + session + "/receipts/check").then().statusCode(200).body("counted", equalTo(false));
        int oldPath = given().auth().oauth2(rep("000.00.35.H56")).get(SESSIONS + "/" + session + "/receipts/" + receipts.get(4)).statusCode();
        assertTrue(oldPath == 404 || oldPath == 405, () -> "GET .../receipts/{receipt} answered " + oldPath);

        byte[] pdf = given().auth().oauth2(rep("000.00.35.H56")).get(SESSIONS + "/" + session + "/minutes")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        String minutes = MinutesPdfTest.text(pdf).replaceAll("\\s+", " ");
        for (String expected : List.of("BIÊN BẢN KIỂM PHIẾU", "Cụm thi đua số 7 năm 2016", "Luật Thi đua, khen thưởng số 06/2022/QH15",
                "số đơn vị đã bỏ phiếu (có mặt): 6", "Liên đoàn Lao động tỉnh Thanh Hóa trúng cử dẫn đầu")) {
            assertTrue(minutes.contains(expected), () -> "missing «" + expected + "» in " + minutes);
        }

        ConsumerRecord<String, String> concluded = VotingFixtures.KAFKA.awaitRecord(VOTES,
                r -> r.value().contains(session) && r.value().contains("VoteConcluded"), Duration.ofSeconds(30));
        assertEquals("CUM-07/2016", concluded.key());
        JsonNode sent = JSON.readTree(concluded.value());
        JsonNode documented = JSON.readTree(EventSamples.sample("awards/VoteConcluded.json", node -> { }));
        assertEquals(fieldNames(documented), fieldNames(sent));
        assertEquals(fieldNames(documented.get("data")), fieldNames(sent.get("data")));
        assertEquals(fieldNames(documented.at("/data/result")), fieldNames(sent.at("/data/result")));
        assertEquals(fieldNames(documented.at("/data/result/contests/0")), fieldNames(sent.at("/data/result/contests/0")));
        assertEquals(fieldNames(documented.at("/data/result/contests/0/candidates/0")), fieldNames(sent.at("/data/result/contests/0/candidates/0")));
        JsonNode data = sent.get("data");
        assertEquals("DECIDED", data.at("/result/outcome").asText());
        assertEquals(6, data.get("membersPresent").size());
        // totals only: the event carries no receipt and no ballot
        receipts.forEach(receipt -> assertTrue(!concluded.value().contains(receipt)));

        // published is final: the API refuses, and so does the database itself
        given().auth().oauth2(BOARD).post(SESSIONS + "/" + session + "/close").then().statusCode(409);
        given().auth().oauth2(BOARD).post(SESSIONS + "/" + session + "/publish").then().statusCode(409);
        SQLException refused = assertThrows(SQLException.class, () -> sql("UPDATE voting_session SET result = NULL, status = 'OPEN' WHERE id = '" + session + "'"));
        assertTrue(refused.getMessage().contains("published"));
        assertThrows(SQLException.class, () -> sql("DELETE FROM ballot WHERE session_id = '" + session + "'"));
        assertThrows(SQLException.class, () -> sql("INSERT INTO ballot (session_id, receipt, choices) VALUES ('" + session + "', '"
                + "1".repeat(64) + "', '{}')"));
    }

    @Test
    void theMembersElectNextYearsLeaderAndDeputyAndUnitsServiceIsTold() throws Exception {
        long cluster = 960_107;
        VotingFixtures.cluster(directory, cluster, "CUM-17", 2016, SEVEN);
        String award = provincialFlag();
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("clusterId", cluster);
        body.put("purpose", "ELECT_LEADERSHIP");
        body.put("votingRulesOf", award);
        body.put("leaderNominees", List.of("000.00.33.H56", "000.00.34.H56"));
        body.put("deputyNominees", List.of("000.00.34.H56", "000.00.35.H56"));
        body.put("opensAt", VotingFixtures.local(-5));
        body.put("closesAt", VotingFixtures.local(60));
        String session = VotingFixtures.create(body);
        given().auth().oauth2(BOARD).get(SESSIONS + "/" + session).then().body("leadsYear", equalTo(2017))
                .body("candidates.contest", contains("LEADER", "LEADER", "DEPUTY", "DEPUTY"));
        VotingFixtures.open(session);
        // the same unit as leader and deputy on one ballot is refused, and the unit may still vote
        given().auth().oauth2(rep("000.00.31.H56")).contentType(ContentType.JSON)
                .body(Map.of("choices", Map.of("LEADER", Map.of("000.00.34.H56", "FOR"), "DEPUTY", Map.of("000.00.34.H56", "FOR"))))
                .post(SESSIONS + "/" + session + "/ballots").then().statusCode(422).contentType("application/problem+json");
        for (String unit : SEVEN) {
            vote(session, unit, Map.of("LEADER", Map.of("000.00.33.H56", "FOR"), "DEPUTY",
                    Map.of(unit.endsWith("36.H56") ? "000.00.35.H56" : "000.00.34.H56", "FOR")));
        }
        given().auth().oauth2(BOARD).post(SESSIONS + "/" + session + "/close").then().statusCode(200)
                .body("result.outcome", equalTo("DECIDED"));
        given().auth().oauth2(BOARD).post(SESSIONS + "/" + session + "/publish").then().statusCode(200);

        ConsumerRecord<String, String> elected = VotingFixtures.KAFKA.awaitRecord(VOTES,
                r -> r.value().contains(session) && r.value().contains("ClusterLeaderElected"), Duration.ofSeconds(30));
        assertEquals("CUM-17/2017", elected.key());
        JsonNode event = JSON.readTree(elected.value());
        // the documented contract units-service reads (docs/events/awards/ClusterLeaderElected.json)
        JsonNode documented = JSON.readTree(EventSamples.sample("awards/ClusterLeaderElected.json", node -> { }));
        assertEquals(fieldNames(documented), fieldNames(event));
        assertEquals(fieldNames(documented.get("data")), fieldNames(event.get("data")));
        assertEquals("vn.thidua.awards.ClusterLeaderElected", event.get("type").asText());
        assertEquals("CUM-17/2017", event.get("subject").asText());
        assertEquals("000.00.33.H56", event.at("/data/leaderUnitCode").asText());
        assertEquals("000.00.34.H56", event.at("/data/deputyUnitCode").asText());
        assertEquals(2017, event.at("/data/year").asInt());
        assertEquals("CLUSTER", event.at("/data/kind").asText());
    }

    @Test
    void withoutQuorumNothingIsDecidedAndNoLeaderIsAnnounced() throws Exception {
        long cluster = 960_207;
        VotingFixtures.cluster(directory, cluster, "CUM-27", 2016, SEVEN);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("clusterId", cluster);
        body.put("purpose", "ELECT_LEADERSHIP");
        body.put("votingRulesOf", provincialFlag());
        body.put("leaderNominees", List.of("000.00.33.H56"));
        body.put("opensAt", VotingFixtures.local(-5));
        body.put("closesAt", VotingFixtures.local(60));
        String session = VotingFixtures.create(body);
        VotingFixtures.open(session);
        for (String unit : SEVEN.subList(0, 3)) {
            vote(session, unit, Map.of("LEADER", Map.of("000.00.33.H56", "FOR")));
        }
        // not before the closing time while units are missing
        given().auth().oauth2(BOARD).post(SESSIONS + "/" + session + "/close").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("voting-early-close"));
        closingTimePassed(session);
        given().auth().oauth2(BOARD).post(SESSIONS + "/" + session + "/close").then().statusCode(200)
                .body("result.outcome", equalTo("NO_QUORUM")).body("result.quorumMet", equalTo(false))
                .body("result.ballotsCast", equalTo(3)).body("result.contests", hasSize(0));
        given().auth().oauth2(BOARD).post(SESSIONS + "/" + session + "/publish").then().statusCode(200);
        VotingFixtures.KAFKA.awaitRecord(VOTES, r -> r.value().contains(session) && r.value().contains("NO_QUORUM"), Duration.ofSeconds(30));
        // both events of a publication leave in one transaction; a second one about this session never comes
        AssertionError onlyOne = assertThrows(AssertionError.class, () -> VotingFixtures.KAFKA.awaitRecords(VOTES,
                r -> r.value().contains(session), 2, Duration.ofSeconds(3)));
        assertTrue(onlyOne.getMessage().startsWith("Found 1 of 2"), onlyOne.getMessage());
    }

    @Test
    void aTieGoesToARunoffBetweenTheTiedUnderTheSameRuleSet() {
        long cluster = 960_307;
        VotingFixtures.cluster(directory, cluster, "CUM-37", 2016, SEVEN);
        String award = provincialFlag();
        String session = VotingFixtures.create(VotingFixtures.leadVote(cluster, award,
                Map.of("nominees", List.of("000.00.31.H56", "000.00.32.H56", "000.00.33.H56"))));
        VotingFixtures.open(session);
        for (int i = 0; i < 6; i++) {
            vote(session, SEVEN.get(i), leadFor(i < 3 ? "000.00.31.H56" : "000.00.32.H56"));
        }
        given().auth().oauth2(BOARD).post(SESSIONS + "/" + session + "/close").then().statusCode(200)
                .body("result.outcome", equalTo("RUNOFF_NEEDED"))
                .body("result.contests[0].runoffCandidates", contains("000.00.31.H56", "000.00.32.H56"));
        // a runoff needs a published result
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("opensAt", VotingFixtures.local(-1), "closesAt", VotingFixtures.local(30)))
                .post(SESSIONS + "/" + session + "/runoff").then().statusCode(409);
        given().auth().oauth2(BOARD).post(SESSIONS + "/" + session + "/publish").then().statusCode(200);
        String runoff = given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("opensAt", VotingFixtures.local(-1), "closesAt", VotingFixtures.local(30)))
                .post(SESSIONS + "/" + session + "/runoff").then().statusCode(201)
                .body("runoffOf", equalTo(session)).body("candidates.unitCode", contains("000.00.31.H56", "000.00.32.H56"))
                .extract().path("id");
        int ruleSet = given().auth().oauth2(BOARD).get(SESSIONS + "/" + session).then().extract().path("ruleSetId");
        given().auth().oauth2(BOARD).get(SESSIONS + "/" + runoff).then().body("ruleSetId", equalTo(ruleSet));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("opensAt", VotingFixtures.local(-1), "closesAt", VotingFixtures.local(30)))
                .post(SESSIONS + "/" + session + "/runoff").then().statusCode(409);
    }

    @Test
    void onlyTheBoardRunsASessionAndOnlyAMembersRepresentativeVotesForItsOwnUnit() {
        long cluster = 960_407;
        VotingFixtures.cluster(directory, cluster, "CUM-47", 2016, SEVEN);
        Map<String, Object> request = VotingFixtures.leadVote(cluster, provincialFlag(), Map.of("nominees", List.of("000.00.32.H56")));
        String outsider = rep("000.00.99.H56");
        given().auth().oauth2(rep("000.00.32.H56")).contentType(ContentType.JSON).body(request).post(SESSIONS).then().statusCode(403)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(request).post(SESSIONS).then().statusCode(401);
        String session = VotingFixtures.create(request);
        given().auth().oauth2(rep("000.00.31.H56")).post(SESSIONS + "/" + session + "/open").then().statusCode(403);
        VotingFixtures.open(session);
        Map<String, Object> ballot = Map.of("choices", leadFor("000.00.32.H56"));
        // the Board, an admin and a viewer have no ballot
        for (String token : List.of(BOARD, VotingFixtures.ADMIN, TestTokens.user("viewer", "viewer"))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(ballot).post(SESSIONS + "/" + session + "/ballots")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        // a unit outside the cluster neither, and cannot even see the session: its ballot finds none (404), as its read
        given().auth().oauth2(outsider).contentType(ContentType.JSON).body(ballot).post(SESSIONS + "/" + session + "/ballots")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(outsider).get(SESSIONS + "/" + session).then().statusCode(404);
        given().auth().oauth2(outsider).queryParam("year", 2016).get(SESSIONS).then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(session)));
        // a cluster leader's token without the unit-rep role does not vote either
        given().auth().oauth2(TestTokens.claims("leader", "cluster-leader").claim("unit", "000.00.32.H56").sign(TestTokens.privateKey()))
                .contentType(ContentType.JSON).body(ballot).post(SESSIONS + "/" + session + "/ballots").then().statusCode(403);
        vote(session, "000.00.32.H56", leadFor("000.00.32.H56"));
        given().auth().oauth2(rep("000.00.31.H56")).post(SESSIONS + "/" + session + "/close").then().statusCode(403);
        given().auth().oauth2(rep("000.00.31.H56")).get(SESSIONS + "/" + session + "/receipts").then().statusCode(409);
    }

    @Test
    void badRequestsGetProblemsAndChangeNothing() {
        long cluster = 960_507;
        VotingFixtures.cluster(directory, cluster, "CUM-57", 2016, SEVEN);
        String award = provincialFlag();
        List<Map<String, Object>> bad = new ArrayList<>();
        bad.add(VotingFixtures.leadVote(999_999_999L, award, Map.of("topN", 1)));                      // unknown cluster
        bad.add(VotingFixtures.leadVote(cluster, award, Map.of("topN", 1)));                           // no finalized ranking
        bad.add(VotingFixtures.leadVote(cluster, award, Map.of("topN", 1, "nominees", List.of("000.00.31.H56"))));
        bad.add(VotingFixtures.leadVote(cluster, award, Map.of("nominees", List.of("000.00.99.H56")))); // not a member
        bad.add(VotingFixtures.leadVote(cluster, award, Map.of("nominees", List.of("000.00.31.H56", "000.00.31.H56"))));
        bad.add(VotingFixtures.leadVote(cluster, award, Map.of("nominees", List.of("000.00.31.H56"), "places", 2)));
        bad.add(VotingFixtures.leadVote(cluster, "NO_SUCH_AWARD", Map.of("nominees", List.of("000.00.31.H56"))));
        Map<String, Object> reversed = VotingFixtures.leadVote(cluster, award, Map.of("nominees", List.of("000.00.31.H56")));
        reversed.put("closesAt", VotingFixtures.local(-30));
        bad.add(reversed);
        for (Map<String, Object> body : bad) {
            int status = given().auth().oauth2(BOARD).header("Accept-Language", "en").contentType(ContentType.JSON).body(body).post(SESSIONS)
                    .then().contentType("application/problem+json").extract().statusCode();
            assertTrue(status == 422 || status == 404, () -> body + " gave " + status);
        }
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body("{\"clusterId\": \"seven\"").post(SESSIONS)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("clusterId", cluster, "purpose", "ELECT_EVERYONE"))
                .post(SESSIONS).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(BOARD).queryParam("year", 2016).queryParam("clusterId", cluster).get(SESSIONS).then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(BOARD).get(SESSIONS + "/not-a-uuid").then().statusCode(404).contentType("application/problem+json");

        String session = VotingFixtures.create(VotingFixtures.leadVote(cluster, award, Map.of("nominees", List.of("000.00.31.H56"))));
        VotingFixtures.open(session);
        for (Object choices : List.of(Map.of(), Map.of("LEAD", Map.of("000.00.32.H56", "FOR")), Map.of("LEAD", Map.of("000.00.31.H56", "YES")),
                Map.of("LEADER", Map.of("000.00.31.H56", "FOR")))) {
            given().auth().oauth2(rep("000.00.33.H56")).header("Accept-Language", "vi").contentType(ContentType.JSON).body(Map.of("choices", choices))
                    .post(SESSIONS + "/" + session + "/ballots").then().statusCode(422).contentType("application/problem+json");
        }
        given().auth().oauth2(rep("000.00.33.H56")).contentType(ContentType.JSON).body("{\"choices\": [1, 2]}")
                .post(SESSIONS + "/" + session + "/ballots").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(rep("000.00.33.H56")).contentType(ContentType.JSON).body("")
                .post(SESSIONS + "/" + session + "/ballots").then().statusCode(400);
        // none of that cast a ballot: the unit still has its one
        given().auth().oauth2(BOARD).get(SESSIONS + "/" + session + "/attendance").then().body("votedCount", equalTo(0)).body("voted", nullValue());
        vote(session, "000.00.33.H56", leadFor("000.00.31.H56"));
    }

    @Test
    void theBallotBoxCannotBeJoinedToTheVotersEvenWithTheDatabaseOpen() throws Exception {
        long cluster = 960_607;
        VotingFixtures.cluster(directory, cluster, "CUM-67", 2016, SEVEN);
        String session = VotingFixtures.create(VotingFixtures.leadVote(cluster, provincialFlag(),
                Map.of("nominees", List.of("000.00.31.H56", "000.00.32.H56"))));
        VotingFixtures.open(session);
        for (int i = 0; i < 5; i++) {
            vote(session, SEVEN.get(i), leadFor(i % 2 == 0 ? "000.00.31.H56" : "000.00.32.H56"));
        }
        // the box has nothing but the session, the receipt and the choices
        assertEquals(Set.of("session_id", "receipt", "choices"), columns("ballot"));
        // who voted keeps no time (V17): nothing finer than the session's own times to set beside the box
        assertEquals(Set.of("session_id", "unit_code"), columns("ballot_cast"));
        assertEquals(Set.of("session_id", "member_id"), columns("council_ballot_cast"));
        // every ballot was written again by the last cast: one writing transaction for all, so xmin links no ballot to a cast
        assertEquals(1, count("SELECT count(DISTINCT xmin::text) FROM ballot WHERE session_id = '" + session + "'"));
        assertEquals(5, count("SELECT count(DISTINCT xmin::text) FROM ballot_cast WHERE session_id = '" + session + "'"));
        assertEquals(5, count("SELECT count(*) FROM ballot WHERE session_id = '" + session + "'"));
        // what an admin gets from the API while open: how many voted, never who nor how
        given().auth().oauth2(VotingFixtures.ADMIN).get(SESSIONS + "/" + session + "/attendance").then().body("votedCount", equalTo(5))
                .body("voted", nullValue());
        String attendance = given().auth().oauth2(VotingFixtures.ADMIN).get(SESSIONS + "/" + session + "/attendance").asString();
        assertTrue(!attendance.contains("FOR") && !attendance.contains("receipt"), attendance);
        given().auth().oauth2(VotingFixtures.ADMIN).get(SESSIONS + "/" + session).then().body("result", nullValue());
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * The issue-18 attack: open, wait until attendance shows one voter, close, read that unit's ballot from the
     * count. Closing early is refused; after the closing time the one ballot is counted without any per-candidate
     * figure, in the API, the minutes and the event.
     */
    @Test
    void oneBallotIsNeverShownAsItsVotersChoices() throws Exception {
        long cluster = 960_807;
        VotingFixtures.cluster(directory, cluster, "CUM-87", 2016, SEVEN);
        // a low quorum, so that one ballot meets it: only the minimum of ballots (3 when absent) stands in the way
        String award = VotingFixtures.awardWithRules("TEST_CO_THAP", VotingFixtures.voting(10, 50, true, "PRESENT", false));
        String session = VotingFixtures.create(VotingFixtures.leadVote(cluster, award, Map.of("nominees", List.of("000.00.31.H56", "000.00.32.H56"))));
        VotingFixtures.open(session);
        String receipt = vote(session, "000.00.33.H56", leadFor("000.00.32.H56"));
        given().auth().oauth2(BOARD).get(SESSIONS + "/" + session + "/attendance").then().statusCode(200)
                .body("votedCount", equalTo(1)).body("voted", nullValue());
        given().auth().oauth2(BOARD).header("Accept-Language", "en").post(SESSIONS + "/" + session + "/close").then().statusCode(409)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("voting-early-close"))
                .body("detail", containsString("1 of 6"));
        given().auth().oauth2(BOARD).get(SESSIONS + "/" + session).then().body("status", equalTo("OPEN"));

        closingTimePassed(session);
        given().auth().oauth2(BOARD).post(SESSIONS + "/" + session + "/close").then().statusCode(200)
                .body("result.outcome", equalTo("TOO_FEW_BALLOTS")).body("result.quorumMet", equalTo(true))
                .body("result.ballotsCast", equalTo(1)).body("result.minimumBallotsForCounts", equalTo(3))
                .body("result.contests", hasSize(0));
        given().auth().oauth2(BOARD).get(SESSIONS + "/" + session + "/attendance").then().body("voted", contains("000.00.33.H56"));
        given().auth().oauth2(BOARD).post(SESSIONS + "/" + session + "/publish").then().statusCode(200);
        String api = given().auth().oauth2(rep("000.00.33.H56")).get(SESSIONS + "/" + session).then().statusCode(200).extract().asString();
        assertTrue(!api.contains("votesFor") && !api.contains("percentFor") && !api.contains("\"elected\""), api);
        given().auth().oauth2(rep("000.00.33.H56")).contentType(ContentType.JSON).body(Map.of("receipt", receipt))
                .post(SESSIONS + "/" + session + "/receipts/check").then().statusCode(200).body("counted", equalTo(true));

        String minutes = MinutesPdfTest.text(given().auth().oauth2(BOARD).get(SESSIONS + "/" + session + "/minutes")
                .then().statusCode(200).extract().asByteArray()).replaceAll("\\s+", " ");
        assertTrue(minutes.contains("Số phiếu thu về: 1") && minutes.contains("ít hơn 3 phiếu"), minutes);
        assertTrue(!minutes.contains("Đồng ý") && !minutes.contains("Trúng cử") && !minutes.contains("Không đạt")
                && !minutes.contains("trúng cử dẫn đầu"), minutes);

        ConsumerRecord<String, String> concluded = VotingFixtures.KAFKA.awaitRecord(VOTES,
                r -> r.value().contains(session) && r.value().contains("VoteConcluded"), Duration.ofSeconds(30));
        JsonNode data = JSON.readTree(concluded.value()).get("data");
        assertEquals("TOO_FEW_BALLOTS", data.at("/result/outcome").asText());
        assertEquals(1, data.at("/result/ballotsCast").asInt());
        assertEquals(0, data.at("/result/contests").size());
        assertTrue(!concluded.value().contains("votesFor"), concluded.value());
    }

    /** The minimum of ballots for counts is the rule set's: a province may lower it (1 here), never below 1. */
    @Test
    void theMinimumOfBallotsForCountsIsData() throws Exception {
        Map<String, Object> one = VotingFixtures.voting(10, 50, true, "PRESENT", false);
        one.put("minimumBallotsForCounts", 1);
        Map<String, Object> zero = VotingFixtures.voting(10, 50, true, "PRESENT", false);
        zero.put("minimumBallotsForCounts", 0);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("name", "Cờ thi đua thử K0", "level", "PROVINCIAL", "decidingAuthority", "Chủ tịch UBND tỉnh"))
                .put("/api/awards/award-types/TEST_CO_K0").then().statusCode(200);
        given().auth().oauth2(BOARD).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("legalBasis", "Luật Thi đua, khen thưởng số 06/2022/QH15", "legalBasisDate", "2022-06-15", "effectiveFrom",
                        "2022-06-15", "eligibility", List.of(Map.of("kind", "LEADS_CLUSTER")), "voting", zero))
                .post("/api/awards/award-types/TEST_CO_K0/rule-sets").then().statusCode(422).contentType("application/problem+json")
                .body(containsString("voting.minimumBallotsForCounts"));

        long cluster = 960_907;
        VotingFixtures.cluster(directory, cluster, "CUM-97", 2016, SEVEN);
        String award = VotingFixtures.awardWithRules("TEST_CO_K1", one);
        String session = VotingFixtures.create(VotingFixtures.leadVote(cluster, award, Map.of("nominees", List.of("000.00.31.H56"))));
        VotingFixtures.open(session);
        vote(session, "000.00.34.H56", leadFor("000.00.31.H56"));
        closingTimePassed(session);
        given().auth().oauth2(BOARD).post(SESSIONS + "/" + session + "/close").then().statusCode(200)
                .body("result.outcome", equalTo("DECIDED")).body("result.minimumBallotsForCounts", equalTo(1))
                .body("result.contests[0].candidates[0].votesFor", equalTo(1));
    }

    /** The closing time passes (the session's closes_at is set to a moment ago). */
    private void closingTimePassed(String session) throws SQLException {
        sql("UPDATE voting_session SET closes_at = now() - interval '1 second' WHERE id = '" + session + "'");
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private long count(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Set<String> columns(String table) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '" + table + "'")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        return columns;
    }
}
