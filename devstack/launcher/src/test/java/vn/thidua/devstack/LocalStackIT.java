package vn.thidua.devstack;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.portal.FakePortal;
import vn.thidua.devstack.testing.PrometheusText;
import vn.thidua.devstack.testing.KafkaTestClient;
import vn.thidua.devstack.testing.NodeProject;

/**
 * The whole system as `./thidua up` runs it (real PostgreSQL, real Kafka, four JVMs), driven
 * through the gateway only, except where a test checks that a service guards itself.
 */
class LocalStackIT {
    private static final String TOPIC = "thidua.units.v1";
    private static LocalStack stack;
    private static String gateway;
    /** The stack exports its traces here, as to an operator's collector. */
    private static OtlpCollector collector;

    @BeforeAll
    static void startTheStack() throws IOException {
        Path root = Path.of(System.getProperty("thidua.root", "../..")).toAbsolutePath().normalize();
        // awards-service retries the portal after 1 s (not 10 s) and looks for due deliveries every 250 ms (not 5 s), so that the
        // portal-down test waits seconds, not half a minute; the services take the JVM options as system properties, and only
        // awards-service reads thidua.portal.*
        collector = OtlpCollector.start();
        List<String> options = new ArrayList<>(List.of("-Dthidua.portal.backoff.initial=1s", "-Dthidua.portal.poll-interval=250ms"));
        options.addAll(collector.exporterOptions());
        // logs as in production: one JSON object per line, with the trace's ids
        options.add("-Dquarkus.log.console.json.enabled=true");
        stack = LocalStack.startPrivate(root, "e2e", options);
        gateway = stack.gatewayUrl();
        Main.loadDemoData(new GatewayClient(gateway), stack.fakePortal());
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    void aUnitRegisteredThroughTheGatewayReachesBothReadModels() {
        String board = token("board");
        given().baseUri(gateway).auth().oauth2(board).contentType(ContentType.JSON)
                .body(Map.of("code", "000.00.52.H56", "name", "Hội Luật gia tỉnh Thanh Hóa"))
                .when().post("/api/units")
                .then().statusCode(201).body("code", equalTo("000.00.52.H56"));

        given().baseUri(gateway).auth().oauth2(token("admin"))
                .when().get("/api/units/000.00.52.H56")
                .then().statusCode(200).body("name", equalTo("Hội Luật gia tỉnh Thanh Hóa"));
        for (String readModel : List.of("/api/scoring/units/", "/api/awards/units/")) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().baseUri(gateway).auth().oauth2(board).when().get(readModel + "000.00.52.H56")
                            .then().statusCode(200).body("name", equalTo("Hội Luật gia tỉnh Thanh Hóa")));
        }
    }

    /**
     * One request's trace, as an operator's collector receives it: the gateway's span, units-service's,
     * the outbox relay's send to Kafka and both consumers' handling, all under the trace id the client
     * sent. The context crosses Kafka inside the CloudEvent, so a consumer's span is a child of a span of
     * the request that wrote the event.
     */
    @Test
    void oneRequestsTraceReachesTheConsumersWithTheSameTraceId() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        given().baseUri(gateway).auth().oauth2(token("board")).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                .body(Map.of("code", "000.09.61.H56", "name", "Hội Cựu Thanh niên xung phong tỉnh Thanh Hóa"))
                .when().post("/api/units")
                .then().log().ifValidationFails().statusCode(201);

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            List<OtlpCollector.ReceivedSpan> spans = collector.trace(traceId);
            Set<String> services = spans.stream().map(OtlpCollector.ReceivedSpan::service).collect(Collectors.toSet());
            assertTrue(services.containsAll(List.of("gateway", "units-service", "scoring-service", "awards-service")),
                    "services in the trace: " + spans);
            assertTrue(spans.stream().anyMatch(span -> span.service().equals("units-service")
                    && span.name().equals("publish thidua.units.v1") && span.kind().equals("SPAN_KIND_PRODUCER")), spans.toString());
            Set<String> spanIds = spans.stream().map(OtlpCollector.ReceivedSpan::spanId).collect(Collectors.toSet());
            Set<String> gatewayCalls = spans.stream().filter(span -> span.service().equals("gateway") && span.kind().equals("SPAN_KIND_CLIENT"))
                    .map(OtlpCollector.ReceivedSpan::spanId).collect(Collectors.toSet());
            assertTrue(spans.stream().anyMatch(span -> span.service().equals("units-service") && span.kind().equals("SPAN_KIND_SERVER")
                    && gatewayCalls.contains(span.parentSpanId())), "units-service's span hangs from the gateway's call to it: " + spans);
            for (String consumer : List.of("scoring-service", "awards-service")) {
                OtlpCollector.ReceivedSpan processing = spans.stream()
                        .filter(span -> span.service().equals(consumer) && span.name().equals("process units")).findFirst()
                        .orElseThrow(() -> new AssertionError(consumer + " handled no event in the trace: " + spans));
                assertEquals("SPAN_KIND_CONSUMER", processing.kind());
                assertTrue(spanIds.contains(processing.parentSpanId()), consumer + "'s span hangs from a span of the trace: " + spans);
            }
        });
        collector.trace(traceId).forEach(span -> System.out.printf("TRACE %s %s %-16s %-22s %s <- %s%n", span.traceId(),
                span.spanId(), span.service(), span.kind(), span.name(), span.parentSpanId()));
        // and the gateway's access log line for the request carries the trace id, for finding the trace from a log
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertTrue(
                Files.readString(stack.service("gateway").log()).contains("\"traceId\":\"" + traceId + "\""),
                "no JSON log line of the gateway's carries the trace id " + traceId));
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    @Test
    void theSeedStoryIsLoaded() {
        String ldld = token("ldld");
        given().baseUri(gateway).auth().oauth2(ldld).queryParam("year", 2016).when().get("/api/clusters")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].code", equalTo("CUM-07"));
        Object id = given().baseUri(gateway).auth().oauth2(token("board")).queryParam("year", 2016).when().get("/api/clusters")
                .then().extract().path("items.find { it.code == 'CUM-07' }.id");
        given().baseUri(gateway).auth().oauth2(ldld).when().get("/api/clusters/" + id)
                .then().statusCode(200)
                .body("members", hasSize(6))
                .body("leader.code", equalTo("000.00.32.H56"));
        given().baseUri(gateway).auth().oauth2(token("board")).queryParam("year", 2023).when().get("/api/clusters")
                .then().statusCode(200).body("items[0].code", equalTo("CUM-07"));
        given().baseUri(gateway).auth().oauth2(ldld).when().get("/api/units/000.00.32.H56")
                .then().statusCode(200).body("name", equalTo("Liên đoàn Lao động tỉnh Thanh Hóa"));
        given().baseUri(gateway).auth().oauth2(ldld).when().get("/api/units/000.00.33.H56").then().statusCode(403);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(gateway).auth().oauth2(token("board")).when().get("/api/awards/units/000.00.38.H56")
                        .then().statusCode(200).body("name", equalTo("Hội Chữ thập đỏ tỉnh Thanh Hóa")));

        // scored through the gateway by the six units and the Board: the Labour Federation leads
        Object setId = given().baseUri(gateway).auth().oauth2(ldld).queryParam("clusterId", id).when().get("/api/scoring/criteria-sets")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].status", equalTo("CLOSED")).extract().path("[0].id");
        given().baseUri(gateway).auth().oauth2(ldld).when().get("/api/scoring/criteria-sets/" + setId + "/ranking")
                .then().statusCode(200)
                .body("finalized", equalTo(true))
                .body("units[0].unitCode", equalTo("000.00.32.H56"))
                .body("units[0].total", equalTo(95.0f))
                .body("units", hasSize(6));
        // the year behind the scores: registrations with the provincial flag, and I.1 computed from the reports
        given().baseUri(gateway).auth().oauth2(token("board")).queryParam("year", 2016).queryParam("clusterId", id)
                .when().get("/api/scoring/registrations")
                .then().statusCode(200).body("$", hasSize(6)).body("[0].titles[0]", equalTo("CO_THI_DUA_TINH"))
                .body("find { it.unitCode == '000.00.36.H56' }.targets[0].yearend.attainment", equalTo(0.75f));
        given().baseUri(gateway).auth().oauth2(token("board")).when().get("/api/scoring/criteria-sets/" + setId + "/sheets/audit")
                .then().statusCode(200).body("findAll { it.action == 'COMPUTED' }.size()", equalTo(12));
        given().baseUri(gateway).auth().oauth2(ldld).queryParam("year", 2016).queryParam("clusterId", id)
                .when().get("/api/scoring/movements")
                .then().statusCode(200).body("$", hasSize(1))
                .body("[0].name", equalTo("Thi đua yêu nước, trọng tâm xây dựng nông thôn mới gắn với văn minh đô thị"));
        given().baseUri(gateway).auth().oauth2(token("board")).queryParam("year", 2016).queryParam("clusterId", id)
                .when().get("/api/scoring/models/replicated")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].unitCode", equalTo("000.00.34.H56"))
                .body("[0].adopters[0].unitCode", equalTo("000.00.33.H56"));
        String finalized = new KafkaTestClient(stack.kafkaBootstrapServers()).awaitRecord("thidua.scoring.results.v1",
                r -> id.toString().equals(r.key()), Duration.ofSeconds(30)).value();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(gateway).auth().oauth2(token("board")).when().get("/api/awards/rankings/" + id)
                        .then().statusCode(200).body("ranking[0].unitCode", equalTo("000.00.32.H56")).body("year", equalTo(2016)));
        assertTrue(finalized.contains("\"unitCode\":\"000.00.32.H56\""), finalized);
    }

    @Test
    void theClusterVotesAndTheLeadershipItElectedLeads2017() {
        String board = token("board");
        Object id = given().baseUri(gateway).auth().oauth2(board).queryParam("year", 2016).when().get("/api/clusters")
                .then().statusCode(200).extract().path("items.find { it.code == 'CUM-07' }.id");
        // the catalogue the votes rest on
        given().baseUri(gateway).auth().oauth2(token("ldld")).when().get("/api/awards/award-types")
                .then().statusCode(200).body("code", hasItems("CO_THI_DUA_CHINH_PHU", "CO_THI_DUA_TINH", "TAP_THE_LAO_DONG_XUAT_SAC",
                        "TAP_THE_LAO_DONG_TIEN_TIEN", "BANG_KHEN_TINH"));
        given().baseUri(gateway).auth().oauth2(board).when().get("/api/awards/award-types/CO_THI_DUA_CHINH_PHU/rule-sets/in-force")
                .then().statusCode(200).body("legalBasis", containsString("Nghị định 152/2025/NĐ-CP"))
                .body("eligibility.find { it.kind == 'QUOTA_PERCENT_OF_CLUSTER_LEADERS' }.params.percent", equalTo(20))
                .body("eligibility.find { it.kind == 'QUOTA_PERCENT_OF_CLUSTER_LEADERS' }.citation", containsString("5007/BNV-TĐKT"))
                .body("eligibility.find { it.kind == 'NO_PENDING_PROCEEDINGS' }.tag", equalTo("V2"))
                .body("provincialChoices", hasItem("voting.thresholdPercent"));

        // the three sessions, published, as a member unit reads them
        String hoinongdan = token("hoinongdan");
        String path = "/api/awards/voting-sessions";
        given().baseUri(gateway).auth().oauth2(hoinongdan).queryParam("year", 2016).queryParam("clusterId", id).when().get(path)
                .then().statusCode(200).body("$", hasSize(3)).body("status", everyItem(equalTo("PUBLISHED")))
                .body("result.outcome", everyItem(equalTo("DECIDED")))
                .body("result.ballotsCast", everyItem(equalTo(6)))
                // entered today, held at the 2016 conference: judged under the law of 2016, not today's
                .body("heldOn", everyItem(equalTo(SeedStoryVoting.HELD_ON)))
                .body("ruleSetChosenBecause.legalBasis", everyItem(containsString("Nghị định 42/2010/NĐ-CP")));
        String provincialFlag = given().baseUri(gateway).auth().oauth2(hoinongdan).queryParam("year", 2016).queryParam("clusterId", id)
                .when().get(path)
                .then()
                .body("find { it.awardTypeCode == 'CO_THI_DUA_TINH' }.candidates.unitCode",
                        contains("000.00.32.H56", "000.00.31.H56", "000.00.33.H56"))
                .body("find { it.awardTypeCode == 'CO_THI_DUA_TINH' }.result.contests[0].elected", contains("000.00.32.H56"))
                .body("find { it.awardTypeCode == 'CO_THI_DUA_TINH' }.result.contests[0].candidates[0].votesFor", equalTo(5))
                .body("find { it.awardTypeCode == 'CO_THI_DUA_CHINH_PHU' }.result.contests[0].elected", contains("000.00.32.H56"))
                .body("find { it.purpose == 'ELECT_LEADERSHIP' }.leadsYear", equalTo(2017))
                .body("find { it.purpose == 'ELECT_LEADERSHIP' }.result.contests.find { it.contest == 'LEADER' }.elected",
                        contains("000.00.33.H56"))
                .body("find { it.purpose == 'ELECT_LEADERSHIP' }.result.contests.find { it.contest == 'DEPUTY' }.elected",
                        contains("000.00.34.H56"))
                .extract().path("find { it.awardTypeCode == 'CO_THI_DUA_TINH' }.id");

        // the minutes of the provincial-flag vote
        byte[] minutes = given().baseUri(gateway).auth().oauth2(hoinongdan).when().get(path + "/" + provincialFlag + "/minutes")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertTrue(minutes.length > 4 && new String(minutes, 0, 4, StandardCharsets.ISO_8859_1).equals("%PDF"), "not a PDF");

        // units-service hears of the election through Kafka; the roll-over to 2017 carries it
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Object next = given().baseUri(gateway).auth().oauth2(board).queryParam("year", 2017).when().get("/api/clusters")
                    .then().statusCode(200).body("items.code", hasItem("CUM-07"))
                    .extract().path("items.find { it.code == 'CUM-07' }.id");
            given().baseUri(gateway).auth().oauth2(hoinongdan).when().get("/api/clusters/" + next)
                    .then().statusCode(200)
                    .body("rolledOverFrom", equalTo(((Number) id).intValue()))
                    .body("members", hasSize(6))
                    .body("leader.code", equalTo("000.00.33.H56"))
                    .body("deputy.code", equalTo("000.00.34.H56"))
                    .body("leadershipBasis", equalTo("ELECTED"));
        });
    }

    @Test
    void theDemosProvincialFlagIsDecidedAndItsDossierReachedThePortalSignedAndOnce() {
        String board = token("board");
        String portal = portalToken();
        String unit = SeedStoryVoting.LABOUR_FEDERATION;
        int id = given().baseUri(gateway).auth().oauth2(board).queryParam("year", 2016).queryParam("awardTypeCode", "CO_THI_DUA_TINH")
                .when().get("/api/awards/proposals")
                .then().statusCode(200).body("$", hasSize(1))
                .body("[0].unitCode", equalTo(unit))
                .body("[0].status", equalTo("DECIDED"))
                .body("[0].decisionNumber", equalTo(SeedStoryProposals.DECISION_NUMBER))
                .body("[0].decisionDate", equalTo(SeedStoryProposals.DECISION_DATE))
                .body("[0].decidingAuthority", equalTo(SeedStoryProposals.DECISION_AUTHORITY))
                .extract().path("[0].id");
        given().baseUri(gateway).auth().oauth2(portal).when().get("/api/awards/proposals/" + id + "/history")
                .then().statusCode(200).body("to", contains("DRAFT", "SUBMITTED", "UNDER_APPRAISAL", "APPRAISED", "COUNCIL_REVIEW",
                        "RECOMMENDED", "DECIDED"))
                .body("actor", hasItem("portal-demo"));

        // the dossier: the vote's minutes, the unit's report, the cover submission; each a PDF the portal downloads whole
        List<Map<String, Object>> files = given().baseUri(gateway).auth().oauth2(portal).when().get("/api/awards/proposals/" + id + "/files")
                .then().statusCode(200).body("kind", hasItems("COVER_SUBMISSION", "MINUTES", "ACHIEVEMENT_REPORT", "COUNCIL_MINUTES"))
                .body("find { it.kind == 'ACHIEVEMENT_REPORT' }.fileName", equalTo(SeedStoryProposals.REPORT_FILE))
                .extract().path("$");
        for (Map<String, Object> file : files) {
            byte[] pdf = given().baseUri(gateway).auth().oauth2(portal).when().get("/api/awards/proposals/" + id + "/files/" + file.get("id"))
                    .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
            assertTrue(pdf.length > 4 && new String(pdf, 0, 4, StandardCharsets.ISO_8859_1).equals("%PDF"), file + " is not a PDF");
            assertEquals(file.get("sha256"), sha256(pdf), file.toString());
        }

        // the ledger of the Labour Federation holds the flag, resting on that decision
        Object decision = given().baseUri(gateway).auth().oauth2(portal).queryParam("year", 2016).queryParam("awardTypeCode", "CO_THI_DUA_TINH")
                .when().get("/api/awards/decisions")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].number", equalTo(SeedStoryProposals.DECISION_NUMBER))
                .body("[0].units.proposalId", contains(id)).extract().path("[0].id");
        given().baseUri(gateway).auth().oauth2(token("ldld")).queryParam("unitCode", unit).when().get("/api/awards/ledger")
                .then().statusCode(200)
                .body("items.find { it.awardTypeCode == 'CO_THI_DUA_TINH' && it.year == 2016 }.decisionNumber",
                        equalTo(SeedStoryProposals.DECISION_NUMBER))
                .body("items.find { it.awardTypeCode == 'CO_THI_DUA_TINH' && it.year == 2016 }.decisionId", equalTo(decision))
                .body("items.find { it.awardTypeCode == 'CO_THI_DUA_TINH' && it.year == 2016 }.proposalId", equalTo(id))
                .body("items.find { it.awardTypeCode == 'CO_THI_DUA_TINH' && it.year == 2016 }.source", equalTo("DECISION"))
                .body("items.find { it.awardTypeCode == 'CO_THI_DUA_TINH' && it.year == 2016 }.revoked", equalTo(false))
                // the base salary of 20/01/2017 × the multiple of the 2016 rule set: 1,210,000 × 8.0
                .body("items.find { it.awardTypeCode == 'CO_THI_DUA_TINH' && it.year == 2016 }.cashAmount", equalTo(9_680_000));

        // one delivery, at the submission; the launcher's fake portal took it once, signature checked
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(gateway).auth().oauth2(portal).queryParam("proposalId", id).when().get("/api/awards/portal/deliveries")
                        .then().statusCode(200).body("total", equalTo(1))
                        .body("items[0].state", equalTo("DELIVERED")).body("items[0].to", equalTo("SUBMITTED"))
                        .body("items[0].files", equalTo(3)));
        String key = given().baseUri(gateway).auth().oauth2(portal).queryParam("proposalId", id).when().get("/api/awards/portal/deliveries")
                .then().extract().path("items[0].idempotencyKey");
        FakePortal fake = stack.fakePortal();
        List<FakePortal.Received> taken = fake.requestsFor(key).stream()
                .filter(r -> r.outcome() == FakePortal.Outcome.ACCEPTED && r.signatureValid()).toList();
        assertEquals(1, taken.size(), fake.requestsFor(key).toString());
        assertEquals(1, fake.accepted().stream().filter(a -> a.idempotencyKey().equals(key)).count());
        assertTrue(fake.requestsFor(key).stream().allMatch(FakePortal.Received::signatureValid), fake.requestsFor(key).toString());
        String body = taken.get(0).body();
        assertTrue(body.contains("\"electronicCode\":\"" + unit + "\"") && body.contains("\"code\":\"CO_THI_DUA_TINH\"")
                && body.contains("\"kind\":\"ACHIEVEMENT_REPORT\""), body);
    }

    @Test
    void theCatalogueTellsTheLegalHistoryOfEachAward() {
        String board = token("board");
        given().baseUri(gateway).auth().oauth2(token("hoiphunu")).when().get("/api/awards/award-types/TAP_THE_LAO_DONG_XUAT_SAC/rule-sets")
                .then().statusCode(200).body("$", hasSize(4))
                .body("effectiveFrom", contains("2014-08-15", "2017-10-01", "2024-01-01", "2025-07-01"))
                .body("[0].legalBasis", containsString("Nghị định 42/2010/NĐ-CP"))
                .body("[0].effectiveTo", equalTo("2017-09-30"))
                .body("[0].legalBasisTag", equalTo("M"))
                .body("[1].legalBasis", containsString("Nghị định 91/2017/NĐ-CP"))
                // Decree 98's, entered open-ended, ended by the Board when Decree 152 took over
                .body("[2].legalBasis", containsString("Nghị định 98/2023/NĐ-CP"))
                .body("[2].effectiveTo", equalTo("2025-06-30"))
                .body("[2].endReason", equalTo(DemoCatalogue.DECREE_98.endReason()))
                .body("[2].endedBy", notNullValue())
                .body("[3].legalBasis", containsString("Nghị định 152/2025/NĐ-CP"))
                .body("[3].effectiveTo", nullValue())
                .body("[3].legalBasisTag", equalTo("V2"))
                .body("[3].transition", equalTo("DOSSIER_RECEIVED_ON"))
                .body("[3].transitionTag", equalTo("?"))
                .body("[3].cashMultiple", equalTo(1.5f))
                .body("[3].cashTag", equalTo("V2"))
                .body("[3].eligibility.find { it.params?.measure == 'ADVANCED_LABOUR' }.params.atLeastPercent", equalTo(70))
                .body("[3].eligibility.find { it.kind == 'ATTESTED' }.params.key", equalTo("DOAN_KET"));
        // the provincial certificate had no sourced cash multiple before Decree 152
        given().baseUri(gateway).auth().oauth2(board).when().get("/api/awards/award-types/BANG_KHEN_TINH/rule-sets")
                .then().statusCode(200).body("$", hasSize(4)).body("cashMultiple", contains(nullValue(), nullValue(), nullValue(), equalTo((Object) 3.0f)));
        given().baseUri(gateway).auth().oauth2(board).when().get("/api/awards/base-salaries")
                .then().statusCode(200).body("$", hasSize(DemoCatalogue.BASE_SALARIES.size()))
                .body("find { it.effectiveFrom == '2016-05-01' }.amount", equalTo(1_210_000))
                .body("find { it.effectiveFrom == '2026-07-01' }.amount", equalTo(2_530_000))
                .body("find { it.effectiveFrom == '2026-07-01' }.tag", equalTo("V2"));
    }

    @Test
    void the2025ReviewIsJudgedAndPaidUnderDecree152() {
        String board = token("board");
        int decree152 = given().baseUri(gateway).auth().oauth2(board).when().get("/api/awards/award-types/TAP_THE_LAO_DONG_XUAT_SAC/rule-sets")
                .then().statusCode(200).extract().path("find { it.legalBasis.contains('152/2025') }.id");
        String proposals = "/api/awards/proposals";
        given().baseUri(gateway).auth().oauth2(board).queryParam("year", 2025).queryParam("awardTypeCode", "TAP_THE_LAO_DONG_XUAT_SAC")
                .when().get(proposals)
                .then().statusCode(200).body("$", hasSize(2))
                .body("receivedOn", everyItem(equalTo(Review2025.RECEIVED_ON)))
                .body("ruleSetId", everyItem(equalTo(decree152)))
                .body("find { it.unitCode == '" + Review2025.WOMENS_UNION + "' }.status", equalTo("DECIDED"))
                .body("find { it.unitCode == '" + Review2025.WOMENS_UNION + "' }.decisionNumber", equalTo(Review2025.DECISION_NUMBER))
                .body("find { it.unitCode == '" + Review2025.YOUTH_UNION + "' }.status", equalTo("DRAFT"));

        // the Women's Union: 1.5 × the base salary of 15/07/2026 (2,530,000) = 3,795,000, rounded up to 3,800,000
        given().baseUri(gateway).auth().oauth2(token("hoiphunu")).queryParam("unitCode", Review2025.WOMENS_UNION).queryParam("year", 2025)
                .when().get("/api/awards/ledger")
                .then().statusCode(200)
                .body("items.find { it.awardTypeCode == 'TAP_THE_LAO_DONG_XUAT_SAC' }.decisionNumber", equalTo(Review2025.DECISION_NUMBER))
                .body("items.find { it.awardTypeCode == 'TAP_THE_LAO_DONG_XUAT_SAC' }.cashAmount", equalTo(3_800_000))
                .body("items.find { it.awardTypeCode == 'TAP_THE_LAO_DONG_XUAT_SAC' }.ruleSetId", equalTo(decree152));
        int decision = given().baseUri(gateway).auth().oauth2(board).queryParam("year", 2025).queryParam("awardTypeCode", "TAP_THE_LAO_DONG_XUAT_SAC")
                .when().get("/api/awards/decisions")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].units[0].baseSalary", equalTo(2_530_000))
                .body("[0].totalCash", equalTo(3_800_000)).extract().path("[0].id");
        String payments = given().baseUri(gateway).auth().oauth2(board).queryParam("format", "csv")
                .when().get("/api/awards/decisions/" + decision + "/payments")
                .then().statusCode(200).extract().asString();
        assertTrue(payments.contains("Số tiền (đồng)") && payments.contains("3800000") && payments.contains(Review2025.WOMENS_UNION), payments);

        // the Youth Union: 27 of 40 members hold "Lao động tiên tiến", under 70 %: a draft, and its eligibility says why
        int youth = given().baseUri(gateway).auth().oauth2(board).queryParam("year", 2025).queryParam("awardTypeCode", "TAP_THE_LAO_DONG_XUAT_SAC")
                .when().get(proposals).then().extract().path("find { it.unitCode == '" + Review2025.YOUTH_UNION + "' }.id");
        given().baseUri(gateway).auth().oauth2(board).header("Accept-Language", "en").when().get(proposals + "/" + youth + "/eligibility")
                .then().statusCode(200).body("eligible", equalTo(false)).body("outcome", equalTo("FAIL"))
                .body("ruleSetChosenBecause.legalBasis", containsString("Nghị định 152/2025/NĐ-CP"))
                .body("rules.findAll { it.outcome == 'FAIL' }.kind", contains("MEMBER_SHARE"))
                .body("rules.find { it.kind == 'MEMBER_SHARE' && it.outcome == 'FAIL' }.params.measure", equalTo("ADVANCED_LABOUR"))
                .body("rules.find { it.kind == 'MEMBER_SHARE' && it.outcome == 'FAIL' }.reason",
                        equalTo("Members holding \"Lao động tiên tiến\": 27 of 40 members (67.5%), not ≥ 70%."));
    }

    @Test
    void the2025ReviewsPeopleCountTheSharesAndTwoOfThemAreDecidedAndPaid() {
        String board = token("board");
        String womens = Review2025.WOMENS_UNION;
        // the shares the Women's Union's title rests on were counted from its people, not typed in
        given().baseUri(gateway).auth().oauth2(board).when().get("/api/scoring/registrations/2025/" + womens)
                .then().statusCode(200).body("memberStatistics.source", equalTo("COUNTED")).body("memberStatistics.members", equalTo(48))
                .body("memberStatistics.advancedLabour", equalTo(36)).body("memberStatistics.confirmed", equalTo(true));
        given().baseUri(gateway).auth().oauth2(token("hoiphunu")).queryParam("year", 2025).when().get("/api/units/" + womens + "/people/statistics")
                .then().statusCode(200).body("members", equalTo(48)).body("women", equalTo(45)).body("withoutResult", equalTo(0));
        // another unit's representative reads none of them, through the gateway
        given().baseUri(gateway).auth().oauth2(token("tinhdoan")).when().get("/api/units/" + womens + "/people").then().statusCode(403);

        // two persons decided: the grassroots fighter at 1.0 × 2,340,000 and the provincial one at 3.0 × 2,530,000
        for (Object[] expected : List.of(new Object[] {"CHIEN_SI_THI_DUA_CO_SO", DemoPersonAwards.FIGHTER_DECISION, 2_340_000},
                new Object[] {"CHIEN_SI_THI_DUA_TINH", DemoPersonAwards.PROVINCIAL_DECISION, 7_590_000})) {
            given().baseUri(gateway).auth().oauth2(board).queryParam("awardTypeCode", expected[0]).queryParam("year", 2025)
                    .when().get("/api/awards/ledger").then().statusCode(200).body("total", equalTo(1))
                    .body("items[0].decisionNumber", equalTo(expected[1])).body("items[0].personName", containsString("(giả định)"))
                    .body("items[0].cashAmount", equalTo(expected[2]));
        }
        // the Labour Federation recorded the title its head conferred: its member statistics count the fighter
        given().baseUri(gateway).auth().oauth2(token("ldld")).queryParam("year", 2025)
                .when().get("/api/units/" + DemoData.CLUSTER_7_UNITS.get(1).code() + "/people/statistics")
                .then().statusCode(200).body("grassrootsFighters", equalTo(1));
        // the two initiatives and their recognitions
        given().baseUri(gateway).auth().oauth2(token("hoiphunu")).queryParam("unit", womens).when().get("/api/initiatives")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].recognitions.level", contains("GRASSROOTS", "PROVINCE"));
    }

    @Test
    void theDemosGovernmentFlagGoesThroughTheCouncilAndTheChairmanToThePrimeMinister() throws IOException {
        String board = token("board");
        String leader = SeedStoryVoting.LABOUR_FEDERATION;
        // the quota's base: cluster 7's leader (recorded by units-service from the vote), six illustrative cluster-years, two outside
        given().baseUri(gateway).auth().oauth2(board).when().get("/api/awards/quota-base/2016").then().statusCode(200)
                .body("clusterYearsWithLeader", equalTo(7)).body("leadersOutside", equalTo(2)).body("total", equalTo(9));
        int id = given().baseUri(gateway).auth().oauth2(board).queryParam("year", 2016).queryParam("awardTypeCode", "CO_THI_DUA_CHINH_PHU")
                .when().get("/api/awards/proposals")
                .then().statusCode(200).body("$", hasSize(2))
                .body("find { it.unitCode == '" + leader + "' }.status", equalTo("DECIDED"))
                .body("find { it.unitCode == '" + leader + "' }.decisionNumber", equalTo(SeedStoryProvince.PM_DECISION))
                .body("find { it.unitCode == '" + leader + "' }.decidingAuthority", equalTo("Thủ tướng Chính phủ"))
                .body("find { it.unitCode != '" + leader + "' }.status", equalTo("DRAFT"))
                .extract().path("find { it.unitCode == '" + leader + "' }.id");
        int over = given().baseUri(gateway).auth().oauth2(board).queryParam("year", 2016).queryParam("awardTypeCode", "CO_THI_DUA_CHINH_PHU")
                .when().get("/api/awards/proposals").then().extract().path("find { it.unitCode != '" + leader + "' }.id");
        // the second candidate is over the quota, and the reason says the numbers
        given().baseUri(gateway).auth().oauth2(board).header("Accept-Language", "en").when().get("/api/awards/proposals/" + over + "/eligibility")
                .then().statusCode(200).body("eligible", equalTo(false))
                .body("rules.find { it.kind == 'LEADS_CLUSTER' }.passed", equalTo(true))
                .body("rules.find { it.kind == 'QUOTA_PERCENT_OF_CLUSTER_LEADERS' }.reason",
                        equalTo("Over the quota: 2 proposals, at most 1 (20% of 9 collectives voted to lead their clusters/blocks: 7 in the system,"
                                + " 2 outside; rounding FLOOR)."));
        // the Labour Federation's way: the Council recommended it, the first submission came back, the second was decided
        given().baseUri(gateway).auth().oauth2(board).when().get("/api/awards/proposals/" + id + "/history").then().statusCode(200)
                .body("to", contains("DRAFT", "SUBMITTED", "UNDER_APPRAISAL", "APPRAISED", "COUNCIL_REVIEW", "RECOMMENDED", "FORWARDED",
                        "RECOMMENDED", "FORWARDED", "DECIDED"))
                .body("reason", hasItem(SeedStoryProvince.RETURN_REASON));
        given().baseUri(gateway).auth().oauth2(board).when().get("/api/awards/proposals/" + id + "/files").then().statusCode(200)
                .body("kind", hasItems("MINUTES", "ACHIEVEMENT_REPORT", "COVER_SUBMISSION", "COUNCIL_MINUTES", "PROVINCIAL_SUBMISSION"));
        given().baseUri(gateway).auth().oauth2(board).queryParam("year", 2016).when().get("/api/awards/submissions").then().statusCode(200)
                .body("number", contains(SeedStoryProvince.SUBMISSION_ACCEPTED, SeedStoryProvince.SUBMISSION_RETURNED))
                .body("status", contains("ACCEPTED", "RETURNED"))
                .body("find { it.status == 'RETURNED' }.returnReason", equalTo(SeedStoryProvince.RETURN_REASON));
        // the Council's session and its minutes: a member reads them with its own account; a unit sees nothing of the Council
        String member = token("hd-thuongtruc", DemoData.COUNCIL_PASSWORD);
        String session = given().baseUri(gateway).auth().oauth2(member).queryParam("year", 2016).when().get("/api/awards/council-sessions")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].status", equalTo("PUBLISHED")).extract().path("[0].id");
        byte[] minutes = given().baseUri(gateway).auth().oauth2(member).when().get("/api/awards/council-sessions/" + session + "/minutes")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertTrue(minutes.length > 1000 && new String(minutes, 0, 4, StandardCharsets.ISO_8859_1).equals("%PDF"), "the minutes are a PDF");
        given().baseUri(gateway).auth().oauth2(member).when().get("/api/awards/council-sessions/" + session).then().statusCode(200)
                .body("agenda.unitCode", everyItem(equalTo(leader))).body("agenda", hasSize(2));
        given().baseUri(gateway).auth().oauth2(token("ldld")).when().get("/api/awards/council-sessions/" + session).then().statusCode(403);
        given().baseUri(gateway).auth().oauth2(token("ldld")).queryParam("year", 2016).when().get("/api/awards/submissions").then().statusCode(403);
        // the national system had the tờ trình, the Council's and the cluster's minutes in each dossier it was sent
        List<FakePortal.Accepted> forwarded = stack.fakePortal().accepted().stream().filter(a -> a.body().contains("\"to\":\"FORWARDED\"")).toList();
        assertEquals(2, forwarded.size(), forwarded.toString());
        assertTrue(forwarded.stream().allMatch(a -> a.body().contains("\"PROVINCIAL_SUBMISSION\"") && a.body().contains("\"COUNCIL_MINUTES\"")
                && a.body().contains("\"kind\":\"MINUTES\"")));
        // paid at the base salary of the Prime Minister's decision date × the 2016 rule set's multiple: 1,210,000 × 12.0
        given().baseUri(gateway).auth().oauth2(token("ldld")).queryParam("unitCode", leader).when().get("/api/awards/ledger").then().statusCode(200)
                .body("items.find { it.awardTypeCode == 'CO_THI_DUA_CHINH_PHU' }.cashAmount", equalTo(14_520_000));
    }

    @Test
    void aSubmissionWhileThePortalIsDownArrivesOnceItIsBack() {
        String board = token("board");
        Object cluster = given().baseUri(gateway).auth().oauth2(board).queryParam("year", 2016).when().get("/api/clusters")
                .then().statusCode(200).extract().path("items.find { it.code == 'CUM-07' }.id");
        // an award without eligibility rules, for a member unit: the Women's Union as an Excellent Labour Collective of 2016, its
        // dossier received in December 2016 (the law of 2016 set no conditions for it in the demo; Decree 152's would)
        String unit = SeedStoryVoting.WOMENS_UNION;
        int id = given().baseUri(gateway).auth().oauth2(board).contentType(ContentType.JSON)
                .body(Map.of("unitCode", unit, "awardTypeCode", "TAP_THE_LAO_DONG_XUAT_SAC", "clusterId", cluster,
                        "receivedOn", SeedStoryProposals.RECEIVED_ON))
                .when().post("/api/awards/proposals").then().statusCode(201).extract().path("id");
        given().baseUri(gateway).auth().oauth2(token("hoiphunu")).contentType("application/pdf").header("X-File-Name", "bao-cao-thanh-tich-2016.pdf")
                .body(vn.thidua.devstack.testing.TestFiles.pdf("Báo cáo thành tích năm 2016 của Hội Liên hiệp Phụ nữ tỉnh"))
                .when().put("/api/awards/proposals/" + id + "/files/achievement-report").then().statusCode(201);

        FakePortal fake = stack.fakePortal();
        fake.down();
        try {
            // the submission does not wait for the portal
            long before = System.nanoTime();
            given().baseUri(gateway).auth().oauth2(board).when().post("/api/awards/proposals/" + id + "/submit")
                    .then().statusCode(200).body("status", equalTo("SUBMITTED"));
            Duration submit = Duration.ofNanos(System.nanoTime() - before);
            assertTrue(submit.compareTo(Duration.ofSeconds(5)) < 0, "the submission took " + submit);

            // tried, refused with 503, tried again after the backoff: still PENDING, nothing taken
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().baseUri(gateway).auth().oauth2(board).queryParam("proposalId", id).when().get("/api/awards/portal/deliveries")
                            .then().statusCode(200).body("items[0].state", equalTo("PENDING"))
                            .body("items[0].attempts", greaterThanOrEqualTo(2)).body("items[0].lastStatus", equalTo(503))
                            .body("items[0].nextAttemptAt", notNullValue()));
        } finally {
            fake.up();
        }
        String key = given().baseUri(gateway).auth().oauth2(board).queryParam("proposalId", id).when().get("/api/awards/portal/deliveries")
                .then().extract().path("items[0].idempotencyKey");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(gateway).auth().oauth2(board).queryParam("proposalId", id).when().get("/api/awards/portal/deliveries")
                        .then().statusCode(200).body("items[0].state", equalTo("DELIVERED")).body("items[0].portalReference", notNullValue()));

        // every attempt signed, the same body each time; refused while down, taken exactly once after
        List<FakePortal.Received> attempts = fake.requestsFor(key);
        assertTrue(attempts.size() >= 3 && attempts.stream().allMatch(FakePortal.Received::signatureValid), attempts.toString());
        assertEquals(1, attempts.stream().filter(r -> r.outcome() == FakePortal.Outcome.ACCEPTED).count(), attempts.toString());
        assertTrue(attempts.stream().filter(r -> r.outcome() != FakePortal.Outcome.ACCEPTED)
                .allMatch(r -> r.outcome() == FakePortal.Outcome.FAILED_ON_PURPOSE && r.answered() == 503), attempts.toString());
        assertEquals(1, attempts.stream().map(FakePortal.Received::body).distinct().count(), "the body changed between attempts");
        assertEquals(1, fake.accepted().stream().filter(a -> a.idempotencyKey().equals(key)).count());
    }

    @Test
    void aRedeliveredEventChangesNothing() throws IOException {
        String board = token("board");
        given().baseUri(gateway).auth().oauth2(board).contentType(ContentType.JSON)
                .body(Map.of("code", "000.00.53.H56", "name", "Hội Làm vườn tỉnh Thanh Hóa"))
                .when().post("/api/units").then().statusCode(201);
        KafkaTestClient kafka = new KafkaTestClient(stack.kafkaBootstrapServers());
        ConsumerRecord<String, String> original = kafka.awaitRecord(TOPIC, r -> "000.00.53.H56".equals(r.key()), Duration.ofSeconds(30));
        for (String readModel : List.of("/api/scoring/units/", "/api/awards/units/")) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().baseUri(gateway).auth().oauth2(board).when().get(readModel + "000.00.53.H56").then().statusCode(200));
        }
        double scoringBefore = duplicatesSeenBy("scoring");
        double awardsBefore = duplicatesSeenBy("awards");

        // the same event once more, as after a producer retry or a rebalance; even a changed body must not apply
        ObjectMapper json = new ObjectMapper();
        ObjectNode redelivered = (ObjectNode) json.readTree(original.value());
        ((ObjectNode) redelivered.get("data")).put("name", "Không được áp dụng").put("version", 99);
        kafka.sendCloudEvent(TOPIC, original.key(), json.writeValueAsString(redelivered));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                duplicatesSeenBy("scoring") > scoringBefore && duplicatesSeenBy("awards") > awardsBefore);
        for (String readModel : List.of("/api/scoring/units/", "/api/awards/units/")) {
            given().baseUri(gateway).auth().oauth2(board).when().get(readModel + "000.00.53.H56")
                    .then().statusCode(200).body("name", equalTo("Hội Làm vườn tỉnh Thanh Hóa")).body("version", equalTo(0));
        }
    }

    @Test
    void noTokenIs401AndTheWrongRoleIs403ThroughTheGatewayAndDirectly() {
        Map<String, String> unit = Map.of("code", "000.00.54.H56", "name", "Hội Nhà báo tỉnh Thanh Hóa");
        for (String path : List.of("/api/units/000.00.31.H56", "/api/scoring/units", "/api/awards/units")) {
            given().baseUri(gateway).when().get(path).then().statusCode(401).contentType("application/problem+json");
        }
        for (String service : List.of("units", "scoring", "awards")) {
            String path = service.equals("units") ? "/api/units/000.00.31.H56" : "/api/" + service + "/units";
            given().baseUri(stack.serviceUrl(service)).when().get(path).then().statusCode(401).contentType("application/problem+json");
        }
        String unitRep = token("tinhdoan");
        given().baseUri(gateway).auth().oauth2(unitRep).contentType(ContentType.JSON).body(unit)
                .when().post("/api/units").then().statusCode(403).contentType("application/problem+json");
        given().baseUri(stack.serviceUrl("units")).auth().oauth2(unitRep).contentType(ContentType.JSON).body(unit)
                .when().post("/api/units").then().statusCode(403).contentType("application/problem+json");
        given().baseUri(gateway).auth().oauth2(token("board")).when().get("/api/units/000.00.54.H56").then().statusCode(404);
    }

    @Test
    void aServiceAccountGetsATokenByClientCredentials() {
        String portal = given().baseUri(gateway).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", "portal-demo").formParam("client_secret", "demo")
                .when().post("/auth/token")
                .then().statusCode(200).body("token_type", equalTo("Bearer")).body("access_token", notNullValue())
                .extract().path("access_token");
        given().baseUri(gateway).auth().oauth2(portal).when().get("/api/awards/units").then().statusCode(200);
        given().baseUri(gateway).auth().oauth2(portal).contentType(ContentType.JSON)
                .body(Map.of("code", "000.00.37.H56", "name", "Không được phép"))
                .when().post("/api/units").then().statusCode(403);
        given().baseUri(gateway).contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("username", "board").formParam("password", "wrong")
                .when().post("/auth/token").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void everyServiceReportsItsHealthApiAndMetrics() {
        for (String service : List.of("units", "scoring", "awards")) {
            given().baseUri(stack.managementUrl(service)).when().get("/q/health/ready")
                    .then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.name", hasItem(containsStringIgnoringCase("database")))
                    // no request waits for the broker, so its outage must not make the service unready (docs/reliability.md;
                    // FaultInjectionIT probes readiness while the broker is down)
                    .body("checks.name", not(hasItem(containsStringIgnoringCase("kafka"))));
            given().baseUri(stack.managementUrl(service)).when().get("/q/health/live").then().statusCode(200)
                    .body("checks.name", hasItem(containsStringIgnoringCase("messaging")));
            given().baseUri(stack.serviceUrl(service)).accept("application/json").when().get("/q/openapi")
                    .then().statusCode(200).body("openapi", notNullValue());
            // the timer is recorded once a response has ended on the server, which can be after the client has read it
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().baseUri(stack.managementUrl(service))
                    .when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds"))
                    .body(containsString("thidua_outbox_backlog")).body(containsString("thidua_outbox_oldest_age_seconds")));
            // health and metrics are the management port's alone: the API's port, which clients reach, does not serve them
            for (String path : List.of("/q/health/ready", "/q/metrics")) {
                given().baseUri(stack.serviceUrl(service)).when().get(path).then().statusCode(404);
            }
        }
        given().baseUri(stack.managementUrl("gateway")).when().get("/q/health/ready")
                .then().statusCode(200).body("checks.name", hasItem(containsStringIgnoringCase("database")));
        given().baseUri(gateway).when().get("/q/metrics").then().statusCode(404);
    }

    /**
     * Every metric the alerts and dashboards in deploy/monitoring read is one the stack publishes: a
     * renamed meter or a histogram not published would leave a panel empty and an alert silent. The
     * counters that appear on first use are given their first use here: a refused login and a message
     * no consumer can read (ballots are cast by the demo's votes).
     */
    @Test
    void everyMetricTheAlertsAndDashboardsReadIsPublished() throws IOException {
        given().baseUri(gateway).contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("username", "board").formParam("password", "not-the-password")
                .when().post("/auth/token").then().statusCode(400);
        new KafkaTestClient(stack.kafkaBootstrapServers()).send(TOPIC, "000.00.62.H56", "not an event");
        Path listed = Path.of(System.getProperty("thidua.root", "../..")).toAbsolutePath().normalize()
                .resolve("deploy/monitoring/metrics.txt");
        List<String> names = Files.readAllLines(listed).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\\s+")[0])
                // Prometheus's own, of each scrape
                .filter(name -> !name.equals("up"))
                .toList();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            StringBuilder published = new StringBuilder();
            for (String service : List.of("units", "scoring", "awards", "gateway")) {
                published.append(given().baseUri(stack.managementUrl(service)).when().get("/q/metrics")
                        .then().statusCode(200).extract().asString()).append('\n');
            }
            List<String> missing = names.stream()
                    .filter(name -> !Pattern.compile("^" + Pattern.quote(name) + "[{ ]", Pattern.MULTILINE).matcher(published).find())
                    .toList();
            assertEquals(List.of(), missing, "named in " + listed + " but published by no service");
        });
    }

    /**
     * The TypeScript SDK (clients/typescript, typed from docs/api/openapi.json) walks the seed story's main steps
     * through this stack's gateway: its Node test logs in as the Board and a unit, reads cluster 7's 2016 ranking,
     * casts a ballot in a session of a cluster-year of its own and checks the receipt, reads a proposal's
     * eligibility, and meets a problem and a token renewal. {@code npm test} builds the SDK (types generated from
     * the contract, tsc) and runs it. Without Node.js it is left out, except under CI=true, where it fails.
     */
    @Test
    void theTypeScriptSdkWalksTheSeedStory() {
        Path sdk = Path.of(System.getProperty("thidua.root", "../..")).toAbsolutePath().normalize().resolve("clients/typescript");
        NodeProject project = NodeProject.installed(sdk, "The TypeScript SDK's test");
        long start = System.nanoTime();
        NodeProject.Output test = project.npm(Map.of("THIDUA_GATEWAY_URL", gateway, "THIDUA_DEMO_PASSWORD", DemoData.PASSWORD),
                System.out, "test");
        System.out.printf("TypeScript SDK: npm test (generate, tsc, node --test) took %d s%n", Duration.ofNanos(System.nanoTime() - start).toSeconds());
        assertEquals(0, test.exitCode(), "npm test in clients/typescript failed: " + test.describe());
    }

    /**
     * Two replicas of units-service (two outbox relays) and of scoring-service (one consumer group
     * sharing the partitions), units registered through both while one scoring replica stops
     * gracefully half-way: every event is published once, reaches the read model, and is applied
     * once, by whichever replica held its partition.
     */
    @Test
    void twoInstancesOfAServiceShareTheWorkAndNoEventIsLostOrAppliedTwice() throws Exception {
        String board = token("board");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            codes.add(String.format("000.77.%02d.H56", i));
        }
        long inboxBefore = count("thidua_scoring", "SELECT count(*) FROM inbox WHERE source = '/thidua/units-service'");
        try (ServiceProcess secondUnits = stack.startAnotherInstance("units", freePort());
                ServiceProcess secondScoring = stack.startAnotherInstance("scoring", freePort())) {
            List<String> unitsInstances = List.of(stack.serviceUrl("units"), secondUnits.baseUrl());
            for (int i = 0; i < codes.size(); i++) {
                if (i == codes.size() / 2) {
                    // a rolling update takes one scoring replica away while events keep coming
                    secondScoring.close();
                }
                given().baseUri(unitsInstances.get(i % 2)).auth().oauth2(board).contentType(ContentType.JSON)
                        .body(Map.of("code", codes.get(i), "name", "Đơn vị thử nhân bản số " + i))
                        .when().post("/api/units")
                        .then().statusCode(201);
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                count("thidua_scoring", "SELECT count(*) FROM known_unit WHERE code LIKE '000.77.%'") == codes.size());

        // each registration was published exactly once, though two relays ran side by side
        List<ConsumerRecord<String, String>> published = new KafkaTestClient(stack.kafkaBootstrapServers())
                .awaitRecords(TOPIC, record -> record.key() != null && record.key().startsWith("000.77."), codes.size(), Duration.ofSeconds(30));
        assertEquals(codes.size(), published.stream().map(ConsumerRecord::key).distinct().count());
        assertEquals(0, count("thidua_units", "SELECT count(*) FROM outbox"), "nothing left unsent");
        // and not one copy more: a relay's tick leaves the rows another replica is still sending from memory
        assertEquals(codes.size(), new KafkaTestClient(stack.kafkaBootstrapServers())
                .allRecords(TOPIC, record -> record.key() != null && record.key().startsWith("000.77."), Duration.ofSeconds(30)).size());
        // and applied exactly once: one inbox row per event, one read-model row per unit
        assertEquals(inboxBefore + codes.size(), count("thidua_scoring", "SELECT count(*) FROM inbox WHERE source = '/thidua/units-service'"));
        given().baseUri(gateway).auth().oauth2(board).when().get("/api/scoring/units/" + codes.get(codes.size() - 1))
                .then().statusCode(200);
    }

    /**
     * Three replicas of a new awards-service start at once on an empty database: PostgreSQL's
     * advisory lock lets one run the migrations while the others wait, all three come up, and each
     * migration is applied once.
     */
    @Test
    void replicasStartingTogetherMigrateOnce() throws Exception {
        List<ServiceProcess> replicas = stack.startInstancesOnAFreshDatabase("awards", "thidua_awards_replicas",
                List.of(freePort(), freePort(), freePort()));
        try {
            long versions = count("thidua_awards_replicas", "SELECT count(DISTINCT version) FROM flyway_schema_history WHERE version IS NOT NULL");
            long applied = count("thidua_awards_replicas", "SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL AND success");
            assertTrue(versions >= 7, "the platform's and awards-service's migrations: " + versions);
            assertEquals(versions, applied, "each migration applied once");
            for (ServiceProcess replica : replicas) {
                given().baseUri(replica.managementUrl()).when().get("/q/health/ready").then().statusCode(200);
            }
        } finally {
            replicas.forEach(ServiceProcess::close);
        }
    }

    /** A fresh scoring-service rebuilds its read models from the topics of this stack ({@link ReadModelRebuild}). */
    @Nested
    class ReadModelsRebuiltFromTheTopics extends ReadModelRebuild {
        ReadModelsRebuiltFromTheTopics() {
            super(stack);
        }
    }

    /**
     * Every operation of the merged {@code /openapi} fuzzed as every role ({@link ApiFuzzer}): no 5xx, no error that is
     * not {@code application/problem+json}, no data changed by a refused request. On this class's stack, to spare CI a
     * stack's start: JUnit runs a {@code @Nested} class after the enclosing class's own tests, so the writes the fuzzer
     * gets accepted (hostile but valid, e.g. a name with a formula) come after every assertion above. Deterministic for
     * a seed, printed with the counts; {@code -Dthidua.fuzz.seed=N} replays a run, {@code -Dthidua.fuzz.budget=PT2M} (75 s by default)
     * bounds it. Alone: {@code ./mvnw -o -pl devstack/launcher verify -Dit.test=LocalStackIT -Dgroups=fuzz}.
     */
    @Nested
    @Tag("fuzz")
    class HostileRequestsFromTheOpenApi {
        @Test
        void everyOperationAnswersHostileVariantsWithAProblemAndRefusedOnesChangeNothing() throws Exception {
            long seed = Long.getLong("thidua.fuzz.seed", 20161231L);
            Duration budget = Duration.parse(System.getProperty("thidua.fuzz.budget", "PT75S"));
            Map<String, String> databases = new java.util.LinkedHashMap<>();
            ApiFuzzer.DATABASES.forEach(database -> databases.put(database, stack.postgres().jdbcUrl(database)));
            ApiFuzzer.Report report = ApiFuzzer.fuzzTheDemo(gateway, databases, stack.postgres().user(), stack.postgres().password(),
                    seed, budget, java.util.Set.of());
            System.out.println(report.summary());
            assertEquals(report.operations, report.operationsCovered.size(), "every operation fuzzed\n" + report.summary());
            assertTrue(report.operations >= 100, "the merged OpenAPI lists the whole API: " + report.operations);
            assertTrue(report.findings.isEmpty(), report.summary());
        }
    }

    private static long count(String database, String sql) throws java.sql.SQLException {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(stack.postgres().jdbcUrl(database),
                stack.postgres().user(), stack.postgres().password());
                java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String token(String username) {
        return token(username, DemoData.PASSWORD);
    }

    private static String token(String username, String password) {
        return given().baseUri(gateway).contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("username", username).formParam("password", password)
                .when().post("/auth/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static String portalToken() {
        return given().baseUri(gateway).contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", "portal-demo").formParam("client_secret", DemoData.PASSWORD)
                .when().post("/auth/token").then().statusCode(200).extract().path("access_token");
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double duplicatesSeenBy(String service) {
        String metrics = given().baseUri(stack.managementUrl(service)).when().get("/q/metrics").then().statusCode(200).extract().asString();
        return PrometheusText.sum(metrics, "thidua_inbox_events_total", Map.of("outcome", "duplicate"));
    }

    private static int freePort() {
        try {
            return LocalStack.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
