package vn.thidua.awards.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.awards.vote.VotingFixtures;
import vn.thidua.devstack.portal.FakePortalClient;
import vn.thidua.devstack.testing.FakePortalResource;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;
import vn.thidua.platform.clusters.ClusterDirectory;

/**
 * Proposals delivered to a portal over real HTTP (the devstack's FakePortal on a free port), with
 * the portal well, down, slow, losing its answers or refusing; backoff shortened so each test
 * takes seconds.
 */
@QuarkusTest
@TestProfile(PortalDeliveryIT.WithFakePortal.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "awards"))
class PortalDeliveryIT {
    static final String PROPOSALS = "/api/awards/proposals";
    static final String DELIVERIES = "/api/awards/portal/deliveries";
    static final String BOARD = VotingFixtures.BOARD;
    static final String VIEWER = TestTokens.user("viewer", "viewer");
    static final String PORTAL = TestTokens.user("portal-demo", "portal");
    static final byte[] REPORT = vn.thidua.devstack.testing.TestFiles.pdf("Báo cáo thành tích năm 2019 — Hội Khuyến học");
    static final Duration BOUND = Duration.ofSeconds(30);

    /** The fake portal, and waits short enough that several failures pass in about a second. */
    public static class WithFakePortal implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "thidua.portal.poll-interval", "200ms",
                    "thidua.portal.backoff.initial", "100ms",
                    "thidua.portal.backoff.max", "400ms",
                    "thidua.portal.connect-timeout", "1s",
                    "thidua.portal.request-timeout", "3s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakePortalResource.class));
        }
    }

    @Inject
    ClusterDirectory directory;

    @Inject
    DeliveryStore store;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "thidua.portal.url")
    String portalUrl;

    @ConfigProperty(name = "thidua.portal.signing-secret")
    String secret;

    private final ObjectMapper json = new ObjectMapper();
    private FakePortalClient portal;
    private static int clusters;

    @BeforeEach
    void freshPortal() {
        portal = new FakePortalClient(portalUrl);
        portal.reset();
        // deliveries an earlier test left pending would otherwise take this test's scripted answers
        Awaitility.await().atMost(BOUND).until(() -> given().auth().oauth2(BOARD).queryParam("state", "PENDING").get(DELIVERIES)
                .then().statusCode(200).extract().jsonPath().getInt("total") == 0);
    }

    @AfterEach
    void wellAgain() {
        portal.reset();
    }

    @Test
    void aSubmittedProposalIsDeliveredOnceSignedWithEveryFileIntact() throws Exception {
        long id = submitted("TEST_PORTAL_TINH", "PROVINCIAL");
        JsonPath delivery = awaitState(id, 0, "DELIVERED");
        assertEquals(1, delivery.getInt("attempts"));
        assertEquals("SUBMITTED", delivery.getString("to"));
        assertEquals("DRAFT", delivery.getString("from"));
        String key = delivery.getString("idempotencyKey");

        // once: one request, one dossier taken, and nothing more comes
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> portal.requestsFor(key).size() == 1);
        JsonNode request = portal.requestsFor(key).get(0);
        assertEquals("ACCEPTED", request.get("outcome").asText());
        assertEquals("/dossiers", request.get("path").asText());
        assertTrue(request.get("signatureValid").asBoolean());
        assertEquals(1, accepted(key).size());
        assertEquals(accepted(key).get(0).get("reference").asText(), delivery.getString("portalReference"));

        // the signature as docs/portal.md says, checked here by hand too
        JsonNode headers = request.get("headers");
        String timestamp = headers.get("thidua-timestamp").asText();
        String body = request.get("body").asText();
        assertEquals(key, headers.get("idempotency-key").asText());
        assertEquals(delivery.getString("id"), headers.get("thidua-delivery-id").asText());
        assertTrue(headers.get("content-type").asText().startsWith("application/json"), headers.toString());
        assertEquals("v1=" + hmac(timestamp + "." + body), headers.get("thidua-signature").asText());

        // what it carries: the unit by its electronic code, the award, year, cluster, legal basis, status, and every file
        JsonNode dossier = json.readTree(body);
        assertEquals(List.of(), DossierSchema.mismatches(dossier), "docs/portal/dossier-v1.schema.json");
        assertEquals("thidua.portal.dossier.v1", dossier.get("schema").asText());
        assertEquals(key, dossier.get("idempotencyKey").asText());
        assertEquals("SUBMITTED", dossier.at("/transition/to").asText());
        assertEquals(id, dossier.at("/proposal/id").asLong());
        assertEquals(unitOf(id), dossier.at("/proposal/unit/electronicCode").asText());
        assertEquals("TEST_PORTAL_TINH", dossier.at("/proposal/award/code").asText());
        assertEquals("PROVINCIAL", dossier.at("/proposal/award/level").asText());
        assertEquals(2019, dossier.at("/proposal/year").asInt());
        assertTrue(dossier.at("/proposal/cluster/code").asText().startsWith("CUM-P"), dossier.at("/proposal/cluster").toString());
        assertEquals("Luật Thi đua, khen thưởng số 06/2022/QH15", dossier.at("/proposal/ruleSet/legalBasis").asText());
        assertEquals("2022-06-15", dossier.at("/proposal/ruleSet/legalBasisDate").asText());
        assertEquals("SUBMITTED", dossier.at("/proposal/status").asText());
        List<Map<String, Object>> listed = given().auth().oauth2(BOARD).get(PROPOSALS + "/" + id + "/files").then().statusCode(200)
                .extract().jsonPath().getList("");
        assertEquals(listed.size(), dossier.get("files").size());
        assertEquals(2, listed.size(), "the achievement report and the cover submission");
        for (JsonNode file : dossier.get("files")) {
            byte[] content = Base64.getDecoder().decode(file.get("contentBase64").asText());
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            assertEquals(file.get("sha256").asText(), sha256, file.get("name").asText());
            assertEquals(file.get("size").asLong(), content.length);
            assertTrue(listed.stream().anyMatch(f -> sha256.equals(f.get("sha256")) && f.get("id").equals(file.get("id").asInt())), sha256);
            if (file.get("kind").asText().equals("ACHIEVEMENT_REPORT")) {
                assertArrayEquals(REPORT, content);
            }
        }

        // who sees it: the proposal's readers, by proposal; everyone's list only for the Board, admins, viewers
        given().auth().oauth2(VotingFixtures.rep(unitOf(id))).queryParam("proposalId", id).get(DELIVERIES).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].state", equalTo("DELIVERED"));
        given().auth().oauth2(PORTAL).queryParam("proposalId", id).get(DELIVERIES).then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(VotingFixtures.rep("000.00.31.H56")).queryParam("proposalId", id).get(DELIVERIES).then().statusCode(404);
        given().auth().oauth2(VotingFixtures.rep(unitOf(id))).get(DELIVERIES).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(VIEWER).queryParam("state", "DELIVERED").get(DELIVERIES).then().statusCode(200);
        given().auth().oauth2(VIEWER).queryParam("state", "SENT").get(DELIVERIES).then().statusCode(400)
                .body("type", containsString("invalid-delivery-state"));
        given().auth().oauth2(BOARD).get(DELIVERIES + "/" + delivery.getLong("id")).then().statusCode(200).body("state", equalTo("DELIVERED"));
        given().auth().oauth2(BOARD).get(DELIVERIES + "/999999999").then().statusCode(404);
        given().get(DELIVERIES).then().statusCode(401);
        given().get("/q/metrics").then().statusCode(200).body(containsString("thidua_portal_attempts_total{outcome=\"delivered\""));
        // a delivered one is not sent again
        given().auth().oauth2(BOARD).post(DELIVERIES + "/" + delivery.getLong("id") + "/retry").then().statusCode(409)
                .body("type", containsString("delivery-delivered"));
    }

    @Test
    void thePortalDownForAWhileGetsItOnceAfterItComesBack() {
        portal.down();
        long id = submitted("TEST_PORTAL_TINH", "PROVINCIAL");
        // several attempts fail, each shown with its reason, and the delivery waits
        Awaitility.await().atMost(BOUND).until(() -> attempts(id) >= 4);
        JsonPath waiting = deliveries(id).setRootPath("items[0]");
        assertEquals("PENDING", waiting.getString("state"));
        assertEquals(503, waiting.getInt("lastStatus"));
        assertTrue(waiting.getString("lastError").startsWith("HTTP 503"), waiting.getString("lastError"));
        String key = waiting.getString("idempotencyKey");
        assertEquals(0, accepted(key).size());

        portal.up();
        JsonPath delivered = awaitState(id, 0, "DELIVERED");
        List<JsonNode> requests = portal.requestsFor(key);
        assertTrue(requests.size() >= 5, requests.toString());
        assertEquals(requests.size(), delivered.getInt("attempts"));
        assertEquals("ACCEPTED", requests.get(requests.size() - 1).get("outcome").asText());
        assertTrue(requests.subList(0, requests.size() - 1).stream().allMatch(r -> r.get("outcome").asText().equals("FAILED_ON_PURPOSE")));
        assertEquals(1, accepted(key).size());
        // every attempt signed afresh, the body the same each time
        assertEquals(1, requests.stream().map(r -> r.get("body").asText()).distinct().count());
        assertTrue(requests.stream().allMatch(r -> r.get("signatureValid").asBoolean()));
    }

    @Test
    void aSlowPortalIsWaitedFor() {
        portal.delay(Duration.ofMillis(1500));
        long id = submitted("TEST_PORTAL_TINH", "PROVINCIAL");
        JsonPath delivered = awaitState(id, 0, "DELIVERED");
        assertEquals(1, delivered.getInt("attempts"));
        assertEquals(1, portal.requestsFor(delivered.getString("idempotencyKey")).size());
    }

    @Test
    void anAnswerLostOnTheWayMeansASecondRequestButOneEffect() {
        portal.dropNextAnswers(1);
        long id = submitted("TEST_PORTAL_TINH", "PROVINCIAL");
        JsonPath delivered = awaitState(id, 0, "DELIVERED");
        String key = delivered.getString("idempotencyKey");
        List<JsonNode> requests = portal.requestsFor(key);
        assertEquals(List.of("ANSWER_DROPPED", "DUPLICATE"), requests.stream().map(r -> r.get("outcome").asText()).toList());
        assertEquals(1, accepted(key).size());
        assertEquals(2, delivered.getInt("attempts"));
        assertEquals(409, delivered.getInt("lastStatus"));
        // the reference is the one the portal gave the first time
        assertEquals(accepted(key).get(0).get("reference").asText(), delivered.getString("portalReference"));
    }

    @Test
    void aStateLevelAwardForwardedGoesToThePortalAgainAsASecondDelivery() throws Exception {
        long id = submitted("TEST_PORTAL_CP", "STATE");
        awaitState(id, 0, "DELIVERED");
        for (String step : List.of("appraisal", "appraise", "forward")) {
            given().auth().oauth2(BOARD).post(PROPOSALS + "/" + id + "/" + step).then().statusCode(200);
        }
        JsonPath second = awaitState(id, 1, "DELIVERED");
        assertEquals("APPRAISED", second.getString("from"));
        assertEquals("FORWARDED", second.getString("to"));
        JsonPath both = deliveries(id);
        assertEquals(2, both.getInt("total"));
        String first = both.getString("items[0].idempotencyKey");
        assertNotEquals(first, second.getString("idempotencyKey"));
        assertEquals(1, accepted(first).size());
        assertEquals(1, accepted(second.getString("idempotencyKey")).size());
        JsonNode forwarded = json.readTree(accepted(second.getString("idempotencyKey")).get(0).get("body").asText());
        assertEquals("FORWARDED", forwarded.at("/proposal/status").asText());
        assertEquals("STATE", forwarded.at("/proposal/award/level").asText());
        assertEquals(2, forwarded.get("files").size());
    }

    @Test
    void theSubmitSucceedsAtOnceWhileThePortalIsDownOrHangs() {
        // the portal takes longer than the client waits, then fails
        portal.down();
        portal.delay(Duration.ofSeconds(4));
        long begin = System.nanoTime();
        long id = submitted("TEST_PORTAL_TINH", "PROVINCIAL");
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        assertTrue(took.compareTo(Duration.ofSeconds(4)) < 0, "create, upload and submit took " + took);
        given().auth().oauth2(BOARD).get(PROPOSALS + "/" + id).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        Awaitility.await().atMost(BOUND).until(() -> attempts(id) >= 1 && deliveries(id).getString("items[0].lastError") != null);
        JsonPath waiting = deliveries(id).setRootPath("items[0]");
        assertEquals("PENDING", waiting.getString("state"));
        assertTrue(waiting.getString("lastError").startsWith("no answer"), waiting.getString("lastError"));

        portal.delay(Duration.ZERO);
        portal.up();
        JsonPath delivered = awaitState(id, 0, "DELIVERED");
        assertEquals(1, accepted(delivered.getString("idempotencyKey")).size());
    }

    @Test
    void aRefusalFailsVisiblyUntilTheBoardRetries() {
        portal.failNext(1, 422);
        long id = submitted("TEST_PORTAL_TINH", "PROVINCIAL");
        JsonPath failed = awaitState(id, 0, "FAILED");
        assertEquals(422, failed.getInt("lastStatus"));
        assertTrue(failed.getString("lastError").startsWith("HTTP 422"), failed.getString("lastError"));
        String key = failed.getString("idempotencyKey");
        long deliveryId = failed.getLong("id");
        // it is not retried by itself
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> portal.requestsFor(key).size() == 1);
        given().auth().oauth2(BOARD).queryParam("state", "FAILED").get(DELIVERIES).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem((int) deliveryId));

        given().auth().oauth2(VIEWER).post(DELIVERIES + "/" + deliveryId + "/retry").then().statusCode(403);
        given().auth().oauth2(PORTAL).post(DELIVERIES + "/" + deliveryId + "/retry").then().statusCode(403);
        given().auth().oauth2(BOARD).post(DELIVERIES + "/" + deliveryId + "/retry").then().statusCode(200)
                .body("retriedBy", equalTo("board-officer"));
        JsonPath delivered = awaitState(id, 0, "DELIVERED");
        assertEquals(key, delivered.getString("idempotencyKey"));
        assertEquals(1, accepted(key).size());
        assertEquals(2, portal.requestsFor(key).size());
    }

    @Test
    void replicasClaimWithoutWaitingOnEachOtherAndOneProposalsStepsGoInOrder() throws Exception {
        long id = submitted("TEST_PORTAL_CP", "STATE");
        awaitState(id, 0, "DELIVERED");
        // three more steps of that proposal, due only at a time of this test's choosing (the live deliverer leaves them)
        Instant due = Instant.now().plus(Duration.ofDays(1));
        List<Long> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (int i = 0; i < 3; i++) {
                rows.add(pendingCopy(connection, id, due));
            }
        }
        Duration lease = Duration.ofMinutes(1);
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(400));
        try (Connection otherReplica = dataSource.getConnection()) {
            otherReplica.setAutoCommit(false);
            try (Statement hold = otherReplica.createStatement()) {
                hold.execute("SELECT id FROM portal_delivery WHERE id = " + rows.get(0) + " FOR UPDATE");
            }
            long begin = System.nanoTime();
            // the held row is skipped, not waited for; the later steps wait for it, so nothing is claimed
            assertEquals(List.of(), ids(store.claimDue(due, 10, lease)));
            assertTrue(Duration.ofNanos(System.nanoTime() - begin).compareTo(Duration.ofSeconds(2)) < 0);
            otherReplica.rollback();
        }
        List<DeliveryStore.Claim> first = store.claimDue(due, 10, lease);
        assertEquals(List.of(rows.get(0)), ids(first));
        assertEquals(1, first.get(0).attempt());
        // leased: nobody else takes it meanwhile
        assertEquals(List.of(), ids(store.claimDue(due.plusSeconds(30), 10, lease)));
        // the lease ran out (the claimant died, say): another replica takes it over, and only its outcome counts
        Instant later = due.plus(lease).plusSeconds(1);
        List<DeliveryStore.Claim> takenOver = store.claimDue(later, 10, lease);
        assertEquals(List.of(rows.get(0)), ids(takenOver));
        assertEquals(2, takenOver.get(0).attempt());
        assertEquals(null, store.record(first.get(0), new PortalAnswer(503, "", null, null), later, backoff));
        assertEquals(DeliveryState.DELIVERED,
                store.record(takenOver.get(0), new PortalAnswer(409, "{\"reference\":\"HS-TAKEN-OVER\"}", null, null), later, backoff));
        // now the proposal's next step is due
        assertEquals(List.of(rows.get(1)), ids(store.claimDue(later, 10, lease)));
        given().auth().oauth2(BOARD).get(DELIVERIES + "/" + rows.get(0)).then().statusCode(200)
                .body("state", equalTo("DELIVERED")).body("portalReference", equalTo("HS-TAKEN-OVER")).body("attempts", equalTo(2));
        try (Connection connection = dataSource.getConnection(); Statement done = connection.createStatement()) {
            done.executeUpdate("UPDATE portal_delivery SET state = 'FAILED', claim = NULL, last_error = 'test over' WHERE proposal_id = " + id
                    + " AND state = 'PENDING'");
        }
    }

    // ---- fixtures ----

    /** Another delivery like the proposal's first, for a step of its own, PENDING and due at {@code due}. */
    private static long pendingCopy(Connection connection, long proposal, Instant due) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("""
                WITH step AS (INSERT INTO proposal_transition (proposal_id, from_status, to_status, actor, at)
                              VALUES (?, 'APPRAISED', 'FORWARDED', 'test', now()) RETURNING id)
                INSERT INTO portal_delivery (proposal_id, transition_id, from_status, to_status, moved_at, idempotency_key, proposal, files,
                                             state, attempts, next_attempt_at, created_at)
                SELECT d.proposal_id, step.id, 'APPRAISED', 'FORWARDED', now(), gen_random_uuid(), d.proposal, d.files, 'PENDING', 0, ?, now()
                FROM portal_delivery d, step WHERE d.proposal_id = ? ORDER BY d.id LIMIT 1
                RETURNING id""")) {
            insert.setLong(1, proposal);
            insert.setTimestamp(2, Timestamp.from(due));
            insert.setLong(3, proposal);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static List<Long> ids(List<DeliveryStore.Claim> claims) {
        return claims.stream().map(DeliveryStore.Claim::id).toList();
    }

    /** A unit of a cluster-year of its own proposed for the award (no eligibility rules), its report uploaded, submitted by the Board. */
    @Test
    void aDossierOfSeveralLargeFilesIsStreamedWholeAndItsNamesAreBaseNames() throws Exception {
        VotingFixtures.awardWithRules("TEST_PORTAL_LON", "PROVINCIAL", List.of(), VotingFixtures.voting(50, 50, true, "ALL_MEMBERS", true));
        int n = ++clusters;
        long clusterId = 977_000 + n;
        String unit = String.format("077.%02d.01.H56", n);
        VotingFixtures.cluster(directory, clusterId, "CUM-P" + n, 2019, List.of(unit, String.format("077.%02d.02.H56", n)));
        long id = given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("unitCode", unit, "awardTypeCode", "TEST_PORTAL_LON", "clusterId", clusterId))
                .post(PROPOSALS).then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(BOARD).contentType("application/pdf").header("X-File-Name", "../../../../p2.pdf").body(REPORT)
                .put(PROPOSALS + "/" + id + "/files/achievement-report").then().statusCode(201).body("fileName", equalTo("p2.pdf"));
        List<String> sha256s = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] large = vn.thidua.devstack.testing.TestFiles.pdfOfSize("phụ lục " + i, 3 * 1024 * 1024 + i);
            sha256s.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(large)));
            given().auth().oauth2(BOARD).contentType("application/pdf").header("X-File-Name", "..\\phu-luc-" + i + ".pdf").body(large)
                    .post(PROPOSALS + "/" + id + "/files").then().statusCode(201).body("fileName", equalTo("phu-luc-" + i + ".pdf"));
        }
        given().auth().oauth2(BOARD).post(PROPOSALS + "/" + id + "/submit").then().statusCode(200);
        String key = awaitState(id, 0, "DELIVERED").getString("idempotencyKey");
        JsonNode request = portal.requestsFor(key).get(0);
        assertTrue(request.get("signatureValid").asBoolean());
        JsonNode dossier = json.readTree(request.get("body").asText());
        assertEquals(5, dossier.get("files").size(), "report, three attachments, cover submission");
        List<String> delivered = new ArrayList<>();
        for (JsonNode file : dossier.get("files")) {
            byte[] content = Base64.getDecoder().decode(file.get("contentBase64").asText());
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            assertEquals(file.get("sha256").asText(), sha256);
            assertTrue(!file.get("name").asText().contains("/") && !file.get("name").asText().contains("\\"), file.get("name").asText());
            delivered.add(sha256);
        }
        assertTrue(delivered.containsAll(sha256s));
        assertTrue(dossier.toString().contains("\"name\":\"p2.pdf\""));
    }

    private long submitted(String award, String level) {
        VotingFixtures.awardWithRules(award, level, List.of(), VotingFixtures.voting(50, 50, true, "ALL_MEMBERS", true));
        int n = ++clusters;
        long clusterId = 977_000 + n;
        String unit = String.format("077.%02d.01.H56", n);
        VotingFixtures.cluster(directory, clusterId, "CUM-P" + n, 2019, List.of(unit, String.format("077.%02d.02.H56", n)));
        long id = given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("unitCode", unit, "awardTypeCode", award, "clusterId", clusterId))
                .post(PROPOSALS).then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(BOARD).contentType("application/pdf").header("X-File-Name", "bao-cao-thanh-tich.pdf").body(REPORT)
                .put(PROPOSALS + "/" + id + "/files/achievement-report").then().statusCode(201);
        given().auth().oauth2(BOARD).post(PROPOSALS + "/" + id + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        return id;
    }

    private static String unitOf(long proposal) {
        return given().auth().oauth2(BOARD).get(PROPOSALS + "/" + proposal).then().extract().path("unitCode");
    }

    private static JsonPath deliveries(long proposal) {
        return given().auth().oauth2(BOARD).queryParam("proposalId", proposal).get(DELIVERIES).then().statusCode(200).extract().jsonPath();
    }

    private static int attempts(long proposal) {
        JsonPath found = deliveries(proposal);
        return found.getInt("total") == 0 ? 0 : found.getInt("items[0].attempts");
    }

    /** Waits until the proposal's delivery number {@code index} (oldest first) is in that state, and returns it. */
    private static JsonPath awaitState(long proposal, int index, String state) {
        Awaitility.await().atMost(BOUND).until(() -> {
            JsonPath found = deliveries(proposal);
            return found.getInt("total") > index && state.equals(found.getString("items[" + index + "].state"));
        });
        return deliveries(proposal).setRootPath("items[" + index + "]");
    }

    private List<JsonNode> accepted(String key) {
        return portal.accepted().stream().filter(a -> a.get("idempotencyKey").asText().equals(key)).toList();
    }

    private String hmac(String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
