package vn.thidua.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * Individuals in the same machinery as collectives (issue 22), in the 2025 review: a Labour Federation
 * officer whose initiative its grassroots council recognised is proposed by the Federation (the Board enters
 * the proposal with the day it received the dossier; the Federation's representative files and submits it) for "Chiến sĩ
 * thi đua cơ sở", judged on the facts of her people record, decided by the Federation's head and paid 1.0
 * × the base salary; the Women's Union's first grassroots fighter — "Chiến sĩ thi đua cơ sở" in 2023,
 * 2024 and 2025 and the author of an initiative recognised for its effect across the province — is
 * proposed for "Chiến sĩ thi đua cấp tỉnh", decided by the Chairman (posted by the portal) and paid 3.0 ×.
 * Each ends in the ledger under the person's name and on the decision's payment list. Decision numbers
 * are made up, as are the people.
 */
final class DemoPersonAwards {
    static final int YEAR = Review2025.YEAR;
    static final String PROPOSALS = SeedStoryProposals.PROPOSALS;
    static final String FIGHTER_DECISION = "DEMO-07/QĐ-LĐLĐ";
    static final String FIGHTER_DECISION_DATE = "2026-01-20";
    static final String FIGHTER_AUTHORITY = "Chủ tịch Liên đoàn Lao động tỉnh Thanh Hóa";
    static final String PROVINCIAL_DECISION = "DEMO-03/QĐ-UBND";
    static final String PROVINCIAL_DECISION_DATE = "2026-07-15";

    private DemoPersonAwards() {
    }

    static void run(GatewayClient gateway, String board, long clusterId, Map<String, String> tokens, Map<String, List<DemoPeople.Person>> people) {
        String federation = DemoData.CLUSTER_7_UNITS.get(1).code();
        String federationRep = tokens.get(federation);
        DemoPeople.Person officer = people.get(federation).get(1);
        String officerId = DemoPeople.idOf(gateway, federationRep, federation, officer.personnelCode());
        long fighter = propose(gateway, board, clusterId, federation, DemoCatalogue.GRASSROOTS_FIGHTER, officerId, officer.fullName());
        attest(gateway, board, fighter, "KHONG_DANG_XEM_XET_KY_LUAT");
        Review2025.printRules(fighter, Review2025.awaitEligibility(gateway, board, fighter, e -> "PASS".equals(e.path("outcome").asText())));
        forward(gateway, board, federationRep, fighter, federation, officer.fullName(), DemoCatalogue.GRASSROOTS_FIGHTER);
        JsonNode decided = decide(gateway, board, fighter, DemoCatalogue.GRASSROOTS_FIGHTER, FIGHTER_DECISION, FIGHTER_DECISION_DATE,
                FIGHTER_AUTHORITY, officerId);
        // the Federation records the title its head conferred with the officer's 2025 result: its member statistics count it
        String year = "/api/units/" + federation + "/people/" + officerId + "/years/" + YEAR;
        HttpResponse<String> years = expect(gateway.get("/api/units/" + federation + "/people/" + officerId + "/years", federationRep),
                "the years of " + officer.fullName());
        long version = GatewayClient.read(years.body()).get(0).get("version").asLong();
        expect(gateway.putJson(year, federationRep, Map.of("taskRating", officer.rating(), "titles",
                List.of(DemoCatalogue.ADVANCED_LABOUR, DemoCatalogue.GRASSROOTS_FIGHTER), "discipline", "NONE",
                "evidence", List.of(FIGHTER_DECISION + " ngày " + FIGHTER_DECISION_DATE)), "\"" + version + "\""), "the title of " + officer.fullName());
        payments(gateway, board, decided, officerId);

        String womens = Review2025.WOMENS_UNION;
        String womensRep = tokens.get(womens);
        DemoPeople.Person first = people.get(womens).get(0);
        String firstId = DemoPeople.idOf(gateway, womensRep, womens, first.personnelCode());
        for (int earlier : List.of(YEAR - 2, YEAR - 1)) {
            expect(gateway.putJson("/api/units/" + womens + "/people/" + firstId + "/years/" + earlier, womensRep, Map.of("taskRating", "EXCELLENT",
                    "titles", List.of(DemoCatalogue.ADVANCED_LABOUR, DemoCatalogue.GRASSROOTS_FIGHTER), "discipline", "NONE",
                    "evidence", List.of("Quyết định công nhận danh hiệu năm " + earlier + " (minh họa của dữ liệu demo)"))),
                    "the " + earlier + " result of " + first.fullName());
        }
        System.out.printf("People   %s (%s): \"Chiến sĩ thi đua cơ sở\" recorded for %d and %d beside %d%n", first.fullName(), womens,
                YEAR - 2, YEAR - 1, YEAR);
        long provincial = propose(gateway, board, clusterId, womens, DemoCatalogue.PROVINCIAL_FIGHTER, firstId, first.fullName());
        attest(gateway, board, provincial, "TIEU_BIEU_XUAT_SAC");
        attest(gateway, board, provincial, "KHONG_DANG_XEM_XET_KY_LUAT");
        Review2025.printRules(provincial, Review2025.awaitEligibility(gateway, board, provincial, e -> "PASS".equals(e.path("outcome").asText())));
        forward(gateway, board, womensRep, provincial, womens, first.fullName(), DemoCatalogue.PROVINCIAL_FIGHTER);
        String portal = gateway.clientToken("portal-demo", DemoData.PASSWORD);
        JsonNode chairman = decide(gateway, portal, provincial, DemoCatalogue.PROVINCIAL_FIGHTER, PROVINCIAL_DECISION, PROVINCIAL_DECISION_DATE,
                SeedStoryProposals.DECISION_AUTHORITY, firstId);
        payments(gateway, board, chairman, firstId);
    }

    /** The Board enters the unit's proposal of its person, stating the day it received the dossier (as for the collectives). */
    private static long propose(GatewayClient gateway, String rep, long clusterId, String unit, String award, String personId, String name) {
        Map<String, Object> body = Map.of("unitCode", unit, "awardTypeCode", award, "clusterId", clusterId, "personId", personId,
                "receivedOn", Review2025.RECEIVED_ON);
        JsonNode proposal = GatewayClient.read(expect(GatewayClient.whileCatchingUp("person-not-member", () -> gateway.postJson(PROPOSALS, rep, body)),
                "the proposal of " + name + " for " + award).body());
        System.out.printf("Proposal %d  %s %d for %s of %s, received from the unit %s: %s (rule set %d)%n", proposal.get("id").asLong(),
                DemoCatalogue.award(award).name(), YEAR, name, unit, Review2025.RECEIVED_ON, proposal.get("status").asText(),
                proposal.get("ruleSetId").asLong());
        return proposal.get("id").asLong();
    }

    private static void attest(GatewayClient gateway, String board, long id, String key) {
        expect(gateway.putJson(PROPOSALS + "/" + id + "/attestations/" + key, board, Map.of("holds", true,
                "basis", "Biên bản xét của Hội đồng Thi đua – Khen thưởng (minh họa của dữ liệu demo)")), "the finding " + key + " on " + id);
    }

    /** The unit uploads the achievement report and submits; the Board appraises. */
    private static void forward(GatewayClient gateway, String board, String rep, long id, String unit, String name, String award) {
        byte[] report = AchievementReportPdf.render(new AchievementReportPdf.Report(name, unit, YEAR, DemoCatalogue.award(award).name(),
                name + ", " + "cán bộ của đơn vị " + unit + " (dữ liệu minh họa).",
                List.of("Hoàn thành xuất sắc nhiệm vụ năm " + YEAR + ".", "Có sáng kiến được Hội đồng sáng kiến công nhận (xem danh sách sáng kiến).")));
        expect(gateway.putPdf(PROPOSALS + "/" + id + "/files/achievement-report", rep, "bao-cao-thanh-tich-ca-nhan-" + id + ".pdf", report),
                "the achievement report of " + name);
        SeedStoryProposals.step(gateway, rep, id, "submit");
        SeedStoryProposals.step(gateway, board, id, "appraisal");
        JsonNode appraised = SeedStoryProposals.step(gateway, board, id, "appraise");
        System.out.printf("Proposal %d  submitted by the unit, %s by the Board%n", id, appraised.get("status").asText());
    }

    private static JsonNode decide(GatewayClient gateway, String token, long id, String award, String number, String date, String authority,
                                   String personId) {
        JsonNode decision = GatewayClient.read(expect(gateway.postJson("/api/awards/decisions", token, Map.of("number", number, "date", date,
                "authority", authority, "awardTypeCode", award, "year", YEAR, "persons", List.of(personId))), "the decision " + number).body());
        JsonNode named = decision.at("/units/0");
        System.out.printf("Decision  %s of %s (%s): %s for %s; proposal %d decided; %s%n", number, date, authority,
                DemoCatalogue.award(award).name(), named.path("personName").asText(), id, SeedStoryProposals.cash(named));
        return decision;
    }

    private static void payments(GatewayClient gateway, String board, JsonNode decision, String personId) {
        JsonNode entry = GatewayClient.read(expect(gateway.get("/api/awards/ledger?personId=" + personId, board), "the ledger of " + personId).body())
                .at("/items/0");
        if (entry.isMissingNode() || entry.path("decisionId").asLong() != decision.get("id").asLong()) {
            throw new IllegalStateException("The decision " + decision.get("id") + " is not in the ledger of " + personId + ": " + entry);
        }
        HttpResponse<String> list = expect(gateway.get("/api/awards/decisions/" + decision.get("id").asLong() + "/payments?format=csv", board),
                "the payment list of " + decision.get("number").asText());
        System.out.printf("Payments  %s (GET /api/awards/decisions/%d/payments?format=csv):%n", decision.get("number").asText(),
                decision.get("id").asLong());
        list.body().replace("\uFEFF", "").lines().forEach(line -> System.out.println("    " + line));
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Demo person awards refused (" + what + "): " + response.statusCode() + " " + response.body());
        }
        return response;
    }
}
