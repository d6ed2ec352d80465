package vn.thidua.units.cluster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.thidua.units.cluster.ClusterFixtures.BOARD;
import static vn.thidua.units.cluster.ClusterFixtures.addMember;
import static vn.thidua.units.cluster.ClusterFixtures.assignLeadership;
import static vn.thidua.units.cluster.ClusterFixtures.createCluster;
import static vn.thidua.units.cluster.ClusterFixtures.dissolve;
import static vn.thidua.units.cluster.ClusterFixtures.newClusterCode;
import static vn.thidua.units.cluster.ClusterFixtures.newUnit;
import static vn.thidua.units.cluster.ClusterFixtures.postCluster;
import static vn.thidua.units.cluster.ClusterFixtures.removeMember;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.RealInfrastructure;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "units"))
class ClusterResourceIT {
    private static final String PROBLEMS = "https://thidua.vn/problems/";

    @Inject
    DataSource dataSource;

    @Test
    void opensAClusterYearAndListsItsMembersInVietnameseOrder() {
        String mttq = newUnit("Ủy ban Mặt trận Tổ quốc Việt Nam (kiểm thử)");
        String luatSu = newUnit("Đoàn Luật sư (kiểm thử)");
        String nongDan = newUnit("Hội Nông dân (kiểm thử)");
        String ldld = newUnit("Liên đoàn Lao động (kiểm thử)");
        String congDoan = newUnit("Công đoàn Viên chức (kiểm thử)");
        String ccb = newUnit("Hội Cựu chiến binh (kiểm thử)");
        String code = newClusterCode();

        Map<String, Object> body = new HashMap<>();
        body.put("code", code.toLowerCase());
        body.put("name", "  Cụm thi đua   số 7 ");
        body.put("kind", "cluster");
        body.put("year", 2016);
        body.put("members", List.of(mttq, luatSu, nongDan, ldld, congDoan, ccb, mttq));
        long id = given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(body)
                .when().post("/api/clusters")
                .then().statusCode(201)
                .header("Location", containsString("/api/clusters/"))
                .header("ETag", equalTo("\"0\""))
                .body("code", equalTo(code))
                .body("name", equalTo("Cụm thi đua số 7"))
                .body("kind", equalTo("CLUSTER"))
                .body("year", equalTo(2016))
                .body("members", hasSize(6))
                .body("version", equalTo(0))
                .extract().jsonPath().getLong("id");

        given().auth().oauth2(ClusterFixtures.VIEWER).when().get("/api/clusters/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("members.name", contains("Công đoàn Viên chức (kiểm thử)", "Đoàn Luật sư (kiểm thử)",
                        "Hội Cựu chiến binh (kiểm thử)", "Hội Nông dân (kiểm thử)", "Liên đoàn Lao động (kiểm thử)",
                        "Ủy ban Mặt trận Tổ quốc Việt Nam (kiểm thử)"))
                .body("members.code", contains(congDoan, luatSu, ccb, nongDan, ldld, mttq))
                .body("leader", nullValue())
                .body("deputy", nullValue())
                .body("agreement", nullValue());
    }

    @Test
    void listsClusterYearsByYearAndKindSortedByCodeWithATotal() {
        String a = newUnit("Đơn vị danh sách A");
        String b = newUnit("Đơn vị danh sách B");
        createCluster("LIST-C", "CLUSTER", 2091, a);
        createCluster("LIST-A", "CLUSTER", 2091);
        createCluster("LIST-B", "BLOCK", 2091, a, b);
        createCluster("LIST-A", "CLUSTER", 2092);

        given().auth().oauth2(BOARD).queryParam("year", 2091).when().get("/api/clusters")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.code", contains("LIST-A", "LIST-B", "LIST-C"))
                .body("items.memberCount", contains(0, 2, 1))
                .body("items.kind", contains("CLUSTER", "BLOCK", "CLUSTER"));
        given().auth().oauth2(BOARD).queryParam("year", "2091").queryParam("kind", "block").when().get("/api/clusters")
                .then().statusCode(200).body("total", equalTo(1)).body("items.code", contains("LIST-B"));
        given().auth().oauth2(BOARD).queryParam("year", 2091).queryParam("size", 2).queryParam("page", 1)
                .when().get("/api/clusters")
                .then().statusCode(200).body("total", equalTo(3)).body("page", equalTo(1)).body("size", equalTo(2))
                .body("items.code", contains("LIST-C"));
        given().auth().oauth2(BOARD).queryParam("year", 2092).when().get("/api/clusters")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].year", equalTo(2092));

        for (String year : List.of("1999", "2101", "abc")) {
            given().auth().oauth2(BOARD).queryParam("year", year).when().get("/api/clusters")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "invalid-cluster-year"));
        }
        given().auth().oauth2(BOARD).queryParam("kind", "cum").when().get("/api/clusters")
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-cluster-kind"));
        given().auth().oauth2(BOARD).queryParam("size", 0).when().get("/api/clusters")
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-page-size"));
        given().auth().oauth2(BOARD).queryParam("page", "x").when().get("/api/clusters")
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-page"));
    }

    @Test
    void aDuplicateCodeInTheSameYearIsAConflictAndBadInputIsABadRequest() {
        String code = newClusterCode();
        createCluster(code, "CLUSTER", 2020);
        postCluster(code, "BLOCK", 2020).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "cluster-exists"))
                .body("detail", containsString(code));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Map.of("code", code, "name", "Trùng mã", "kind", "CLUSTER", "year", 2020))
                .when().post("/api/clusters")
                .then().statusCode(409)
                .header("Content-Language", "en")
                .body("detail", equalTo("Cluster " + code + " of year 2020 already exists."));
        createCluster(code, "CLUSTER", 2021);

        postCluster(newClusterCode(), "CLUSTER", 1999).then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-cluster-year"));
        postCluster(newClusterCode(), "CLUSTER", 2101).then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-cluster-year"));
        postCluster(newClusterCode(), "CLUSTER", 2000).then().statusCode(201);
        postCluster(newClusterCode(), "CLUSTER", 2100).then().statusCode(201);
        postCluster("CỤM 7", "CLUSTER", 2020).then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-cluster-code"));
        postCluster(newClusterCode(), "KHỐI", 2020).then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-cluster-kind"));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("code", newClusterCode(), "name", "Không có năm", "kind", "CLUSTER"))
                .when().post("/api/clusters").then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-cluster-year"));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("code", newClusterCode(), "name", " ", "kind", "CLUSTER", "year", 2020))
                .when().post("/api/clusters").then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-cluster-name"));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body("{\"code\": \"X-1\", \"year\": \"năm nay\"}")
                .when().post("/api/clusters").then().statusCode(400).body("type", equalTo(PROBLEMS + "malformed-body"));
        given().auth().oauth2(BOARD).when().get("/api/clusters/999999999")
                .then().statusCode(404).contentType("application/problem+json").body("type", equalTo(PROBLEMS + "cluster-not-found"));
    }

    @Test
    void membersMustBeRegisteredActiveUnitsInOneClusterOfAKindAYear() {
        String first = newUnit("Thành viên một");
        String second = newUnit("Thành viên hai");
        String dissolved = newUnit("Đơn vị đã giải thể");
        dissolve(dissolved);

        postCluster(newClusterCode(), "CLUSTER", 2032, first, "000.79.99.H56").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "cluster-member-unknown"))
                .body("detail", containsString("000.79.99.H56"));
        postCluster(newClusterCode(), "CLUSTER", 2032, dissolved).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "cluster-member-inactive"));
        postCluster(newClusterCode(), "CLUSTER", 2032, "not a code").then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-unit-code"));

        long clusterA = createCluster(2032, first);
        String clusterACode = given().auth().oauth2(BOARD).when().get("/api/clusters/" + clusterA).then().extract().path("code");
        long clusterB = createCluster(2032);
        long blockC = createCluster(newClusterCode(), "BLOCK", 2032);
        long nextYear = createCluster(2033);

        addMember(clusterB, first).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "cluster-member-elsewhere"))
                .body("detail", containsString(clusterACode));
        postCluster(newClusterCode(), "CLUSTER", 2032, first).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "cluster-member-elsewhere"));
        addMember(blockC, first).then().statusCode(200).header("ETag", equalTo("\"1\"")).body("members.code", contains(first));
        addMember(nextYear, first).then().statusCode(200);
        addMember(clusterA, first).then().statusCode(422).body("type", equalTo(PROBLEMS + "cluster-member-already"));
        addMember(clusterA, "000.79.98.H56").then().statusCode(422).body("type", equalTo(PROBLEMS + "cluster-member-unknown"));
        addMember(clusterA, dissolved).then().statusCode(422).body("type", equalTo(PROBLEMS + "cluster-member-inactive"));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Map.of("unitCode", dissolved))
                .when().post("/api/clusters/" + clusterA + "/members")
                .then().statusCode(422).body("detail", containsString("is no longer active"));

        // after leaving cluster A the unit may join cluster B the same year
        removeMember(clusterA, first).then().statusCode(200).body("members", hasSize(0));
        addMember(clusterB, first).then().statusCode(200).body("members.code", contains(first));
        addMember(clusterA, second).then().statusCode(200);
        removeMember(clusterA, first).then().statusCode(404).body("type", equalTo(PROBLEMS + "cluster-member-not-found"));
    }

    @Test
    void theDatabaseItselfKeepsAUnitInOneClusterOfAKindAYear() throws SQLException {
        String unit = newUnit("Đơn vị kiểm tra ràng buộc");
        long clusterA = createCluster(2034, unit);
        long clusterB = createCluster(2034);

        SQLException refused = assertThrows(SQLException.class, () -> insertMembership(clusterB, unit, "CLUSTER", 2034));
        assertEquals("23505", refused.getSQLState());
        // the membership row must carry its cluster-year's kind and year
        SQLException mismatched = assertThrows(SQLException.class, () -> insertMembership(clusterB, unit, "BLOCK", 2034));
        assertEquals("23503", mismatched.getSQLState());

        given().auth().oauth2(BOARD).when().get("/api/clusters/" + clusterA).then().body("members.code", contains(unit));
        given().auth().oauth2(BOARD).when().get("/api/clusters/" + clusterB).then().body("members", hasSize(0));
    }

    @Test
    void everyChangeIsKeptInTheAuditTrailWithTheStateBeforeAndAfter() throws SQLException {
        String a = newUnit("Đơn vị nhật ký A");
        String b = newUnit("Đơn vị nhật ký B");
        long id = createCluster(2039, a);
        addMember(id, b).then().statusCode(200);
        assignLeadership(id, a, b).then().statusCode(200);

        List<String> rows = new java.util.ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT version, action, actor, before_state ->> 'version', after_state ->> 'leaderUnitCode',
                            jsonb_array_length(after_state -> 'members')
                     FROM cluster_audit WHERE cluster_year_id = ? ORDER BY version""")) {
            select.setLong(1, id);
            try (java.sql.ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getLong(1) + " " + result.getString(2) + " " + result.getString(3) + " "
                            + result.getString(4) + " " + result.getString(5) + " " + result.getInt(6));
                }
            }
        }
        assertEquals(List.of(
                "0 vn.thidua.units.ClusterCreated board-officer null null 1",
                "1 vn.thidua.units.ClusterMembershipChanged board-officer 0 null 2",
                "2 vn.thidua.units.ClusterLeadershipAssigned board-officer 1 " + a + " 2"), rows);
    }

    private void insertMembership(long clusterYearId, String unitCode, String kind, int year) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO cluster_membership (cluster_year_id, kind, year, unit_code, joined_at, joined_by)
                     VALUES (?, ?, ?, ?, ?, 'test')""")) {
            insert.setLong(1, clusterYearId);
            insert.setString(2, kind);
            insert.setInt(3, year);
            insert.setString(4, unitCode);
            insert.setObject(5, java.time.OffsetDateTime.now());
            insert.executeUpdate();
        }
    }

    @Test
    void leaderAndDeputyAreTwoMembersAndCannotLeaveUntilTheLeadershipChanges() {
        String a = newUnit("Đơn vị lãnh đạo A");
        String b = newUnit("Đơn vị lãnh đạo B");
        String c = newUnit("Đơn vị lãnh đạo C");
        String outsider = newUnit("Đơn vị ngoài cụm");
        long id = createCluster(2035, a, b, c);

        assignLeadership(id, outsider, b).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "cluster-leadership-not-member")).body("detail", containsString(outsider));
        assignLeadership(id, a, outsider).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "cluster-leadership-not-member"));
        assignLeadership(id, a, a).then().statusCode(422).body("type", equalTo(PROBLEMS + "cluster-leadership-same-unit"));
        assignLeadership(id, null, b).then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-cluster-leadership"));

        assignLeadership(id, a, b).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("leader.code", equalTo(a)).body("leader.name", equalTo("Đơn vị lãnh đạo A"))
                .body("deputy.code", equalTo(b))
                .body("leadershipBasis", equalTo("ASSIGNED"));
        // the same leadership again changes nothing
        assignLeadership(id, a, b).then().statusCode(200).header("ETag", equalTo("\"1\""));

        removeMember(id, a).then().statusCode(422).body("type", equalTo(PROBLEMS + "cluster-member-leads"))
                .body("detail", containsString("cụm trưởng"));
        removeMember(id, b).then().statusCode(422).body("type", equalTo(PROBLEMS + "cluster-member-leads"))
                .body("detail", containsString("cụm phó"));
        removeMember(id, c).then().statusCode(200).header("ETag", equalTo("\"2\"")).body("members.code", contains(a, b));

        assignLeadership(id, b, null).then().statusCode(200).body("leader.code", equalTo(b)).body("deputy", nullValue());
        removeMember(id, a).then().statusCode(200).body("members.code", contains(b));

        // a member that is no longer active cannot lead
        String later = newUnit("Đơn vị sẽ giải thể");
        addMember(id, later).then().statusCode(200);
        dissolve(later);
        assignLeadership(id, later, b).then().statusCode(422).body("type", equalTo(PROBLEMS + "cluster-member-inactive"));
    }

    @Test
    void aStaleIfMatchIsRefusedWith412() {
        String a = newUnit("Đơn vị phiên bản A");
        String b = newUnit("Đơn vị phiên bản B");
        String c = newUnit("Đơn vị phiên bản C");
        long id = createCluster(2036, a);

        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("unitCode", b))
                .when().post("/api/clusters/" + id + "/members").then().statusCode(200).header("ETag", equalTo("\"1\""));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("unitCode", c))
                .when().post("/api/clusters/" + id + "/members")
                .then().statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "stale-version"))
                .body("detail", containsString("1"));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("leaderUnitCode", a, "deputyUnitCode", b))
                .when().put("/api/clusters/" + id + "/leadership").then().statusCode(412);
        given().auth().oauth2(BOARD).header("If-Match", "\"0\"")
                .when().delete("/api/clusters/" + id + "/members/" + b).then().statusCode(412);
        given().auth().oauth2(BOARD).header("If-Match", "\"0\"")
                .when().post("/api/clusters/" + id + "/roll-over").then().statusCode(412);
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("signedOn", "2036-01-05", "signatories", List.of(a)))
                .when().put("/api/clusters/" + id + "/agreement").then().statusCode(412);
        given().auth().oauth2(BOARD).contentType("application/pdf").header("If-Match", "\"0\"")
                .body(vn.thidua.devstack.testing.TestFiles.pdf("stale"))
                .when().put("/api/clusters/" + id + "/agreement/document").then().statusCode(412);

        given().auth().oauth2(BOARD).when().get("/api/clusters/" + id)
                .then().header("ETag", equalTo("\"1\"")).body("members.code", contains(a, b)).body("leader", nullValue());
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "W/\"1\"")
                .body(Map.of("leaderUnitCode", a, "deputyUnitCode", b))
                .when().put("/api/clusters/" + id + "/leadership").then().statusCode(200).header("ETag", equalTo("\"2\""));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).header("If-Match", "\"7\", \"2\"").body(Map.of("unitCode", c))
                .when().post("/api/clusters/" + id + "/members").then().statusCode(200).header("ETag", equalTo("\"3\""));
    }

    @Test
    void theMembershipHistoryTellsWhoWasAMemberWhen() {
        String a = newUnit("Đơn vị lịch sử A");
        String b = newUnit("Đơn vị lịch sử B");
        long id = createCluster(2037, a, b);
        Instant beforeLeaving = Instant.now();
        removeMember(id, b).then().statusCode(200);
        addMember(id, b).then().statusCode(200);

        given().auth().oauth2(BOARD).when().get("/api/clusters/" + id + "/membership-history")
                .then().statusCode(200)
                .body("$", hasSize(3))
                .body("unitCode", contains(a, b, b))
                .body("[0].joinedBy", equalTo("board-officer"))
                .body("[0].leftAt", nullValue())
                .body("[1].leftAt", notNullValue())
                .body("[1].leftBy", equalTo("board-officer"))
                .body("[2].leftAt", nullValue())
                .body("[2].name", equalTo("Đơn vị lịch sử B"));
        String leftAt = given().auth().oauth2(BOARD).when().get("/api/clusters/" + id + "/membership-history")
                .then().extract().path("[1].leftAt");
        assertTrue(!Instant.parse(leftAt).isBefore(beforeLeaving.minusSeconds(1)));
        given().auth().oauth2(BOARD).when().get("/api/clusters/" + id)
                .then().body("members.code", contains(a, b)).header("ETag", equalTo("\"2\""));
    }

    @Test
    void createdClusterYearsAreFoundAtTheirLocation() {
        String location = postCluster(newClusterCode(), "BLOCK", 2038).then().statusCode(201).extract().header("Location");
        given().auth().oauth2(BOARD).when().get(location)
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("ETag", equalTo("\"0\""))
                .body("kind", equalTo("BLOCK"))
                .body("year", equalTo(2038))
                .body("createdAt", notNullValue())
                .body("rolledOverFrom", nullValue());
        given().auth().oauth2(BOARD).when().get(location + "/membership-history").then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(BOARD).when().get("/api/clusters/not-a-number").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).when().post("/api/clusters")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "missing-body"));
    }
}
