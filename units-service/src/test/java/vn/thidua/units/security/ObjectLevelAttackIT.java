package vn.thidua.units.security;

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

/**
 * Object-level authorization of units-service: the representative of unit A, and the leader of A's
 * cluster-year, name unit B or B's cluster-year in the path or in the body. Everything is refused
 * with 403 (unit codes and cluster-year ids are no secret, docs/access/README.md), lists do not show
 * B's things, and the Board sees that nothing changed.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "units"))
class ObjectLevelAttackIT {
    private static final String BOARD = TestTokens.user("board-officer", "board");
    private static final int YEAR = 2088;
    private static final String A = "000.66.01.H56";
    private static final String A_PEER = "000.66.02.H56";
    private static final String B = "000.66.03.H56";
    private static final String B_PEER = "000.66.04.H56";
    private static final byte[] PDF = vn.thidua.devstack.testing.TestFiles.pdf("giao ước");

    @Test
    void anotherUnitsProfileAndAnotherClusterAreOutOfReach() {
        ObjectLevelAttacks attacks = new ObjectLevelAttacks("units-service", BOARD);
        for (String unit : List.of(A, A_PEER, B, B_PEER)) {
            int status = attacks.asBoard().contentType(ContentType.JSON).body(Map.of("code", unit, "name", "Đơn vị thử quyền " + unit))
                    .post("/api/units").statusCode();
            if (status != 201 && status != 409) {
                throw new IllegalStateException("cannot register " + unit + ": " + status);
            }
        }
        long clusterA = cluster("OLA-A", A, A_PEER);
        long clusterB = cluster("OLA-B", B, B_PEER);

        attacks.watch("unit B", "/api/units/" + B)
                .watch("unit A", "/api/units/" + A)
                .watch("unit B's status history", "/api/units/" + B + "/status-history")
                .watch("the register's size", () -> attacks.asBoard().get("/api/units").jsonPath().getString("total"))
                .watch("B's cluster-year", "/api/clusters/" + clusterB)
                .watch("B's cluster-year's membership", "/api/clusters/" + clusterB + "/membership-history")
                .watch("A's cluster-year", "/api/clusters/" + clusterA)
                .watch("the cluster-years of " + YEAR, "/api/clusters?year=" + YEAR);

        String peopleB = "/api/units/" + B + "/people";
        String personB = attacks.asBoard().contentType(ContentType.JSON)
                .body(Map.of("fullName", "Người của B (giả định)", "gender", "FEMALE", "personnelCode", "B-1", "joinedOn", "2020-01-01"))
                .post(peopleB).then().statusCode(201).extract().jsonPath().getString("id");
        String initiativeB = attacks.asBoard().contentType(ContentType.JSON)
                .body(Map.of("unitCode", B, "title", "Sáng kiến của B (giả định)", "registeredOn", "2025-03-01", "authors", List.of(personB)))
                .post("/api/initiatives").then().statusCode(201).extract().jsonPath().getString("id");
        attacks.watch("B's people", peopleB + "?which=ALL")
                .watch("B's person", peopleB + "/" + personB)
                .watch("B's person's years", peopleB + "/" + personB + "/years")
                .watch("B's initiative", "/api/initiatives/" + initiativeB);

        String unitB = "/api/units/" + B;
        String etagB = attacks.asBoard().get(unitB).header("ETag");
        String etagA = attacks.asBoard().get("/api/units/" + A).header("ETag");
        String cb = "/api/clusters/" + clusterB;
        String ca = "/api/clusters/" + clusterA;
        Map<String, String> attackers = Map.of(
                "unit-rep of A", ObjectLevelAttacks.unitRep(A),
                "cluster-leader of A's cluster", ObjectLevelAttacks.clusterLeader(A));
        attackers.forEach((who, token) -> {
            attacks.allowed(who + " reads A's cluster-year", token, 200, r -> r.get(ca));

            String unit = "unit profile";
            attacks.refused(unit, who, token, FORBIDDEN, "GET /api/units/{code}", r -> r.get(unitB))
                    .refused(unit, who, token, FORBIDDEN, "GET /api/units/{code}/status-history", r -> r.get(unitB + "/status-history"))
                    .refused(unit, who, token, FORBIDDEN, "PUT /api/units/{code}", r -> r.contentType(ContentType.JSON)
                            .header("If-Match", etagB).body(profile(B, B)).put(unitB))
                    .refused(unit, who + " (B's code in the body, A's in the path)", token, FORBIDDEN, "PUT /api/units/{code}",
                            r -> r.contentType(ContentType.JSON).header("If-Match", etagA).body(profile(B, A))
                                    .put("/api/units/" + A))
                    .refused(unit, who, token, FORBIDDEN, "POST /api/units/{code}/status", r -> r.contentType(ContentType.JSON)
                            .header("If-Match", etagB).body(Map.of("status", "DISSOLVED", "effectiveFrom", "2024-01-01", "reason", "x"))
                            .post(unitB + "/status"))
                    .refused(unit, who + " (B's code in the body)", token, FORBIDDEN, "POST /api/units", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("code", B, "name", "Chiếm mã của B")).post("/api/units"))
                    .refused(unit, who + " (B's row in the file)", token, FORBIDDEN, "POST /api/units/import", r -> r.contentType("text/csv")
                            .body(("code,name\n" + B + ",Đổi tên B\n").getBytes(StandardCharsets.UTF_8)).post("/api/units/import"))
                    .listHides(unit, who, token, "GET /api/units", r -> r.queryParam("size", 100).get("/api/units"), "items.code", B, B_PEER)
                    .listHides(unit, who + " (searching B's name)", token, "GET /api/units",
                            r -> r.queryParam("q", "thử quyền").queryParam("size", 100).get("/api/units"), "items.code", B, B_PEER);

            String people = "people of a unit";
            String personPath = peopleB + "/" + personB;
            String etagPerson = attacks.asBoard().get(personPath).header("ETag");
            attacks.refused(people, who, token, FORBIDDEN, "GET /api/units/{code}/people", r -> r.get(peopleB))
                    .refused(people, who, token, FORBIDDEN, "GET /api/units/{code}/people/{id}", r -> r.get(personPath))
                    .refused(people, who + " (B's person under A's code)", token, 404, "GET /api/units/{code}/people/{id}",
                            r -> r.get("/api/units/" + A + "/people/" + personB))
                    .refused(people, who, token, FORBIDDEN, "GET /api/units/{code}/people/{id}/years", r -> r.get(personPath + "/years"))
                    .refused(people, who, token, FORBIDDEN, "GET /api/units/{code}/people/export", r -> r.get(peopleB + "/export"))
                    .refused(people, who, token, FORBIDDEN, "GET /api/units/{code}/people/reads", r -> r.get(peopleB + "/reads"))
                    .refused(people, who, token, FORBIDDEN, "GET /api/units/{code}/people/statistics",
                            r -> r.queryParam("year", 2025).get(peopleB + "/statistics"))
                    .refused(people, who, token, FORBIDDEN, "POST /api/units/{code}/people", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("fullName", "Người lạ", "gender", "MALE", "joinedOn", "2024-01-01")).post(peopleB))
                    .refused(people, who, token, FORBIDDEN, "PUT /api/units/{code}/people/{id}", r -> r.contentType(ContentType.JSON)
                            .header("If-Match", etagPerson).body(Map.of("fullName", "Đổi tên", "gender", "MALE")).put(personPath))
                    .refused(people, who, token, FORBIDDEN, "POST /api/units/{code}/people/{id}/leave", r -> r.contentType(ContentType.JSON)
                            .header("If-Match", etagPerson).body(Map.of("leftOn", "2024-01-01")).post(personPath + "/leave"))
                    .refused(people, who, token, FORBIDDEN, "POST /api/units/{code}/people/{id}/move", r -> r.contentType(ContentType.JSON)
                            .header("If-Match", etagPerson).body(Map.of("toUnitCode", A, "on", "2024-01-01")).post(personPath + "/move"))
                    .refused(people, who, token, FORBIDDEN, "PUT /api/units/{code}/people/{id}/years/{year}", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("taskRating", "NOT_COMPLETED", "discipline", "DISMISSAL")).put(personPath + "/years/2025"))
                    .refused(people, who + " (B's person taken into A)", token, 409, "POST /api/units/{code}/people",
                            r -> r.contentType(ContentType.JSON).body(Map.of("personId", personB, "joinedOn", "2024-01-01"))
                                    .post("/api/units/" + A + "/people"))
                    .refused(people, who + " (B's initiative registered with B's person)", token, FORBIDDEN, "POST /api/initiatives",
                            r -> r.contentType(ContentType.JSON).body(Map.of("unitCode", B, "title", "Giả mạo", "registeredOn", "2025-03-01",
                                    "authors", List.of(personB))).post("/api/initiatives"))
                    .refused(people, who + " (B's person as an author of A's initiative)", token, 422, "POST /api/initiatives",
                            r -> r.contentType(ContentType.JSON).body(Map.of("unitCode", A, "title", "Mượn tác giả", "registeredOn", "2025-03-01",
                                    "authors", List.of(personB))).post("/api/initiatives"))
                    .refused(people, who, token, FORBIDDEN, "GET /api/initiatives/{id}", r -> r.get("/api/initiatives/" + initiativeB))
                    .refused(people, who, token, FORBIDDEN, "GET /api/initiatives", r -> r.queryParam("unit", B).get("/api/initiatives"))
                    .refused(people, who, token, FORBIDDEN, "POST /api/initiatives/{id}/recognitions", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("level", "GRASSROOTS", "scope", "UNIT", "issuer", "x", "decisionNumber", "1", "decidedOn", "2025-06-01"))
                            .post("/api/initiatives/" + initiativeB + "/recognitions"));
            // a row of B in a file is refused on its own; nothing of it is written
            attacks.allowed(who + " imports a file naming B", token, 200, r -> r.contentType("text/csv; charset=UTF-8")
                    .body(("unitCode,personnelCode,fullName,gender,joinedOn\n" + B + ",X-9,Người cài cắm,MALE,2024-01-01\n")
                            .getBytes(StandardCharsets.UTF_8)).post("/api/people/import"));

            String cluster = "cluster-year";
            attacks.refused(cluster, who, token, FORBIDDEN, "GET /api/clusters/{id}", r -> r.get(cb))
                    .refused(cluster, who, token, FORBIDDEN, "GET /api/clusters/{id}/membership-history", r -> r.get(cb + "/membership-history"))
                    .refused(cluster, who, token, FORBIDDEN, "GET /api/clusters/{id}/agreement/document", r -> r.get(cb + "/agreement/document"))
                    .listHides(cluster, who, token, "GET /api/clusters", r -> r.queryParam("year", YEAR).get("/api/clusters"), "items.id", clusterB)
                    .refused(cluster, who, token, FORBIDDEN, "POST /api/clusters/{id}/members", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("unitCode", A)).post(cb + "/members"))
                    .refused(cluster, who + " (B in the body, own cluster in the path)", token, FORBIDDEN, "POST /api/clusters/{id}/members",
                            r -> r.contentType(ContentType.JSON).body(Map.of("unitCode", B)).post(ca + "/members"))
                    .refused(cluster, who, token, FORBIDDEN, "DELETE /api/clusters/{id}/members/{unitCode}", r -> r.delete(cb + "/members/" + B_PEER))
                    .refused(cluster, who, token, FORBIDDEN, "PUT /api/clusters/{id}/leadership", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("leaderUnitCode", B_PEER)).put(cb + "/leadership"))
                    .refused(cluster, who + " (B in the body, own cluster in the path)", token, FORBIDDEN, "PUT /api/clusters/{id}/leadership",
                            r -> r.contentType(ContentType.JSON).body(Map.of("leaderUnitCode", B)).put(ca + "/leadership"))
                    .refused(cluster, who, token, FORBIDDEN, "PUT /api/clusters/{id}/agreement", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("signedOn", "2088-01-15", "signatories", List.of(B, B_PEER))).put(cb + "/agreement"))
                    .refused(cluster, who, token, FORBIDDEN, "PUT /api/clusters/{id}/agreement/document",
                            r -> r.contentType("application/pdf").body(PDF).put(cb + "/agreement/document"))
                    .refused(cluster, who, token, FORBIDDEN, "POST /api/clusters/{id}/roll-over", r -> r.post(cb + "/roll-over"))
                    .refused(cluster, who, token, FORBIDDEN, "PUT /api/clusters/{id}/emulation-leaders", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("unitCodes", List.of(B), "reference", "Biên bản 01/BB")).put(cb + "/emulation-leaders"))
                    .refused(cluster, who + " (own unit, own cluster in the path)", token, FORBIDDEN, "PUT /api/clusters/{id}/emulation-leaders",
                            r -> r.contentType(ContentType.JSON).body(Map.of("unitCodes", List.of(A), "reference", "Biên bản 01/BB"))
                                    .put(ca + "/emulation-leaders"))
                    .refused(cluster, who + " (B as a member in the body)", token, FORBIDDEN, "POST /api/clusters", r -> r.contentType(ContentType.JSON)
                            .body(Map.of("code", "OLA-X", "name", "Cụm chiếm B", "kind", "CLUSTER", "year", YEAR, "members", List.of(A, B)))
                            .post("/api/clusters"));
        });
        attacks.assertAll();
    }

    private static long cluster(String code, String leader, String other) {
        ObjectLevelAttacks setup = new ObjectLevelAttacks("units-service", BOARD);
        long id = setup.asBoard().contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Cụm thử quyền " + code, "kind", "CLUSTER", "year", YEAR, "members", List.of(leader, other)))
                .post("/api/clusters").then().statusCode(201).extract().jsonPath().getLong("id");
        setup.asBoard().contentType(ContentType.JSON).body(Map.of("leaderUnitCode", leader, "deputyUnitCode", other))
                .put("/api/clusters/" + id + "/leadership").then().statusCode(200);
        return id;
    }

    /** A profile that changes only the contact, the one thing a representative may change of its own unit. */
    private static Map<String, Object> profile(String code, String namedAs) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "Đơn vị thử quyền " + namedAs);
        body.put("contact", Map.of("person", "Kẻ tấn công", "phone", "0912345678", "email", "attacker@example.com"));
        return body;
    }
}
