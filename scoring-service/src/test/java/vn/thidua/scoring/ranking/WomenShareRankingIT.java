package vn.thidua.scoring.ranking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.thidua.scoring.flow.SeedStoryScoringIT.BOARD;
import static vn.thidua.scoring.flow.SeedStoryScoringIT.rep;
import static vn.thidua.scoring.registration.MemberStatisticsIT.confirm;
import static vn.thidua.scoring.registration.MemberStatisticsIT.enter;
import static vn.thidua.scoring.registration.MemberStatisticsIT.statistics;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.scoring.flow.SeedStoryScoringIT;
import vn.thidua.scoring.registration.RegistrationIT;

/**
 * The tie-break by the share of women (Decree 152 Art. 4(6)) on a real ranking: a set just
 * published, whose units all stand at 0 points, is one big tie that only the statistics separate.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "scoring"))
class WomenShareRankingIT {
    private static final int YEAR = 2023;
    private static final long CLUSTER = 730_023;
    private static final String NONE = "000.07.31.H56";
    private static final String CONFIRMED = "000.07.32.H56";
    private static final String UNCONFIRMED = "000.07.33.H56";

    private static void register(int year, String unit) {
        given().auth().oauth2(rep(unit)).contentType(ContentType.JSON).body(RegistrationIT.registration())
                .when().put("/api/scoring/registrations/" + year + "/" + unit).then().statusCode(200);
    }

    private static void expectRanking(long setId, List<String> units, List<Integer> ranks, List<String> tieBreaks) {
        given().auth().oauth2(BOARD).when().get("/api/scoring/criteria-sets/" + setId + "/ranking")
                .then().statusCode(200)
                .body("units.unitCode", equalTo(units))
                .body("units.rank", equalTo(ranks))
                .body("units.tieBreak", equalTo(tieBreaks));
    }

    @Test
    void confirmedStatisticsOfTheSetsYearReachingTheThresholdPlaceAUnitFirstAmongTheTied() {
        SeedStoryScoringIT.announceCluster(CLUSTER, YEAR, List.of(NONE, CONFIRMED, UNCONFIRMED));
        Map<String, Object> definition = SeedStoryScoringIT.criteriaSet(CLUSTER, "2099-12-10");
        definition.put("tieBreaks", List.of("WOMEN_SHARE"));
        given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(definition).when().post("/api/scoring/criteria-sets")
                .then().statusCode(422).body("errors.field", hasItem("womenShareThresholdPercent"));
        definition.put("womenShareThresholdPercent", 70);
        long setId = ((Number) given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(definition)
                .when().post("/api/scoring/criteria-sets").then().statusCode(201)
                .body("womenShareThresholdPercent", anyOf(equalTo(70), equalTo(70.0f)))
                .extract().path("id")).longValue();
        given().auth().oauth2(BOARD).when().post("/api/scoring/criteria-sets/" + setId + "/publish").then().statusCode(200);
        expectRanking(setId, List.of(NONE, CONFIRMED, UNCONFIRMED), List.of(1, 1, 1), List.of("SHARED", "SHARED", "SHARED"));

        register(YEAR, CONFIRMED);
        enter(YEAR, CONFIRMED, statistics(40, 40, 30, 2, 0, 30));
        register(YEAR, UNCONFIRMED);
        enter(YEAR, UNCONFIRMED, statistics(40, 40, 30, 2, 0, 35));
        // statistics of another year do not count for this one
        SeedStoryScoringIT.announceCluster(CLUSTER + 1, YEAR + 1, List.of(NONE));
        register(YEAR + 1, NONE);
        enter(YEAR + 1, NONE, statistics(10, 10, 10, 1, 0, 10));
        confirm(YEAR + 1, NONE);
        // unconfirmed figures count as none yet
        expectRanking(setId, List.of(NONE, CONFIRMED, UNCONFIRMED), List.of(1, 1, 1), List.of("SHARED", "SHARED", "SHARED"));

        confirm(YEAR, CONFIRMED);
        expectRanking(setId, List.of(CONFIRMED, NONE, UNCONFIRMED), List.of(1, 2, 2), List.of("WOMEN_SHARE", "WOMEN_SHARE", "SHARED"));
        given().auth().oauth2(BOARD).queryParam("format", "csv").when().get("/api/scoring/criteria-sets/" + setId + "/ranking/export")
                .then().statusCode(200).body(containsString("Bằng điểm; ưu tiên tập thể có tỷ lệ nữ từ 70% trở lên"));

        // both reaching it: still tied
        confirm(YEAR, UNCONFIRMED);
        expectRanking(setId, List.of(CONFIRMED, UNCONFIRMED, NONE), List.of(1, 1, 3), List.of("SHARED", "SHARED", "WOMEN_SHARE"));

        // a closed set's ranking follows statistics that change (and so lose their confirmation) after it closed
        given().auth().oauth2(BOARD).when().post("/api/scoring/criteria-sets/" + setId + "/close").then().statusCode(200);
        expectRanking(setId, List.of(CONFIRMED, UNCONFIRMED, NONE), List.of(1, 1, 3), List.of("SHARED", "SHARED", "WOMEN_SHARE"));
        enter(YEAR, UNCONFIRMED, statistics(40, 40, 30, 2, 0, 27));
        expectRanking(setId, List.of(CONFIRMED, NONE, UNCONFIRMED), List.of(1, 2, 2), List.of("WOMEN_SHARE", "WOMEN_SHARE", "SHARED"));
        // 27 of 40 is 67.5 %: confirmed, it still does not reach 70 %
        confirm(YEAR, UNCONFIRMED);
        expectRanking(setId, List.of(CONFIRMED, NONE, UNCONFIRMED), List.of(1, 2, 2), List.of("WOMEN_SHARE", "WOMEN_SHARE", "SHARED"));
    }
}
