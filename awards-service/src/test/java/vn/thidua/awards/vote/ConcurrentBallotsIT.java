package vn.thidua.awards.vote;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.platform.clusters.ClusterDirectory;

/**
 * Exactly one ballot per unit when its representative's requests race: 200 attempts from the 20
 * members of a cluster-year, all released at once, leave 20 ballots, 20 records of who voted and
 * 180 refusals (409), whatever the interleaving.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "awards"))
class ConcurrentBallotsIT {
    static final int UNITS = 20;
    static final int ATTEMPTS_PER_UNIT = 10;

    @Inject
    ClusterDirectory directory;

    @Inject
    DataSource dataSource;

    @Test
    void twoHundredConcurrentAttemptsFromTwentyUnitsRecordTwentyBallots() throws Exception {
        long cluster = 961_020;
        List<String> members = VotingFixtures.units("020.20", UNITS);
        VotingFixtures.cluster(directory, cluster, "CUM-20", 2016, members);
        String award = VotingFixtures.awardWithRules("TEST_CO_TINH", VotingFixtures.voting(66.67, 50, true, "ALL_MEMBERS", true));
        String session = VotingFixtures.create(VotingFixtures.leadVote(cluster, award, Map.of("nominees", members.subList(0, 3))));
        VotingFixtures.open(session);

        List<String> attempts = new ArrayList<>();
        for (String unit : members) {
            attempts.addAll(Collections.nCopies(ATTEMPTS_PER_UNIT, unit));
        }
        Collections.shuffle(attempts);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Integer>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < attempts.size(); i++) {
                String unit = attempts.get(i);
                String candidate = members.get(i % 3);
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(VotingFixtures.rep(unit)).contentType(ContentType.JSON)
                            .body(Map.of("choices", VotingFixtures.leadFor(candidate)))
                            .post(VotingFixtures.SESSIONS + "/" + session + "/ballots").statusCode();
                }));
            }
            start.countDown();
            Map<Integer, Integer> byStatus = new TreeMap<>();
            for (Future<Integer> outcome : outcomes) {
                byStatus.merge(outcome.get(), 1, Integer::sum);
            }
            assertEquals(Map.of(201, UNITS, 409, UNITS * ATTEMPTS_PER_UNIT - UNITS), byStatus);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(UNITS, count("SELECT count(*) FROM ballot WHERE session_id = '" + session + "'"));
        assertEquals(UNITS, count("SELECT count(DISTINCT unit_code) FROM ballot_cast WHERE session_id = '" + session + "'"));
        given().auth().oauth2(VotingFixtures.BOARD).post(VotingFixtures.SESSIONS + "/" + session + "/close").then().statusCode(200)
                .body("result.ballotsCast", equalTo(UNITS)).body("result.electorate", equalTo(UNITS));
    }

    private long count(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
