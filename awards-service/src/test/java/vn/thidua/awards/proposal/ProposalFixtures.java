package vn.thidua.awards.proposal;

import static io.restassured.RestAssured.given;
import static vn.thidua.awards.vote.VotingFixtures.BOARD;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import vn.thidua.awards.vote.VotingFixtures;
import vn.thidua.devstack.testing.EventSamples;

/**
 * What a test of decisions, the ledger or exports needs before it starts: units awards-service
 * knows by name, awards without eligibility rules (so any member may be proposed), and proposals
 * the Board has taken as far as the test needs, each step through the API.
 */
public final class ProposalFixtures {
    public static final String PROPOSALS = "/api/awards/proposals";
    public static final byte[] REPORT = vn.thidua.devstack.testing.TestFiles.pdf("Báo cáo thành tích");

    private ProposalFixtures() {
    }

    /** Announces the unit as units-service would and waits until awards-service knows it. */
    public static void knownUnit(String code, String name) {
        VotingFixtures.KAFKA.sendCloudEvent("thidua.units.v1", code, EventSamples.unitRegistered(UUID.randomUUID().toString(), code, name, 0));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(BOARD).get("/api/awards/units/" + code).then().statusCode(200));
    }

    /** An award of the test's own, of that level (STATE, PROVINCIAL, DEPARTMENT), decided by the Chairman of the province, no eligibility rule. */
    public static String award(String code, String level) {
        return VotingFixtures.awardWithRules(code, level, List.of(), VotingFixtures.voting(50, 50, true, "ALL_MEMBERS", true));
    }

    /** The same, paying {@code cashMultiple} × the base salary (no cash when null). */
    public static String award(String code, String level, String cashMultiple) {
        return VotingFixtures.awardWithRules(code, level, List.of(), VotingFixtures.voting(50, 50, true, "ALL_MEMBERS", true), cashMultiple);
    }

    /** A new proposal of the unit for the award in the cluster-year, put forward by the Board: DRAFT. */
    public static long draft(String unit, String award, long clusterId) {
        return given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("unitCode", unit, "awardTypeCode", award, "clusterId", clusterId))
                .post(PROPOSALS).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The same, with its achievement report, submitted and appraised: APPRAISED, awaiting a provincial decision. */
    public static long appraised(String unit, String award, long clusterId) {
        long id = draft(unit, award, clusterId);
        given().auth().oauth2(BOARD).contentType("application/pdf").header("X-File-Name", "bao-cao-thanh-tich.pdf").body(REPORT)
                .put(PROPOSALS + "/" + id + "/files/achievement-report").then().statusCode(201);
        for (String step : List.of("submit", "appraisal", "appraise")) {
            step(BOARD, id, step, null).then().statusCode(200);
        }
        return id;
    }

    /** The same, forwarded to the Prime Minister's office (a state-level award): FORWARDED. */
    public static long forwarded(String unit, String award, long clusterId) {
        long id = appraised(unit, award, clusterId);
        step(BOARD, id, "forward", null).then().statusCode(200);
        return id;
    }

    public static Response step(String token, long id, String step, Map<String, Object> body) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.post(PROPOSALS + "/" + id + "/" + step);
    }

    public static String status(long id) {
        return given().auth().oauth2(BOARD).get(PROPOSALS + "/" + id).then().statusCode(200).extract().path("status");
    }
}
