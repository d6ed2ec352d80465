package vn.thidua.units.cluster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static vn.thidua.units.cluster.ClusterFixtures.ADMIN;
import static vn.thidua.units.cluster.ClusterFixtures.BOARD;
import static vn.thidua.units.cluster.ClusterFixtures.VIEWER;
import static vn.thidua.units.cluster.ClusterFixtures.createCluster;
import static vn.thidua.units.cluster.ClusterFixtures.newClusterCode;
import static vn.thidua.units.cluster.ClusterFixtures.newUnit;
import static vn.thidua.units.cluster.ClusterFixtures.removeMember;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "units"))
class ClusterAuthorizationIT {
    private static final String FORBIDDEN = "https://thidua.vn/problems/forbidden";
    private static final int YEAR = 2093;

    @Test
    void withoutAValidTokenNothingIsAnswered() {
        long id = createCluster(2094);
        given().when().get("/api/clusters").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().when().get("/api/clusters/" + id).then().statusCode(401);
        given().when().get("/api/clusters/" + id + "/agreement/document").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("code", "X-1", "name", "x", "kind", "CLUSTER", "year", 2094))
                .when().post("/api/clusters").then().statusCode(401);
        given().auth().oauth2(TestTokens.expired("board-officer", "board")).when().get("/api/clusters/" + id).then().statusCode(401);
        given().auth().oauth2(TestTokens.wrongIssuer("board-officer", "board")).when().get("/api/clusters").then().statusCode(401);
    }

    @Test
    void unitRepresentativesAndClusterLeadersReadOnlyTheClustersOfTheirUnit() {
        String a = newUnit("Đơn vị quyền A");
        String b = newUnit("Đơn vị quyền B");
        String c = newUnit("Đơn vị quyền C");
        long mine = createCluster("AUTH-1", "CLUSTER", YEAR, a, b);
        long theirs = createCluster("AUTH-2", "CLUSTER", YEAR, c);
        long myBlock = createCluster("AUTH-3", "BLOCK", YEAR, a);

        String rep = TestTokens.unitRep("rep-a", a);
        String leader = TestTokens.claims("leader-a", "cluster-leader").claim("unit", a).sign(TestTokens.privateKey());
        for (String token : new String[] {rep, leader}) {
            given().auth().oauth2(token).queryParam("year", YEAR).when().get("/api/clusters")
                    .then().statusCode(200).body("total", equalTo(2)).body("items.code", contains("AUTH-1", "AUTH-3"));
            given().auth().oauth2(token).when().get("/api/clusters/" + mine).then().statusCode(200).body("code", equalTo("AUTH-1"));
            given().auth().oauth2(token).when().get("/api/clusters/" + myBlock).then().statusCode(200);
            given().auth().oauth2(token).when().get("/api/clusters/" + theirs)
                    .then().statusCode(403).contentType("application/problem+json").body("type", equalTo(FORBIDDEN));
            given().auth().oauth2(token).when().get("/api/clusters/" + theirs + "/membership-history").then().statusCode(403);
            given().auth().oauth2(token).when().get("/api/clusters/" + theirs + "/agreement/document").then().statusCode(403);
            // reading is all they may do, even in their own cluster
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("unitCode", c))
                    .when().post("/api/clusters/" + mine + "/members").then().statusCode(403).body("type", equalTo(FORBIDDEN));
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("leaderUnitCode", a))
                    .when().put("/api/clusters/" + mine + "/leadership").then().statusCode(403);
            given().auth().oauth2(token).when().post("/api/clusters/" + mine + "/roll-over").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("code", newClusterCode(), "name", "x", "kind", "CLUSTER", "year", YEAR))
                    .when().post("/api/clusters").then().statusCode(403);
        }

        // a representative of a unit that left the cluster no longer reads it
        removeMember(mine, b).then().statusCode(200);
        given().auth().oauth2(TestTokens.unitRep("rep-b", b)).when().get("/api/clusters/" + mine).then().statusCode(403);
        given().auth().oauth2(TestTokens.unitRep("rep-b", b)).queryParam("year", YEAR).when().get("/api/clusters")
                .then().statusCode(200).body("total", equalTo(0));

        // without a unit claim the role is not granted at all
        String noUnit = TestTokens.user("leader-without-unit", "cluster-leader");
        given().auth().oauth2(noUnit).queryParam("year", YEAR).when().get("/api/clusters")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(noUnit).when().get("/api/clusters/" + mine).then().statusCode(403);
    }

    @Test
    void viewersReadEverythingAndChangeNothing() {
        String a = newUnit("Đơn vị quyền xem");
        long id = createCluster(2095, a);
        given().auth().oauth2(VIEWER).queryParam("year", 2095).when().get("/api/clusters").then().statusCode(200)
                .body("total", equalTo(1));
        given().auth().oauth2(VIEWER).when().get("/api/clusters/" + id).then().statusCode(200);
        given().auth().oauth2(VIEWER).when().get("/api/clusters/" + id + "/membership-history").then().statusCode(200);
        given().auth().oauth2(VIEWER).contentType(ContentType.JSON)
                .body(Map.of("code", newClusterCode(), "name", "x", "kind", "CLUSTER", "year", 2095))
                .when().post("/api/clusters").then().statusCode(403).body("type", equalTo(FORBIDDEN));
        given().auth().oauth2(VIEWER).when().delete("/api/clusters/" + id + "/members/" + a).then().statusCode(403);
        given().auth().oauth2(VIEWER).contentType("application/pdf").body("%PDF-1.7".getBytes())
                .when().put("/api/clusters/" + id + "/agreement/document").then().statusCode(403);
        given().auth().oauth2(VIEWER).contentType(ContentType.JSON).body(Map.of("signedOn", "2095-01-01"))
                .when().put("/api/clusters/" + id + "/agreement").then().statusCode(403);
    }

    @Test
    void otherRolesGetNothingAndAdminsAndBoardOfficersManage() {
        long id = createCluster(2096);
        for (String token : new String[] {TestTokens.user("portal-1", "portal"), TestTokens.user("someone", "nobody")}) {
            given().auth().oauth2(token).when().get("/api/clusters").then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).when().get("/api/clusters/" + id).then().statusCode(403);
        }
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("code", newClusterCode(), "name", "Khối thi đua do quản trị tạo", "kind", "BLOCK", "year", 2096))
                .when().post("/api/clusters").then().statusCode(201);
        String a = newUnit("Đơn vị quản trị");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("unitCode", a))
                .when().post("/api/clusters/" + id + "/members").then().statusCode(200);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("leaderUnitCode", a))
                .when().put("/api/clusters/" + id + "/leadership").then().statusCode(200);
    }
}
