package vn.thidua.scoring.security;

import static vn.thidua.devstack.testing.ObjectLevelAttacks.FORBIDDEN;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.ObjectLevelAttacks;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;
import vn.thidua.scoring.flow.SeedStoryScoringIT;
import vn.thidua.scoring.registration.MemberStatisticsIT;
import vn.thidua.scoring.registration.RegistrationIT;

/**
 * Object-level authorization of scoring-service: the representative of unit A, and the leader of
 * A's cluster-year, name unit B, B's cluster-year or B's sheets, files, registration (and its
 * member statistics), models and movements, in the path or in the body. Everything is refused with 403 (docs/access/README.md),
 * lists do not show B's things, and the Board sees that nothing changed.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "scoring"))
class ObjectLevelAttackIT {
    private static final String BOARD = TestTokens.user("board-officer", "board");
    private static final int YEAR = 2016;
    private static final long CLUSTER_A = 660_161;
    private static final long CLUSTER_B = 660_162;
    private static final String A = "000.66.11.H56";
    private static final String A_PEER = "000.66.12.H56";
    private static final String B = "000.66.13.H56";
    private static final String B_PEER = "000.66.14.H56";
    private static final byte[] PDF = vn.thidua.devstack.testing.TestFiles.pdf("minh chứng");

    @Test
    void anotherUnitsAndAnotherClustersScoringIsOutOfReach() {
        ObjectLevelAttacks attacks = new ObjectLevelAttacks("scoring-service", BOARD);
        SeedStoryScoringIT.announceCluster(CLUSTER_A, YEAR, List.of(A, A_PEER), A);
        SeedStoryScoringIT.announceCluster(CLUSTER_B, YEAR, List.of(B, B_PEER), B);
        long setA = RegistrationIT.publishedComputedSet(CLUSTER_A);
        // B's set has the cluster leader appraise the Board stage: B's leader may, A's leader may not
        Map<String, Object> definitionB = SeedStoryScoringIT.criteriaSet(CLUSTER_B, "2099-12-10");
        definitionB.put("boardReviewer", "CLUSTER_LEADER");
        long setB = ((Number) attacks.asBoard().contentType(ContentType.JSON).body(definitionB).post("/api/scoring/criteria-sets")
                .then().statusCode(201).extract().path("id")).longValue();
        attacks.asBoard().post("/api/scoring/criteria-sets/" + setB + "/publish").then().statusCode(200);
        long selfB = SeedStoryScoringIT.sheetOf(setB, "SELF", B, B);
        long peerByB = SeedStoryScoringIT.sheetOf(setB, "PEER", B_PEER, B);
        long boardOfB = SeedStoryScoringIT.sheetOf(setB, "BOARD", B, null);
        attacks.allowed("the leader of B's cluster reads the Board-stage sheet it appraises", ObjectLevelAttacks.clusterLeader(B), 200,
                r -> r.get("/api/scoring/sheets/" + boardOfB));
        String repB = ObjectLevelAttacks.unitRep(B);
        // B's own things, made by B's representative and B's leader
        String evidenceB = attacks.asBoard().auth().oauth2(repB).contentType("application/pdf").header("X-File-Name", "minh-chung-B.pdf")
                .body(PDF).post("/api/scoring/sheets/" + selfB + "/evidence").then().statusCode(201).extract().path("link");
        attacks.asBoard().auth().oauth2(repB).contentType(ContentType.JSON).body(RegistrationIT.registration())
                .put("/api/scoring/registrations/" + YEAR + "/" + B).then().statusCode(200);
        attacks.asBoard().auth().oauth2(repB).contentType(ContentType.JSON).body(MemberStatisticsIT.statistics(40, 40, 30, 2, 0, 29))
                .put("/api/scoring/registrations/" + YEAR + "/" + B + "/member-statistics").then().statusCode(200);
        long modelOfAPeer = ((Number) attacks.asBoard().contentType(ContentType.JSON).body(model(A_PEER))
                .post("/api/scoring/models").then().statusCode(201).extract().path("id")).longValue();
        long movementB = ((Number) attacks.asBoard().auth().oauth2(ObjectLevelAttacks.clusterLeader(B)).contentType(ContentType.JSON)
                .body(movement(CLUSTER_B, List.of(CLUSTER_B))).post("/api/scoring/movements").then().statusCode(201).extract().path("id"))
                .longValue();
        // the set is closed, so that a member of B's cluster could read its ranking; A's people still may not
        attacks.asBoard().post("/api/scoring/criteria-sets/" + setB + "/close").then().statusCode(200);

        String sheets = "/api/scoring/sheets/";
        attacks.watch("B's self sheet", sheets + selfB)
                .watch("B's peer sheet of its cluster-mate", sheets + peerByB)
                .watch("the Board's sheet of B", sheets + boardOfB)
                .watch("B's criteria set", "/api/scoring/criteria-sets/" + setB)
                .watch("the sheets of B's set", "/api/scoring/criteria-sets/" + setB + "/sheets")
                .watch("B's registration", "/api/scoring/registrations/" + YEAR + "/" + B)
                .watch("A's registration (none)", "/api/scoring/registrations/" + YEAR + "/" + A)
                .watch("B's ranking", "/api/scoring/criteria-sets/" + setB + "/ranking")
                .watch("B's cluster's movement", "/api/scoring/movements/" + movementB)
                .watch("the model of A's cluster-mate", "/api/scoring/models/" + modelOfAPeer)
                .watch("the models of B", () -> attacks.asBoard().queryParam("clusterId", CLUSTER_B).get("/api/scoring/models").asString())
                .watch("the criteria sets of both clusters", () -> attacks.asBoard().queryParam("clusterId", CLUSTER_A).get("/api/scoring/criteria-sets")
                        .asString() + attacks.asBoard().queryParam("clusterId", CLUSTER_B).get("/api/scoring/criteria-sets").asString());

        String setPath = "/api/scoring/criteria-sets/" + setB;
        String setEtag = attacks.asBoard().get(setPath).header("ETag");
        String registrationB = "/api/scoring/registrations/" + YEAR + "/" + B;
        String registrationEtag = attacks.asBoard().get(registrationB).header("ETag");
        Map<String, String> attackers = Map.of(
                "unit-rep of A", ObjectLevelAttacks.unitRep(A),
                "cluster-leader of A's cluster", ObjectLevelAttacks.clusterLeader(A));
        attackers.forEach((who, token) -> {
            attacks.allowed(who + " reads A's criteria set", token, 200, r -> r.get("/api/scoring/criteria-sets/" + setA))
                    .allowed(who + " reads A's own self sheet", token, 200,
                    r -> r.get(sheets + SeedStoryScoringIT.sheetOf(setA, "SELF", A, A)));

            String sheet = "scoring sheet";
            for (long id : List.of(selfB, peerByB, boardOfB)) {
                attacks.refused(sheet, who, token, FORBIDDEN, "GET /api/scoring/sheets/{id}", r -> r.get(sheets + id))
                        .refused(sheet, who, token, FORBIDDEN, "GET /api/scoring/sheets/{id}/export", r -> r.get(sheets + id + "/export"))
                        .refused(sheet, who, token, FORBIDDEN, "PUT /api/scoring/sheets/{id}/scores/{criterionCode}",
                                r -> r.contentType(ContentType.JSON).body(Map.of("points", 5)).put(sheets + id + "/scores/I.2"))
                        .refused(sheet, who, token, FORBIDDEN, "POST /api/scoring/sheets/{id}/submit", r -> r.post(sheets + id + "/submit"))
                        .refused(sheet, who, token, FORBIDDEN, "POST /api/scoring/sheets/{id}/reopen",
                                r -> r.contentType(ContentType.JSON).body(Map.of("reason", "mở lại")).post(sheets + id + "/reopen"));
            }
            attacks.listHides(sheet, who, token, "GET /api/scoring/criteria-sets/{setId}/sheets", r -> r.get(setPath + "/sheets"), "id",
                            selfB, peerByB, boardOfB)
                    .refused(sheet, who, token, FORBIDDEN, "GET /api/scoring/criteria-sets/{setId}/sheets/audit", r -> r.get(setPath + "/sheets/audit"));

            String evidence = "evidence file";
            attacks.refused(evidence, who, token, FORBIDDEN, "POST /api/scoring/sheets/{id}/evidence", r -> r.contentType("application/pdf")
                            .header("X-File-Name", "gia-mao.pdf").body(PDF).post(sheets + selfB + "/evidence"))
                    .refused(evidence, who, token, FORBIDDEN, "GET /api/scoring/evidence/{fileId}", r -> r.get(evidenceB));

            String registration = "registration (targets and titles)";
            attacks.refused(registration, who, token, FORBIDDEN, "GET /api/scoring/registrations/{year}/{unitCode}", r -> r.get(registrationB))
                    .refused(registration, who, token, FORBIDDEN, "PUT /api/scoring/registrations/{year}/{unitCode}",
                            r -> r.contentType(ContentType.JSON).body(RegistrationIT.registration()).put(registrationB))
                    .refused(registration, who, token, FORBIDDEN, "PUT /api/scoring/registrations/{year}/{unitCode}/reports/{kind}",
                            r -> r.contentType(ContentType.JSON).body(RegistrationIT.results(1, 1, 1)).put(registrationB + "/reports/midyear"))
                    .refused(registration, who, token, FORBIDDEN, "PUT /api/scoring/registrations/{year}/{unitCode}/member-statistics",
                            r -> r.contentType(ContentType.JSON).header("If-Match", registrationEtag)
                                    .body(MemberStatisticsIT.statistics(40, 40, 40, 40, 0, 40)).put(registrationB + "/member-statistics"))
                    .refused(registration, who, token, FORBIDDEN, "POST /api/scoring/registrations/{year}/{unitCode}/member-statistics/confirm",
                            r -> r.header("If-Match", registrationEtag).post(registrationB + "/member-statistics/confirm"))
                    .listHides(registration, who, token, "GET /api/scoring/registrations",
                            r -> r.queryParam("year", YEAR).get("/api/scoring/registrations"), "unitCode", B)
                    .listHides(registration, who + " (B's cluster named)", token, "GET /api/scoring/registrations",
                            r -> r.queryParam("year", YEAR).queryParam("clusterId", CLUSTER_B).get("/api/scoring/registrations"), "unitCode", B)
                    .refused(registration, who, token, FORBIDDEN, "PUT /api/scoring/registration-periods/{year}", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("registrationCloses", "2016-01-01")).put("/api/scoring/registration-periods/" + YEAR));

            String ranking = "ranking";
            attacks.refused(ranking, who, token, FORBIDDEN, "GET /api/scoring/criteria-sets/{setId}/ranking", r -> r.get(setPath + "/ranking"))
                    .refused(ranking, who, token, FORBIDDEN, "GET /api/scoring/criteria-sets/{setId}/ranking/export",
                            r -> r.get(setPath + "/ranking/export"))
                    .refused(ranking, who, token, FORBIDDEN, "POST /api/scoring/criteria-sets/{setId}/ranking/finalize",
                            r -> r.post(setPath + "/ranking/finalize"));

            String criteria = "criteria set";
            attacks.refused(criteria, who, token, FORBIDDEN, "GET /api/scoring/criteria-sets/{id}", r -> r.get(setPath))
                    .refused(criteria, who + " (B's cluster named)", token, FORBIDDEN, "GET /api/scoring/criteria-sets",
                            r -> r.queryParam("clusterId", CLUSTER_B).get("/api/scoring/criteria-sets"))
                    .refused(criteria, who, token, FORBIDDEN, "PUT /api/scoring/criteria-sets/{id}", r -> r.contentType(ContentType.JSON)
                            .header("If-Match", setEtag).body(SeedStoryScoringIT.criteriaSet(CLUSTER_B, "2099-12-10")).put(setPath))
                    .refused(criteria, who, token, FORBIDDEN, "POST /api/scoring/criteria-sets/{id}/reopen",
                            r -> r.contentType(ContentType.JSON).body(Map.of("reason", "mở lại")).post(setPath + "/reopen"))
                    .refused(criteria, who, token, FORBIDDEN, "POST /api/scoring/criteria-sets/{id}/publish", r -> r.post(setPath + "/publish"))
                    .refused(criteria, who, token, FORBIDDEN, "POST /api/scoring/criteria-sets/{id}/close", r -> r.post(setPath + "/close"))
                    .refused(criteria, who + " (copied into B's cluster in the body)", token, FORBIDDEN, "POST /api/scoring/criteria-sets/{id}/copy",
                            r -> r.contentType(ContentType.JSON).body(Map.of("clusterId", CLUSTER_B)).post("/api/scoring/criteria-sets/" + setA + "/copy"))
                    .refused(criteria, who + " (B's cluster in the body)", token, FORBIDDEN, "POST /api/scoring/criteria-sets",
                            r -> r.contentType(ContentType.JSON).body(SeedStoryScoringIT.criteriaSet(CLUSTER_B, "2099-12-10"))
                                    .post("/api/scoring/criteria-sets"))
                    .refused(criteria, who, token, FORBIDDEN, "GET /api/scoring/criteria-sets/{id}/history", r -> r.get(setPath + "/history"));

            String cluster = "cluster-year";
            attacks.refused(cluster, who, token, FORBIDDEN, "GET /api/scoring/clusters/{id}", r -> r.get("/api/scoring/clusters/" + CLUSTER_B))
                    .listHides(cluster, who, token, "GET /api/scoring/clusters", r -> r.queryParam("year", YEAR).queryParam("size", 100)
                            .get("/api/scoring/clusters"), "items.id", CLUSTER_B);

            String model = "exemplary model";
            attacks.refused(model, who + " (B in the body)", token, FORBIDDEN, "POST /api/scoring/models",
                            r -> r.contentType(ContentType.JSON).body(model(B)).post("/api/scoring/models"))
                    .refused(model, who + " (B's adoption in the body)", token, FORBIDDEN, "POST /api/scoring/models/{id}/replications",
                            r -> r.contentType(ContentType.JSON).body(Map.of("unitCode", B, "adoptedOn", "2016-06-01"))
                                    .post("/api/scoring/models/" + modelOfAPeer + "/replications"))
                    .refused(model, who, token, FORBIDDEN, "POST /api/scoring/models/{id}/recognition", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("recognisedOn", "2016-12-01", "reason", "tự công nhận")).post("/api/scoring/models/" + modelOfAPeer + "/recognition"));

            String movement = "movement";
            attacks.refused(movement, who, token, FORBIDDEN, "PUT /api/scoring/movements/{id}", r -> r.contentType(ContentType.JSON)
                            .header("If-Match", "\"1\"").body(movement(CLUSTER_B, List.of(CLUSTER_B))).put("/api/scoring/movements/" + movementB))
                    .refused(movement, who + " (B's cluster in the body)", token, FORBIDDEN, "POST /api/scoring/movements",
                            r -> r.contentType(ContentType.JSON).body(movement(CLUSTER_B, List.of(CLUSTER_B))).post("/api/scoring/movements"))
                    .refused(movement, who + " (own cluster launching, B's cluster taking part)", token, FORBIDDEN, "POST /api/scoring/movements",
                            r -> r.contentType(ContentType.JSON).body(movement(CLUSTER_A, List.of(CLUSTER_A, CLUSTER_B))).post("/api/scoring/movements"));
        });
        attacks.assertAll();
    }

    private static Map<String, Object> model(String unit) {
        return Map.of("unitCode", unit, "kind", "MODEL", "title", "Mô hình thử quyền của " + unit, "field", "Dân vận khéo",
                "startedYear", 2015);
    }

    private static Map<String, Object> movement(long launching, List<Long> participants) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Phong trào thử quyền");
        body.put("kind", "REGULAR");
        body.put("launchedBy", "CLUSTER");
        body.put("launchingClusterId", launching);
        body.put("allClusters", false);
        body.put("participantClusterIds", participants);
        body.put("startDate", "2016-03-01");
        body.put("endDate", "2016-11-30");
        body.put("goals", List.of());
        body.put("criteriaSetIds", List.of());
        return body;
    }
}
