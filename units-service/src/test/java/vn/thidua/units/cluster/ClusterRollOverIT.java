package vn.thidua.units.cluster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static vn.thidua.units.cluster.ClusterFixtures.BOARD;
import static vn.thidua.units.cluster.ClusterFixtures.addMember;
import static vn.thidua.units.cluster.ClusterFixtures.assignLeadership;
import static vn.thidua.units.cluster.ClusterFixtures.createCluster;
import static vn.thidua.units.cluster.ClusterFixtures.dissolve;
import static vn.thidua.units.cluster.ClusterFixtures.ensureUnit;
import static vn.thidua.units.cluster.ClusterFixtures.newClusterCode;
import static vn.thidua.units.cluster.ClusterFixtures.newUnit;
import static vn.thidua.units.cluster.ClusterFixtures.rollOver;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.RealInfrastructure;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "units"))
class ClusterRollOverIT {
    private static final String PROBLEMS = "https://thidua.vn/problems/";

    // The seed story's units, under codes of their own so that no other test meets them.
    private static final String MTTQ = "000.00.71.H56";
    private static final String LDLD = "000.00.72.H56";
    private static final String HOI_NONG_DAN = "000.00.73.H56";
    private static final String HOI_PHU_NU = "000.00.74.H56";
    private static final String HOI_CCB = "000.00.75.H56";
    private static final String TINH_DOAN = "000.00.76.H56";
    private static final String LIEN_MINH_HTX = "000.00.77.H56";
    private static final String HOI_CHU_THAP_DO = "000.00.78.H56";

    /**
     * Thanh Hóa's emulation cluster no. 7: six mass organisations in 2016, led by the Labour Federation
     * (which hosted the year-end conference); by 2023 the Cooperative Alliance and the Red Cross have joined.
     */
    @Test
    void thanhHoaCluster7From2016To2023() {
        ensureUnit(MTTQ, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Thanh Hóa");
        ensureUnit(LDLD, "Liên đoàn Lao động tỉnh Thanh Hóa");
        ensureUnit(HOI_NONG_DAN, "Hội Nông dân tỉnh Thanh Hóa");
        ensureUnit(HOI_PHU_NU, "Hội Liên hiệp Phụ nữ tỉnh Thanh Hóa");
        ensureUnit(HOI_CCB, "Hội Cựu chiến binh tỉnh Thanh Hóa");
        ensureUnit(TINH_DOAN, "Tỉnh đoàn Thanh Hóa");
        ensureUnit(LIEN_MINH_HTX, "Liên minh Hợp tác xã tỉnh Thanh Hóa");
        ensureUnit(HOI_CHU_THAP_DO, "Hội Chữ thập đỏ tỉnh Thanh Hóa");

        long y2016 = given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("code", "CUM-07", "name", "Cụm thi đua số 7", "kind", "CLUSTER", "year", 2016,
                        "members", List.of(MTTQ, LDLD, HOI_NONG_DAN, HOI_PHU_NU, HOI_CCB, TINH_DOAN)))
                .when().post("/api/clusters")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        assignLeadership(y2016, LDLD, HOI_NONG_DAN).then().statusCode(200)
                .body("leader.name", equalTo("Liên đoàn Lao động tỉnh Thanh Hóa"))
                .body("deputy.name", equalTo("Hội Nông dân tỉnh Thanh Hóa"));

        // 2017: same members; last year's deputy is proposed as leader
        JsonPath y2017 = rollOver(y2016).then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("code", equalTo("CUM-07"))
                .body("name", equalTo("Cụm thi đua số 7"))
                .body("year", equalTo(2017))
                .body("members", hasSize(6))
                .body("leader.code", equalTo(HOI_NONG_DAN))
                .body("deputy", nullValue())
                .body("leadershipBasis", equalTo("ROTATION"))
                .body("rolledOverFrom", equalTo((int) y2016))
                .extract().jsonPath();
        long id = y2017.getLong("id");
        given().auth().oauth2(BOARD).when().get("/api/clusters/" + id).then().statusCode(200).body("year", equalTo(2017));
        for (int year = 2018; year <= 2023; year++) {
            id = rollOver(id).then().statusCode(201).body("year", equalTo(year)).extract().jsonPath().getLong("id");
        }
        long y2023 = id;
        addMember(y2023, LIEN_MINH_HTX).then().statusCode(200);
        addMember(y2023, HOI_CHU_THAP_DO).then().statusCode(200);

        given().auth().oauth2(BOARD).when().get("/api/clusters/" + y2023)
                .then().statusCode(200)
                .body("year", equalTo(2023))
                .body("members.name", contains(
                        "Hội Chữ thập đỏ tỉnh Thanh Hóa",
                        "Hội Cựu chiến binh tỉnh Thanh Hóa",
                        "Hội Liên hiệp Phụ nữ tỉnh Thanh Hóa",
                        "Hội Nông dân tỉnh Thanh Hóa",
                        "Liên đoàn Lao động tỉnh Thanh Hóa",
                        "Liên minh Hợp tác xã tỉnh Thanh Hóa",
                        "Tỉnh đoàn Thanh Hóa",
                        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Thanh Hóa"));
        // history is never overwritten: 2016 still has its six members and its leadership
        given().auth().oauth2(BOARD).when().get("/api/clusters/" + y2016)
                .then().statusCode(200)
                .body("members.code", containsInAnyOrder(MTTQ, LDLD, HOI_NONG_DAN, HOI_PHU_NU, HOI_CCB, TINH_DOAN))
                .body("leader.code", equalTo(LDLD))
                .body("deputy.code", equalTo(HOI_NONG_DAN));
        given().auth().oauth2(BOARD).queryParam("year", 2023).queryParam("size", 200).when().get("/api/clusters")
                .then().body("items.find { it.code == 'CUM-07' }.memberCount", equalTo(8));
        given().auth().oauth2(BOARD).queryParam("year", 2016).queryParam("size", 200).when().get("/api/clusters")
                .then().body("items.find { it.code == 'CUM-07' }.memberCount", equalTo(6));

        // a unit cannot be in another cluster in 2023 while it is in cluster 7
        long other = createCluster(2023);
        addMember(other, LIEN_MINH_HTX).then().statusCode(422).body("type", equalTo(PROBLEMS + "cluster-member-elsewhere"));
    }

    @Test
    void rollingOverTwiceIsAConflict() {
        String a = newUnit("Đơn vị chuyển năm A");
        long id = createCluster(2040, a);
        io.restassured.response.Response next = rollOver(id);
        next.then().statusCode(201);
        String location = next.header("Location");
        given().auth().oauth2(BOARD).when().get(location).then().statusCode(200)
                .body("id", equalTo(next.jsonPath().getInt("id"))).body("year", equalTo(2041)).body("rolledOverFrom", equalTo((int) id));
        rollOver(id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "cluster-next-year-exists"));
    }

    @Test
    void aClusterOpenedForNextYearAlreadyIsAConflictToo() {
        String code = newClusterCode();
        long id = createCluster(code, "CLUSTER", 2040);
        createCluster(code, "CLUSTER", 2041);
        rollOver(id).then().statusCode(409).body("type", equalTo(PROBLEMS + "cluster-next-year-exists"));
    }

    @Test
    void thereIsNoYearAfter2100() {
        long id = createCluster(2100);
        rollOver(id).then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-cluster-year"));
    }

    @Test
    void unitsNoLongerActiveAreNotCarriedOverAndWithoutADeputyThereIsNoProposedLeader() {
        String leader = newUnit("Đơn vị cụm trưởng");
        String deputy = newUnit("Đơn vị cụm phó sẽ giải thể");
        String member = newUnit("Đơn vị thành viên");
        long id = createCluster(2044, leader, deputy, member);
        assignLeadership(id, leader, deputy).then().statusCode(200);
        dissolve(deputy);

        rollOver(id).then().statusCode(201)
                .body("year", equalTo(2045))
                .body("members.code", containsInAnyOrder(leader, member))
                .body("leader", nullValue())
                .body("leadershipBasis", nullValue());
    }

    @Test
    void aMemberAlreadyInAnotherClusterNextYearStopsTheRollOver() {
        String a = newUnit("Đơn vị đã sang cụm khác A");
        String b = newUnit("Đơn vị đã sang cụm khác B");
        long id = createCluster(2046, a, b);
        createCluster(2047, b);
        rollOver(id).then().statusCode(422).body("type", equalTo(PROBLEMS + "cluster-member-elsewhere"));
        // a block is another kind: no clash
        long block = createCluster(newClusterCode(), "BLOCK", 2046, a, b);
        rollOver(block).then().statusCode(201).body("kind", equalTo("BLOCK")).body("members", hasSize(2));
    }
}
