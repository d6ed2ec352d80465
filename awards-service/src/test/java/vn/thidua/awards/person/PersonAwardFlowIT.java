package vn.thidua.awards.person;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static vn.thidua.awards.vote.VotingFixtures.BOARD;
import static vn.thidua.awards.vote.VotingFixtures.rep;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.thidua.awards.proposal.ProposalFixtures;
import vn.thidua.awards.vote.VotingFixtures;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.platform.clusters.ClusterDirectory;

/**
 * A person award in the same machinery as a unit's: proposed by the person's own unit, judged on the person's facts,
 * decided, entered into the ledger under the person's name and paid by the payment list; and what is refused on the way.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "awards"))
class PersonAwardFlowIT {
    static final String PROPOSALS = ProposalFixtures.PROPOSALS;
    static final long CLUSTER = 965_401;
    static final List<String> UNITS = VotingFixtures.units("065.41", 2);

    @Inject
    ClusterDirectory directory;

    @Inject
    KnownPeople people;

    @Test
    void aPersonIsProposedByTheirUnitJudgedOnTheirFactsDecidedEnteredAndPaid() throws java.io.IOException {
        String fighter = PersonFixtures.grassrootsFighter();
        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("amount", 2_530_000, "legalBasis", "Nghị định 161/2026/NĐ-CP", "tag", "V2"))
                .put("/api/awards/base-salaries/2026-07-01").then().statusCode(200);
        VotingFixtures.cluster(directory, CLUSTER, "CUM-PERSON", 2025, UNITS);
        ProposalFixtures.knownUnit(UNITS.get(0), "Liên đoàn Lao động tỉnh Thanh Hóa");
        UUID mau = PersonFixtures.person(people, "Lê Thị Mẫu", UNITS.get(0));
        UUID other = PersonFixtures.person(people, "Đỗ Văn An", UNITS.get(1));
        PersonFixtures.result(people, mau, 2025, UNITS.get(0), "EXCELLENT", List.of("LAO_DONG_TIEN_TIEN"));

        // the unit's representative proposes its own person
        long id = propose(rep(UNITS.get(0)), UNITS.get(0), fighter, mau).then().statusCode(201)
                .body("personId", equalTo(mau.toString())).body("personName", equalTo("Lê Thị Mẫu")).body("unitCode", equalTo(UNITS.get(0)))
                .body("rankingRank", nullValue()).extract().jsonPath().getLong("id");
        propose(rep(UNITS.get(0)), UNITS.get(0), fighter, mau).then().statusCode(409);

        // judged on her facts: what only the Board can find waits for it, then everything holds (Art. 23(2) by her HTXSNV)
        given().auth().oauth2(rep(UNITS.get(0))).get(PROPOSALS + "/" + id + "/eligibility").then().statusCode(200)
                .body("eligible", equalTo(false)).body("outcome", equalTo("UNKNOWN"));
        for (String key : List.of("TU_LUC_DOAN_KET", "KHONG_DANG_XEM_XET_KY_LUAT")) {
            given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("holds", true, "basis", "Biên bản họp Hội đồng thi đua đơn vị"))
                    .put(PROPOSALS + "/" + id + "/attestations/" + key).then().statusCode(200);
        }
        given().auth().oauth2(BOARD).get(PROPOSALS + "/" + id + "/eligibility").then().statusCode(200)
                .body("eligible", equalTo(true)).body("rules[1].kind", equalTo("any"))
                .body("rules[1].children[0].reason", containsString("Lê Thị Mẫu được đánh giá hoàn thành xuất sắc nhiệm vụ năm 2025"));

        // her unit takes it forward; the Board appraises it and the decision names her
        given().auth().oauth2(rep(UNITS.get(0))).contentType("application/pdf").header("X-File-Name", "bao-cao-thanh-tich.pdf")
                .body(ProposalFixtures.REPORT).put(PROPOSALS + "/" + id + "/files/achievement-report").then().statusCode(201);
        ProposalFixtures.step(rep(UNITS.get(0)), id, "submit", null).then().statusCode(200);
        // the cover submission is her unit's, for her
        byte[] cover = given().auth().oauth2(rep(UNITS.get(0))).get(PROPOSALS + "/" + id + "/cover-submission").then().statusCode(200)
                .extract().asByteArray();
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(cover)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            org.junit.jupiter.api.Assertions.assertTrue(text.contains("cho Lê Thị Mẫu, Liên đoàn Lao động tỉnh Thanh Hóa"), text);
            org.junit.jupiter.api.Assertions.assertTrue(text.contains("THỦ TRƯỞNG ĐƠN VỊ"), text);
        }
        for (String step : List.of("appraisal", "appraise")) {
            ProposalFixtures.step(BOARD, id, step, null).then().statusCode(200);
        }
        decide("45/QĐ-LĐLĐ", fighter, Map.of("units", List.of(UNITS.get(0)))).then().statusCode(422);
        long decision = decide("45/QĐ-LĐLĐ", fighter, Map.of("persons", List.of(mau.toString()))).then().statusCode(201)
                .body("units[0].personId", equalTo(mau.toString())).body("units[0].personName", equalTo("Lê Thị Mẫu"))
                .body("units[0].unitCode", equalTo(UNITS.get(0))).body("units[0].cashAmount", equalTo(2_530_000))
                .body("units[0].cashMultiple", equalTo(1.0f)).body("totalCash", equalTo(2_530_000))
                .extract().jsonPath().getLong("id");
        // the same decision posted again is the one recorded
        decide("45/QĐ-LĐLĐ", fighter, Map.of("persons", List.of(mau.toString()))).then().statusCode(200);

        // the ledger holds it as hers, proposed by her unit; the payment list pays her by name
        given().auth().oauth2(rep(UNITS.get(0))).queryParam("awardTypeCode", fighter).get("/api/awards/ledger").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].personId", equalTo(mau.toString())).body("items[0].personName", equalTo("Lê Thị Mẫu"))
                .body("items[0].cashAmount", equalTo(2_530_000));
        given().auth().oauth2(BOARD).queryParam("format", "csv").get("/api/awards/decisions/" + decision + "/payments").then().statusCode(200)
                .body(containsString("Họ và tên")).body(containsString("Lê Thị Mẫu"));
        // an award of hers is not her unit's; her streak is hers, asked of by her unit
        given().auth().oauth2(BOARD).queryParam("unitCode", UNITS.get(0)).queryParam("awardTypeCode", fighter).queryParam("years", 1)
                .queryParam("until", 2025).get("/api/awards/ledger/streak").then().statusCode(200).body("held", equalTo(false));
        given().auth().oauth2(rep(UNITS.get(0))).queryParam("personId", mau.toString()).queryParam("awardTypeCode", fighter)
                .queryParam("years", 2).queryParam("until", 2025).get("/api/awards/ledger/streak").then().statusCode(200)
                .body("personId", equalTo(mau.toString())).body("held", equalTo(false)).body("yearsHeld", org.hamcrest.Matchers.contains(2025))
                .body("missing", org.hamcrest.Matchers.contains(2024));
        given().auth().oauth2(rep(UNITS.get(1))).queryParam("personId", mau.toString()).queryParam("awardTypeCode", fighter)
                .queryParam("years", 1).queryParam("until", 2025).get("/api/awards/ledger/streak").then().statusCode(422);
        given().auth().oauth2(BOARD).queryParam("personId", mau.toString()).get("/api/awards/ledger").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].decisionId", equalTo((int) decision));
        given().auth().oauth2(BOARD).queryParam("personId", "Lê Thị Mẫu").get("/api/awards/ledger").then().statusCode(400)
                .contentType("application/problem+json");

        // her history is hers: the provincial emulation fighter sees her CSTĐ cơ sở of 2025, and asks for 2023 and 2024
        String provincial = PersonFixtures.personAward("CHIEN_SI_THI_DUA_TINH", "Chiến sĩ thi đua cấp tỉnh", "PROVINCIAL");
        long next = propose(BOARD, UNITS.get(0), provincial, mau).then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(BOARD).header("Accept-Language", "en").get(PROPOSALS + "/" + next + "/eligibility").then().statusCode(200)
                .body("rules[0].kind", equalTo("TITLE_IN_CONSECUTIVE_YEARS")).body("rules[0].outcome", equalTo("UNKNOWN"))
                .body("rules[0].reason", containsString("2023, 2024"));
        given().auth().oauth2(BOARD).get(PROPOSALS + "/" + next).then().body("earlierAwards", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void aPersonIsProposedOnlyForAnAwardToPersonsAndOnlyByTheirOwnUnit() {
        String fighter = PersonFixtures.grassrootsFighter();
        String collective = ProposalFixtures.award("TEST_PERSON_COLLECTIVE", "PROVINCIAL");
        List<String> units = VotingFixtures.units("065.42", 2);
        VotingFixtures.cluster(directory, 965_402, "CUM-PERSON-2", 2025, units);
        UUID own = PersonFixtures.person(people, "Nguyễn Thị Bình", units.get(0));
        UUID theirs = PersonFixtures.person(people, "Trần Văn Cường", units.get(1));

        // a person of another unit: refused whether the representative names their unit or its own
        propose(rep(units.get(0)), units.get(1), fighter, theirs).then().statusCode(403);
        propose(rep(units.get(0)), units.get(0), fighter, theirs).then().statusCode(422).contentType("application/problem+json")
                .body("type", containsString("person-not-member"));
        // someone this service has never heard of, alike
        propose(BOARD, units.get(0), fighter, UUID.randomUUID()).then().statusCode(422).body("type", containsString("person-not-member"));
        // an award to persons without a person, an award to units with one
        propose(BOARD, units.get(0), fighter, null).then().statusCode(422).body("type", containsString("person-required"));
        given().auth().oauth2(BOARD).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("unitCode", units.get(0), "awardTypeCode", collective, "clusterId", 965_402, "personId", own.toString()))
                .post(PROPOSALS).then().statusCode(422).body("type", containsString("person-not-allowed"))
                .body("detail", containsString("an award to units"));
        // nor does a cluster vote for an award to persons
        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(VotingFixtures.leadVote(965_402, fighter, Map.of("nominees", List.of(units.get(0))))).post(VotingFixtures.SESSIONS)
                .then().statusCode(422).contentType("application/problem+json");
        // a unit's representative still proposes no award to units
        propose(rep(units.get(0)), units.get(0), collective, null).then().statusCode(403);
        // and a bad person id is bad input
        given().auth().oauth2(BOARD).contentType(ContentType.JSON)
                .body(Map.of("unitCode", units.get(0), "awardTypeCode", fighter, "clusterId", 965_402, "personId", "not-a-uuid"))
                .post(PROPOSALS).then().statusCode(400).contentType("application/problem+json");
    }

    private static io.restassured.response.Response propose(String token, String unit, String award, UUID person) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("unitCode", unit, "awardTypeCode", award, "clusterId", CLUSTER));
        if (unit.startsWith("065.42")) {
            body.put("clusterId", 965_402);
        }
        if (person != null) {
            body.put("personId", person.toString());
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(PROPOSALS);
    }

    private static io.restassured.response.Response decide(String number, String award, Map<String, Object> named) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("number", number, "date", "2026-07-15", "awardTypeCode", award, "year", 2025));
        body.putAll(named);
        return given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(body).post("/api/awards/decisions");
    }
}
