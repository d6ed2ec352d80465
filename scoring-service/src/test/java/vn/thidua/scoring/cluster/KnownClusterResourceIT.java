package vn.thidua.scoring.cluster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static vn.thidua.scoring.cluster.ClusterEventMother.TOPIC;
import static vn.thidua.scoring.cluster.ClusterEventMother.event;
import static vn.thidua.scoring.cluster.ClusterEventMother.newId;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.KafkaTestClient;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;
import vn.thidua.platform.clusters.ClusterDirectory;

/**
 * The read-only cluster API: who sees which cluster-years. Its cluster-years (ids 900101–900103)
 * are all of year 2097, which no other test uses, so totals are exact.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "scoring"))
class KnownClusterResourceIT {
    private static final int YEAR = 2097;
    private static final long CUM_1 = 900101;
    private static final long CUM_2 = 900102;
    private static final long KHOI_1 = 900103;
    private static final String MTTQ = "000.09.31.T97";
    private static final String LDLD = "000.09.32.T97";
    private static final String HND = "000.09.33.T97";
    private static final String OUTSIDER = "000.09.99.T97";

    private static final String VIEWER = TestTokens.user("viewer-1", "viewer");
    private static final String ADMIN = TestTokens.user("admin-1", "admin");
    private static final String BOARD = TestTokens.user("board-1", "board");

    @Inject
    ClusterDirectory directory;

    /** Three cluster-years, sent again before each test: redeliveries and older news change nothing. */
    @BeforeEach
    void clusterYears() {
        KafkaTestClient kafka = KafkaTestClient.shared();
        // sent out of code order, to see the list sort them
        kafka.sendCloudEvent(TOPIC, Long.toString(KHOI_1), event("ClusterCreated", "khoi-1-" + YEAR, KHOI_1, 0, List.of(MTTQ, HND),
                data -> data.put("code", "KHOI-T1").put("name", "Khối thi đua các tổ chức đoàn thể").put("kind", "BLOCK").put("year", YEAR)));
        kafka.sendCloudEvent(TOPIC, Long.toString(CUM_2), event("ClusterCreated", "cum-2-" + YEAR, CUM_2, 0, List.of(HND),
                data -> data.put("code", "CUM-T2").put("name", "Cụm thi đua số 2").put("year", YEAR)));
        kafka.sendCloudEvent(TOPIC, Long.toString(CUM_1), event("ClusterLeadershipAssigned", "cum-1-" + YEAR, CUM_1, 1,
                List.of(MTTQ, LDLD), data -> data.put("code", "CUM-T1").put("name", "Cụm thi đua số 1").put("year", YEAR)
                        .put("leaderUnitCode", LDLD).put("deputyUnitCode", MTTQ)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> directory.find(CUM_1).isPresent()
                && directory.find(CUM_2).isPresent() && directory.find(KHOI_1).isPresent());
    }

    @Test
    void adminBoardAndViewersSeeEveryClusterYearInCodeOrder() {
        for (String token : List.of(ADMIN, BOARD, VIEWER)) {
            given().auth().oauth2(token).queryParam("year", YEAR).when().get("/api/scoring/clusters")
                    .then().statusCode(200)
                    .body("total", equalTo(3))
                    .body("page", equalTo(0))
                    .body("size", equalTo(20))
                    .body("items.code", contains("CUM-T1", "CUM-T2", "KHOI-T1"));
        }
    }

    @Test
    void pagesCarryTheTotal() {
        given().auth().oauth2(VIEWER).queryParam("year", YEAR).queryParam("page", 1).queryParam("size", 2)
                .when().get("/api/scoring/clusters")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("page", equalTo(1))
                .body("items.code", contains("KHOI-T1"));
    }

    @Test
    void oneClusterYearWithItsMembersLeaderAndVersion() {
        given().auth().oauth2(VIEWER).header("Accept-Language", "en").when().get("/api/scoring/clusters/" + CUM_1)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("id", equalTo((int) CUM_1))
                .body("code", equalTo("CUM-T1"))
                .body("name", equalTo("Cụm thi đua số 1"))
                .body("kind", equalTo("CLUSTER"))
                .body("year", equalTo(YEAR))
                .body("members", contains(MTTQ, LDLD))
                .body("leaderUnitCode", equalTo(LDLD))
                .body("deputyUnitCode", equalTo(MTTQ))
                .body("version", equalTo(1));
        given().auth().oauth2(VIEWER).when().get("/api/scoring/clusters/" + CUM_2)
                .then().statusCode(200).body("leaderUnitCode", nullValue());
    }

    @Test
    void aUnitRepresentativeSeesOnlyTheClusterYearsOfItsUnit() {
        String mttq = TestTokens.unitRep("mttq", MTTQ);
        given().auth().oauth2(mttq).queryParam("year", YEAR).when().get("/api/scoring/clusters")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.code", contains("CUM-T1", "KHOI-T1"));
        given().auth().oauth2(mttq).when().get("/api/scoring/clusters/" + CUM_1).then().statusCode(200);
        given().auth().oauth2(mttq).when().get("/api/scoring/clusters/" + CUM_2)
                .then().statusCode(403).contentType("application/problem+json");

        given().auth().oauth2(TestTokens.unitRep("outsider", OUTSIDER)).queryParam("year", YEAR).when().get("/api/scoring/clusters")
                .then().statusCode(200).body("total", equalTo(0)).body("items.size()", equalTo(0));
    }

    @Test
    void aClusterLeaderSeesOnlyTheClusterYearsOfItsUnit() {
        String leader = TestTokens.claims("ldld", "cluster-leader").claim("unit", LDLD).sign(TestTokens.privateKey());
        given().auth().oauth2(leader).queryParam("year", YEAR).when().get("/api/scoring/clusters")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items.code", contains("CUM-T1"));
        given().auth().oauth2(leader).when().get("/api/scoring/clusters/" + CUM_1).then().statusCode(200);
        given().auth().oauth2(leader).when().get("/api/scoring/clusters/" + KHOI_1)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aUnitRoleWithoutAUnitIsNoRoleAtAll() {
        String noUnit = TestTokens.user("rep-without-unit", "unit-rep");
        given().auth().oauth2(noUnit).queryParam("year", YEAR).when().get("/api/scoring/clusters")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(noUnit).when().get("/api/scoring/clusters/" + CUM_1).then().statusCode(403);
    }

    @Test
    void readingNeedsAValidTokenWithAKnownRole() {
        given().when().get("/api/scoring/clusters").then().statusCode(401).contentType("application/problem+json");
        given().when().get("/api/scoring/clusters/" + CUM_1).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.expired("viewer-1", "viewer")).when().get("/api/scoring/clusters/" + CUM_1)
                .then().statusCode(401);
        for (String token : List.of(TestTokens.user("portal-1", "portal"), TestTokens.user("someone", "nobody"))) {
            given().auth().oauth2(token).when().get("/api/scoring/clusters")
                    .then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).when().get("/api/scoring/clusters/" + CUM_1)
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void unknownClusterYearsAndBadParametersAreProblems() {
        given().auth().oauth2(VIEWER).header("Accept-Language", "en").when().get("/api/scoring/clusters/999999999")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("The scoring service does not know a cluster or block with id 999999999."));
        given().auth().oauth2(VIEWER).when().get("/api/scoring/clusters/999999999")
                .then().statusCode(404)
                .body("detail", equalTo("Dịch vụ chấm điểm chưa biết cụm, khối thi đua có mã số 999999999."));
        given().auth().oauth2(VIEWER).when().get("/api/scoring/clusters/abc")
                .then().statusCode(400).contentType("application/problem+json");
        for (String year : List.of("1999", "2101", "năm nay")) {
            given().auth().oauth2(VIEWER).queryParam("year", year).when().get("/api/scoring/clusters")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(VIEWER).queryParam("size", 0).when().get("/api/scoring/clusters")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(VIEWER).queryParam("page", "x").when().get("/api/scoring/clusters")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
