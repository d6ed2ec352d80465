package vn.thidua.scoring.flow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static vn.thidua.scoring.flow.SeedStoryScoringIT.BOARD;
import static vn.thidua.scoring.flow.SeedStoryScoringIT.rep;
import static vn.thidua.scoring.flow.SeedStoryScoringIT.score;
import static vn.thidua.scoring.flow.SeedStoryScoringIT.sheetOf;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.EventSamples;
import vn.thidua.devstack.testing.KafkaTestClient;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;

/** The final rule with real differences between peers, the cluster leader as appraiser, and membership. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "scoring"))
class ScoringRulesIT {
    static final List<String> FOUR = List.of("000.00.61.H56", "000.00.62.H56", "000.00.63.H56", "000.00.64.H56");

    static long publishedSet(long clusterId, List<String> members, String leader, Map<String, Object> changes) {
        SeedStoryScoringIT.announceCluster(clusterId, 2018, members);
        if (leader != null) {
            announce(clusterId, members, leader, 1);
        }
        Map<String, Object> definition = SeedStoryScoringIT.criteriaSet(clusterId, "2099-12-10");
        definition.putAll(changes);
        long setId = ((Number) given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(definition)
                .when().post("/api/scoring/criteria-sets").then().statusCode(201).extract().path("id")).longValue();
        given().auth().oauth2(BOARD).when().post("/api/scoring/criteria-sets/" + setId + "/publish").then().statusCode(200);
        return setId;
    }

    /** units-service's later event: the cluster-year's members (and leader) as they now are. */
    static void announce(long clusterId, List<String> members, String leader, long version) {
        String event = EventSamples.sample("clusters/ClusterLeadershipAssigned.json", node -> {
            node.put("id", UUID.randomUUID().toString());
            node.put("subject", Long.toString(clusterId));
            ObjectNode data = (ObjectNode) node.get("data");
            data.put("id", clusterId);
            data.put("year", 2018);
            data.put("version", version);
            ArrayNode array = data.putArray("members");
            members.forEach(array::add);
            if (leader == null) {
                data.putNull("leaderUnitCode");
            } else {
                data.put("leaderUnitCode", leader);
            }
            data.putNull("deputyUnitCode");
        });
        KafkaTestClient.shared().sendCloudEvent("thidua.clusters.v1", Long.toString(clusterId), event);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(BOARD).when().get("/api/scoring/clusters/" + clusterId).then().statusCode(200)
                        .body("version", equalTo((int) version)));
    }

    @Test
    void thePeersMeanLeavesOutTheHighestAndLowestAndTheSelfValueCountsOnlyWithoutPeers() {
        long setId = publishedSet(700018, FOUR, null, Map.of());
        String target = FOUR.get(0);
        // three peers give I.1: 10, 20, 36 → with the extremes left out, 20
        int[] peerPoints = {10, 20, 36};
        for (int p = 0; p < 3; p++) {
            String scorer = FOUR.get(p + 1);
            long sheet = sheetOf(setId, "PEER", target, scorer);
            score(rep(scorer), sheet, "I.1", Map.of("points", peerPoints[p])).then().statusCode(200);
            for (String criterion : List.of("I.2", "II.1", "II.2", "II.3")) {
                score(rep(scorer), sheet, criterion, Map.of("points", 0)).then().statusCode(200);
            }
            given().auth().oauth2(rep(scorer)).when().post("/api/scoring/sheets/" + sheet + "/submit").then().statusCode(200);
        }
        // the unit's own sheet gives I.2 = 7; the peers' I.2 (0) wins over it, since peers scored
        long self = sheetOf(setId, "SELF", target, target);
        score(rep(target), self, "I.1", Map.of("points", 40, "evidence", List.of("https://thidua.example/mc.pdf"))).then().statusCode(200);
        for (String criterion : List.of("I.2", "II.1", "II.2", "II.3")) {
            score(rep(target), self, criterion, Map.of("points", criterion.equals("I.2") ? 7 : 0)).then().statusCode(200);
        }
        given().auth().oauth2(rep(target)).when().post("/api/scoring/sheets/" + self + "/submit").then().statusCode(200);
        // another unit has only its own sheet: its own values count
        String alone = FOUR.get(1);
        long aloneSelf = sheetOf(setId, "SELF", alone, alone);
        score(rep(alone), aloneSelf, "I.1", Map.of("points", 12, "evidence", List.of("https://thidua.example/mc2.pdf"))).then().statusCode(200);
        for (String criterion : List.of("I.2", "II.1", "II.2", "II.3")) {
            score(rep(alone), aloneSelf, criterion, Map.of("points", 1)).then().statusCode(200);
        }
        given().auth().oauth2(rep(alone)).when().post("/api/scoring/sheets/" + aloneSelf + "/submit").then().statusCode(200);

        given().auth().oauth2(BOARD).when().get("/api/scoring/criteria-sets/" + setId + "/ranking")
                .then().statusCode(200)
                .body("units.find { it.unitCode == '000.00.61.H56' }.total", equalTo(20.0f))
                .body("units.find { it.unitCode == '000.00.61.H56' }.stageTotals.SELF", equalTo(47.0f))
                // 12 + 1 + 1 + min(1, 10) − 1
                .body("units.find { it.unitCode == '000.00.62.H56' }.total", equalTo(14.0f));

        // the Board's appraisal of 000.00.61 starts from the peers' trimmed mean: confirming 20 needs no explanation
        long appraisal = sheetOf(setId, "BOARD", target, null);
        score(BOARD, appraisal, "I.1", Map.of("points", 20)).then().statusCode(200);
        score(BOARD, appraisal, "I.2", Map.of("points", 7)).then().statusCode(422);
    }

    @Test
    void theClusterLeaderAppraisesWhenTheSetSaysSoAndFormerMembersAreNotScored() {
        long clusterId = 700019;
        List<String> members = List.of("000.00.65.H56", "000.00.66.H56", "000.00.67.H56");
        long setId = publishedSet(clusterId, members, "000.00.65.H56", Map.of("boardReviewer", "CLUSTER_LEADER", "peerEnabled", false,
                "deadlines", Map.of("self", "2099-12-10", "board", "2099-12-31")));
        String leader = TestTokens.claims("leader-65", "cluster-leader").claim("unit", "000.00.65.H56").sign(TestTokens.privateKey());
        String notLeader = TestTokens.claims("leader-66", "cluster-leader").claim("unit", "000.00.66.H56").sign(TestTokens.privateKey());
        long appraisal = sheetOf(setId, "BOARD", "000.00.67.H56", null);
        score(leader, appraisal, "I.1", Map.of("points", 5, "explanation", "Chưa có báo cáo của đơn vị")).then().statusCode(200);
        score(notLeader, appraisal, "I.1", Map.of("points", 6, "explanation", "x")).then().statusCode(403);
        given().auth().oauth2(BOARD).when().get("/api/scoring/criteria-sets/" + setId + "/sheets?stage=PEER")
                .then().statusCode(200).body("size()", equalTo(0));

        // 000.00.66 leaves the cluster-year: its sheets take no more scores
        announce(clusterId, List.of("000.00.65.H56", "000.00.67.H56"), "000.00.65.H56", 2);
        long formerSelf = sheetOf(setId, "SELF", "000.00.66.H56", "000.00.66.H56");
        score(rep("000.00.66.H56"), formerSelf, "I.2", Map.of("points", 3)).then().statusCode(422)
                .body("type", equalTo("https://thidua.vn/problems/not-a-member"));
    }

    @Test
    void aSubmittedSheetReopensOnlyThroughTheBoardWithAReason() {
        long setId = publishedSet(700020, List.of("000.00.68.H56", "000.00.69.H56"), null, Map.of());
        long peer = sheetOf(setId, "PEER", "000.00.68.H56", "000.00.69.H56");
        for (String criterion : List.of("I.1", "I.2", "II.1", "II.2", "II.3")) {
            score(rep("000.00.69.H56"), peer, criterion, Map.of("points", 1)).then().statusCode(200);
        }
        given().auth().oauth2(rep("000.00.69.H56")).when().post("/api/scoring/sheets/" + peer + "/submit").then().statusCode(200);
        given().auth().oauth2(rep("000.00.69.H56")).contentType(ContentType.JSON).body(Map.of("reason", "Nhầm điểm"))
                .when().post("/api/scoring/sheets/" + peer + "/reopen").then().statusCode(403);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("reason", ""))
                .when().post("/api/scoring/sheets/" + peer + "/reopen").then().statusCode(422);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("reason", "Đơn vị xin sửa điểm nhầm tiêu chí I.1"))
                .when().post("/api/scoring/sheets/" + peer + "/reopen").then().statusCode(200).body("status", equalTo("OPEN"));
        score(rep("000.00.69.H56"), peer, "I.1", Map.of("points", 2)).then().statusCode(200);
        given().auth().oauth2(BOARD).when().get("/api/scoring/criteria-sets/" + setId + "/sheets/audit")
                .then().statusCode(200)
                .body("find { it.action == 'REOPENED' }.reason", equalTo("Đơn vị xin sửa điểm nhầm tiêu chí I.1"))
                .body("findAll { it.criterionCode == 'I.1' }.size()", equalTo(2));
    }

    @Test
    void evidenceFilesAreCheckedKeptWithTheirHashAndReadLikeTheSheet() throws Exception {
        long setId = publishedSet(700021, List.of("000.00.70.H56", "000.00.71.H56"), null, Map.of());
        long self = sheetOf(setId, "SELF", "000.00.70.H56", "000.00.70.H56");
        byte[] pdf = vn.thidua.devstack.testing.TestFiles.pdf("báo cáo tổng kết năm 2016");
        String rep = rep("000.00.70.H56");
        String link = given().auth().oauth2(rep).contentType("application/pdf").header("X-File-Name", "Báo cáo tổng kết 2016.pdf").body(pdf)
                .when().post("/api/scoring/sheets/" + self + "/evidence")
                .then().statusCode(201)
                .body("sha256", equalTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf))))
                .body("size", equalTo(pdf.length))
                .extract().path("link");
        score(rep, self, "I.1", Map.of("points", 30, "evidence", List.of(link))).then().statusCode(200);
        byte[] back = given().auth().oauth2(rep).when().get(link).then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        org.junit.jupiter.api.Assertions.assertArrayEquals(pdf, back);
        given().auth().oauth2(rep("000.00.71.H56")).when().get(link).then().statusCode(403);
        given().auth().oauth2(BOARD).when().get(link).then().statusCode(200);

        given().auth().oauth2(rep).contentType("application/pdf").body("không phải PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/scoring/sheets/" + self + "/evidence").then().statusCode(415).contentType("application/problem+json");
        byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(pdf, 0, tooLarge, 0, 5);
        given().auth().oauth2(rep).contentType("application/pdf").body(tooLarge)
                .when().post("/api/scoring/sheets/" + self + "/evidence").then().statusCode(413).contentType("application/problem+json");
        given().auth().oauth2(rep("000.00.71.H56")).contentType("application/pdf").body(pdf)
                .when().post("/api/scoring/sheets/" + self + "/evidence").then().statusCode(403);
        given().auth().oauth2(BOARD).when().get("/api/scoring/evidence/not-a-uuid").then().statusCode(404);
    }

    @Test
    void evidenceIsAnUploadedFileOfTheUnitOrAnAllowedHttpsAddressNeverFreeText() {
        long setId = publishedSet(700022, List.of("000.00.74.H56", "000.00.75.H56"), null, Map.of());
        long mine = sheetOf(setId, "SELF", "000.00.74.H56", "000.00.74.H56");
        long theirs = sheetOf(setId, "SELF", "000.00.75.H56", "000.00.75.H56");
        byte[] pdf = vn.thidua.devstack.testing.TestFiles.pdf("minh chứng");
        String rep = rep("000.00.74.H56");
        String theirLink = given().auth().oauth2(rep("000.00.75.H56")).contentType("application/pdf").header("X-File-Name", "mc.pdf").body(pdf)
                .when().post("/api/scoring/sheets/" + theirs + "/evidence").then().statusCode(201).extract().path("link");
        for (String notEvidence : List.of("đã có", "javascript:alert(1)", "http://thanhhoa.gov.vn/bao-cao.pdf", "https://evil.example/x.pdf",
                "https://gov.vn.evil.example/x.pdf", "https://user@thanhhoa.gov.vn/x.pdf", "https://thanhhoa.gov.vn:8443/x.pdf",
                "//thanhhoa.gov.vn/x.pdf", "data:application/pdf;base64,JVBERi0=")) {
            score(rep, mine, "I.1", Map.of("points", 30, "evidence", List.of(notEvidence))).then().statusCode(422)
                    .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("/evidence-not-allowed"));
        }
        // another unit's file, or one that does not exist, is refused alike
        for (String notOurs : List.of(theirLink, "/api/scoring/evidence/" + java.util.UUID.randomUUID())) {
            score(rep, mine, "I.1", Map.of("points", 30, "evidence", List.of(notOurs))).then().statusCode(422)
                    .body("type", org.hamcrest.Matchers.endsWith("/evidence-not-found"));
        }
        String ourLink = given().auth().oauth2(rep).contentType("application/pdf").header("X-File-Name", "mc.pdf").body(pdf)
                .when().post("/api/scoring/sheets/" + mine + "/evidence").then().statusCode(201).extract().path("link");
        score(rep, mine, "I.1", Map.of("points", 30, "evidence", List.of(ourLink, "https://thanhhoa.gov.vn/van-ban/bao-cao-2016.pdf",
                "https://thidua.example/minh-chung/000.00.74.H56.pdf"))).then().statusCode(200);
    }

    @Test
    void evidenceImagesAreDecodedAndNothingMayRideAfterThem() throws Exception {
        long setId = publishedSet(700023, List.of("000.00.72.H56", "000.00.73.H56"), null, Map.of());
        long self = sheetOf(setId, "SELF", "000.00.72.H56", "000.00.72.H56");
        String rep = rep("000.00.72.H56");
        String path = "/api/scoring/sheets/" + self + "/evidence";
        byte[] png = image("png");
        byte[] jpeg = image("jpeg");
        given().auth().oauth2(rep).contentType("image/png").header("X-File-Name", "../../báo cáo.png").body(png).when().post(path)
                .then().statusCode(201).body("fileName", equalTo("báo cáo.png")).body("contentType", equalTo("image/png"));
        String link = given().auth().oauth2(rep).contentType("image/jpeg").header("X-File-Name", "anh.jpg").body(jpeg).when().post(path)
                .then().statusCode(201).extract().path("link");
        given().auth().oauth2(rep).when().get(link).then().statusCode(200).contentType("image/jpeg")
                .header("Content-Disposition", equalTo("inline; filename=\"anh.jpg\"; filename*=UTF-8''anh.jpg"));
        // a PNG with a ZIP appended, a JPEG with HTML after its end: refused, 422
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
            out.putNextEntry(new java.util.zip.ZipEntry("x.html"));
            out.write("<script>alert(1)</script>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        given().auth().oauth2(rep).contentType("image/png").body(concat(png, zip.toByteArray())).when().post(path)
                .then().statusCode(422).contentType("application/problem+json").body("type", containsString("evidence-not-image"));
        given().auth().oauth2(rep).contentType("image/jpeg").body(concat(jpeg, "<html></html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .when().post(path).then().statusCode(422).contentType("application/problem+json");
        // declared as one kind, being another
        given().auth().oauth2(rep).contentType("image/png").body(jpeg).when().post(path).then().statusCode(415)
                .contentType("application/problem+json");
        // a PDF with HTML after its end
        byte[] pdf = vn.thidua.devstack.testing.TestFiles.pdf("minh chứng");
        given().auth().oauth2(rep).contentType("application/pdf").body(concat(pdf, "<html></html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .when().post(path).then().statusCode(422).contentType("application/problem+json").body("type", containsString("evidence-not-pdf"));
        given().auth().oauth2(BOARD).when().get("/api/scoring/sheets/" + self).then().statusCode(200);
    }

    private static byte[] image(String format) throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0x336699);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
