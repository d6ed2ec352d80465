package vn.thidua.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Cluster 7's 2025 year-end review under Decree 152/2025, after the 2016 story, through the gateway
 * as the people involved would do it: the Board opens the 2025 cluster-year (the same six members);
 * each unit registers its targets and titles and reports its year-end results; the two candidates
 * for the Excellent Labour Collective title (TTLĐXS) — the Women's Union and the Youth Union — import
 * their people with their 2025 results ({@link DemoPeople}), from which units-service counts their
 * year-end member statistics for scoring-service; the Board confirms them and records their 2025 task
 * rating (HTXSNV). The Board receives both dossiers on {@value #RECEIVED_ON}, so they are judged under
 * Decree 152's rule set, and finds on each that the collective is united (DOAN_KET).
 *
 * <p>The Women's Union meets every condition on its computed member shares: its achievement report is
 * uploaded, the Board submits and appraises it, and the portal posts the Chairman's decision
 * {@value #DECISION_NUMBER} of {@value #DECISION_DATE} — after the base salary of 01/07/2026 — which pays
 * 1.5 × 2,530,000 = 3,795,000, rounded up to 3,800,000 VND. The Youth Union has 27 of 40 members with
 * "Lao động tiên tiến" (67.5 %, under 70 %): its submission is refused and it stays a draft, with the
 * reason printed. The figures are illustrative, not the units' real ones; the decision number is made up.
 */
final class Review2025 {
    static final int YEAR = 2025;
    static final String PROPOSALS = SeedStoryProposals.PROPOSALS;
    /** A made-up day in January 2026, when Thanh Hóa's clusters met for 2025 (law-2025.md §5, [V T10]). */
    static final String RECEIVED_ON = "2026-01-08";
    /** Not a real decision: the demo's own number, marked as such. */
    static final String DECISION_NUMBER = "DEMO-02/QĐ-UBND";
    static final String DECISION_DATE = "2026-07-15";
    static final String WOMENS_UNION = SeedStoryVoting.WOMENS_UNION;
    static final String YOUTH_UNION = SeedStoryVoting.YOUTH_UNION;
    static final String REPORT_FILE = "bao-cao-thanh-tich-2025-";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Year-end member statistics as {@code PUT .../member-statistics} takes them. */
    record Members(int members, int completingTasks, int advancedLabour, int grassrootsFighters, int disciplinedWarningOrAbove,
                   int women) {
        Map<String, Object> body() {
            return Map.of("members", members, "completingTasks", completingTasks, "advancedLabour", advancedLabour,
                    "grassrootsFighters", grassrootsFighters, "disciplinedWarningOrAbove", disciplinedWarningOrAbove, "women", women);
        }
    }

    /** The two candidates' figures: the Women's Union passes (36 of 48 = 75 %), the Youth Union falls short (27 of 40 = 67.5 %). */
    static final Map<String, Members> CANDIDATES = new LinkedHashMap<>();

    static {
        CANDIDATES.put(WOMENS_UNION, new Members(48, 48, 36, 3, 0, 45));
        CANDIDATES.put(YOUTH_UNION, new Members(40, 40, 27, 2, 0, 18));
    }

    private Review2025() {
    }

    /** Runs the review on the 2025 cluster-year {@code clusterId} (created by {@link Main}); returns the decided proposal's id. */
    static long run(GatewayClient gateway, long clusterId) {
        String board = gateway.passwordToken("board", DemoData.PASSWORD);
        Map<String, String> tokens = new HashMap<>();
        for (DemoData.DemoUnit unit : DemoData.CLUSTER_7_UNITS) {
            tokens.put(unit.code(), gateway.passwordToken(unit.representative(), DemoData.PASSWORD));
        }
        for (int i = 0; i < DemoData.CLUSTER_7_UNITS.size(); i++) {
            String unit = DemoData.CLUSTER_7_UNITS.get(i).code();
            registerAndReport(gateway, tokens.get(unit), unit, i);
        }
        System.out.printf("Review %d  %s %d (id %d): %d members registered their targets and titles and reported their year-end results%n",
                YEAR, DemoData.CLUSTER_7, YEAR, clusterId, DemoData.CLUSTER_7_UNITS.size());
        // the units' people and their 2025 results: the candidates' member statistics are counted from them
        Map<String, List<DemoPeople.Person>> people = DemoPeople.load(gateway, tokens);
        initiatives(gateway, board, tokens, people);
        for (Map.Entry<String, Members> candidate : CANDIDATES.entrySet()) {
            memberStatistics(gateway, board, candidate.getKey(), candidate.getValue());
            expect(gateway.putJson("/api/awards/units/" + candidate.getKey() + "/ratings/" + YEAR, board, Map.of("rating", "HTXSNV",
                    "source", "Kết quả đánh giá, xếp loại tổ chức năm " + YEAR + " (số liệu minh họa của dữ liệu demo)")),
                    "rating of " + candidate.getKey());
        }
        System.out.printf("Ratings  %d HTXSNV (hoàn thành xuất sắc nhiệm vụ) recorded by the Board for %s%n", YEAR,
                String.join(" and ", CANDIDATES.keySet()));

        long womens = propose(gateway, board, clusterId, WOMENS_UNION);
        long youth = propose(gateway, board, clusterId, YOUTH_UNION);
        for (long id : List.of(womens, youth)) {
            expect(gateway.putJson(PROPOSALS + "/" + id + "/attestations/DOAN_KET", board, Map.of("holds", true,
                    "basis", "Biên bản xét của Thường trực Hội đồng Thi đua – Khen thưởng tỉnh (minh họa của dữ liệu demo)")),
                    "the Board's finding on proposal " + id);
        }
        System.out.println("Finding  DOAN_KET (nội bộ đoàn kết) recorded by the Board on proposals " + womens + " and " + youth);

        // awards-service reads the confirmed statistics from scoring's YearEndReported, asynchronously
        JsonNode passing = awaitEligibility(gateway, board, womens, e -> "PASS".equals(e.path("outcome").asText()));
        printRules(womens, passing);
        decide(gateway, board, tokens.get(WOMENS_UNION), womens);

        JsonNode failing = awaitEligibility(gateway, board, youth, e -> !unknownMemberShare(e.get("rules")));
        uploadReport(gateway, tokens.get(YOUTH_UNION), youth, YOUTH_UNION);
        HttpResponse<String> refused = gateway.postJson(PROPOSALS + "/" + youth + "/submit", board, Map.of());
        if (refused.statusCode() != 422) {
            throw new IllegalStateException("The Youth Union's proposal " + youth + " was not refused: " + refused.statusCode() + " " + refused.body());
        }
        List<String> why = new ArrayList<>();
        collectFailing(failing.get("rules"), why);
        JsonNode draft = read(expect(gateway.get(PROPOSALS + "/" + youth, board), "proposal " + youth));
        System.out.printf("Proposal %d  left a %s: submission refused (%d %s): %s%n", youth, draft.get("status").asText(),
                refused.statusCode(), GatewayClient.read(refused.body()).path("errors").findValuesAsText("field"), String.join("; ", why));
        // individuals through the same machinery
        DemoPersonAwards.run(gateway, board, clusterId, tokens, people);
        return womens;
    }

    /**
     * Two targets and the titles; the year-end results as unit i (in the cluster's order) reached them:
     * every plan of work completed and 1,000 + 20i new members where 1,000 were planned.
     */
    private static void registerAndReport(GatewayClient gateway, String token, String unit, int i) {
        List<String> titles = CANDIDATES.containsKey(unit) ? List.of(DemoCatalogue.PROVINCIAL_FLAG, DemoCatalogue.EXCELLENT_COLLECTIVE)
                : List.of(DemoCatalogue.PROVINCIAL_FLAG);
        Map<String, Object> registration = Map.of(
                "titles", titles,
                "targets", List.of(
                        Map.of("name", "Hoàn thành các chỉ tiêu công tác năm theo giao ước thi đua", "unitOfMeasure", "%",
                                "planned", 100, "weight", 1, "direction", "HIGHER_IS_BETTER"),
                        Map.of("name", "Phát triển đoàn viên, hội viên mới", "unitOfMeasure", "người",
                                "planned", 1000, "weight", 1, "direction", "HIGHER_IS_BETTER")));
        String path = "/api/scoring/registrations/" + YEAR + "/" + unit;
        // scoring-service learns the 2025 cluster-year from units-service's event
        expect(GatewayClient.whileCatchingUp("not-in-cluster", () -> gateway.putJson(path, token, registration)),
                "registration of " + unit + " for " + YEAR);
        String evidence = "https://thidua.example/minh-chung/" + unit + "/bao-cao-tong-ket-" + YEAR + ".pdf";
        expect(gateway.putJson(path + "/reports/yearend", token, Map.of("results", List.of(
                Map.of("position", 1, "achieved", 100, "evidence", List.of(evidence)),
                Map.of("position", 2, "achieved", newMembers(i), "evidence", List.of(evidence))))), "year-end report of " + unit);
    }

    private static int newMembers(int i) {
        return 1000 + 20 * i;
    }

    /**
     * scoring-service receives the statistics units-service counted from the unit's people; the Board confirms
     * the version it checked (If-Match).
     */
    private static void memberStatistics(GatewayClient gateway, String board, String unit, Members figures) {
        String path = "/api/scoring/registrations/" + YEAR + "/" + unit + "/member-statistics";
        HttpResponse<String> counted = DemoPeople.awaitCounted(gateway, board, unit, figures.members());
        JsonNode statistics = read(counted).get("memberStatistics");
        if (statistics.get("advancedLabour").asInt() != figures.advancedLabour() || statistics.get("women").asInt() != figures.women()) {
            throw new IllegalStateException("The statistics counted from the people of " + unit + " are not the demo's: " + statistics);
        }
        String etag = counted.headers().firstValue("ETag")
                .orElseThrow(() -> new IllegalStateException("No ETag on the registration of " + unit));
        JsonNode confirmed = read(expect(gateway.postJson(path + "/confirm", board, Map.of(), etag), "confirming the statistics of " + unit))
                .get("memberStatistics");
        System.out.printf("Members  %s %d: %d members, %d completed their tasks, %d \"Lao động tiên tiến\" (%s%%), %d \"Chiến sĩ thi đua cơ sở\","
                        + " %d disciplined, %d women; counted from its people (%s), confirmed by %s%n", unit, YEAR, figures.members(),
                figures.completingTasks(), figures.advancedLabour(), percent(figures.advancedLabour(), figures.members()),
                figures.grassrootsFighters(), figures.disciplinedWarningOrAbove(), figures.women(), statistics.get("source").asText(),
                confirmed.path("confirmedBy").asText());
    }

    /**
     * Two initiatives: the Women's Union's first "Chiến sĩ thi đua cơ sở" digitised its members' records,
     * recognised by its grassroots council and, for its effect across the province, by the province's
     * (the Board records that one); a Labour Federation officer's is recognised at the grassroots only.
     * Decision numbers are made up.
     */
    private static void initiatives(GatewayClient gateway, String board, Map<String, String> tokens, Map<String, List<DemoPeople.Person>> people) {
        String federation = DemoData.CLUSTER_7_UNITS.get(1).code();
        String womensAuthor = DemoPeople.idOf(gateway, tokens.get(WOMENS_UNION), WOMENS_UNION, people.get(WOMENS_UNION).get(0).personnelCode());
        DemoPeople.initiative(gateway, tokens.get(WOMENS_UNION), board, WOMENS_UNION, womensAuthor,
                "Số hóa hồ sơ hội viên và quản lý sinh hoạt chi hội trên nền tảng số (giả định)", YEAR + "-02-20", List.of(
                        Map.of("level", "GRASSROOTS", "scope", "UNIT", "issuer", "Hội đồng sáng kiến cơ sở Hội LHPN tỉnh",
                                "decisionNumber", "DEMO-15/QĐ-HPN", "decidedOn", YEAR + "-10-15"),
                        Map.of("level", "PROVINCE", "scope", "PROVINCE", "issuer", "Hội đồng sáng kiến tỉnh Thanh Hóa",
                                "decisionNumber", "DEMO-210/QĐ-HĐSK", "decidedOn", YEAR + "-12-10")));
        String federationAuthor = DemoPeople.idOf(gateway, tokens.get(federation), federation, people.get(federation).get(1).personnelCode());
        DemoPeople.initiative(gateway, tokens.get(federation), board, federation, federationAuthor,
                "Quy trình tiếp nhận, giải quyết kiến nghị của đoàn viên qua ứng dụng di động (giả định)", YEAR + "-04-02", List.of(
                        Map.of("level", "GRASSROOTS", "scope", "UNIT", "issuer", "Hội đồng sáng kiến cơ sở LĐLĐ tỉnh",
                                "decisionNumber", "DEMO-31/QĐ-LĐLĐ", "decidedOn", YEAR + "-11-20")));
    }

    /** The Board proposes the unit for TTLĐXS, stating the day it received the dossier; awards-service must know the cluster-year. */
    private static long propose(GatewayClient gateway, String board, long clusterId, String unit) {
        Map<String, Object> body = Map.of("unitCode", unit, "awardTypeCode", DemoCatalogue.EXCELLENT_COLLECTIVE, "clusterId", clusterId,
                "receivedOn", RECEIVED_ON);
        HttpResponse<String> created = GatewayClient.whileCatchingUp("cluster-not-known", () -> gateway.postJson(PROPOSALS, board, body));
        JsonNode proposal = read(expect(created, "proposal of " + unit + " for " + DemoCatalogue.EXCELLENT_COLLECTIVE));
        System.out.printf("Proposal %d  %s %d for %s by the Board: %s; received %s, judged under %s (rule set %d)%n",
                proposal.get("id").asLong(), DemoCatalogue.award(DemoCatalogue.EXCELLENT_COLLECTIVE).name(), YEAR, unit,
                proposal.get("status").asText(), proposal.get("receivedOn").asText(),
                DemoCatalogue.decreeOf(proposal.at("/ruleSetChosenBecause/legalBasis").asText()), proposal.get("ruleSetId").asLong());
        return proposal.get("id").asLong();
    }

    /** Polls the proposal's eligibility until {@code done} holds (scoring's year-end report has reached awards-service). */
    static JsonNode awaitEligibility(GatewayClient gateway, String board, long id, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            JsonNode eligibility = read(expect(gateway.get(PROPOSALS + "/" + id + "/eligibility", board), "eligibility of proposal " + id));
            if (done.test(eligibility)) {
                return eligibility;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Proposal " + id + " did not reach the expected eligibility: " + eligibility);
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }

    private static boolean unknownMemberShare(JsonNode rules) {
        for (JsonNode rule : rules) {
            if ("MEMBER_SHARE".equals(rule.path("kind").asText()) && "UNKNOWN".equals(rule.path("outcome").asText())
                    || unknownMemberShare(rule.path("children"))) {
                return true;
            }
        }
        return false;
    }

    /** "MEMBER_SHARE: Thành viên đạt "Lao động tiên tiến": 27 trên 40 thành viên (67.5%), không đạt ≥ 70%." for each failing condition. */
    private static void collectFailing(JsonNode rules, List<String> into) {
        for (JsonNode rule : rules) {
            if ("FAIL".equals(rule.path("outcome").asText())) {
                into.add(rule.get("kind").asText() + ": " + rule.get("reason").asText());
            }
        }
    }

    static void printRules(long id, JsonNode eligibility) {
        System.out.printf("Proposal %d  eligible (%s), %d conditions of %s:%n", id, eligibility.get("outcome").asText(),
                eligibility.get("rules").size(), DemoCatalogue.decreeOf(eligibility.at("/ruleSetChosenBecause/legalBasis").asText()));
        for (JsonNode rule : eligibility.get("rules")) {
            System.out.printf("    %-4s %-22s %s [%s, %s]%n", rule.get("outcome").asText(), rule.get("kind").asText(), rule.get("reason").asText(),
                    rule.path("citation").asText("–"), rule.path("tag").asText("–"));
        }
    }

    /** Report, submission, appraisal, the portal's decision; then the ledger and the payment list. */
    private static void decide(GatewayClient gateway, String board, String rep, long id) {
        String unit = WOMENS_UNION;
        uploadReport(gateway, rep, id, unit);
        JsonNode decision = SeedStoryProposals.submitAndDecide(gateway, board, id, unit, DemoCatalogue.EXCELLENT_COLLECTIVE, YEAR,
                DECISION_NUMBER, DECISION_DATE);

        JsonNode entry = read(expect(gateway.get("/api/awards/ledger?unitCode=" + unit + "&awardTypeCode=" + DemoCatalogue.EXCELLENT_COLLECTIVE
                + "&year=" + YEAR, board), "the ledger of " + unit)).at("/items/0");
        if (entry.isMissingNode() || !DECISION_NUMBER.equals(entry.path("decisionNumber").asText())) {
            throw new IllegalStateException("The decision " + decision.get("id") + " is not in the ledger of " + unit + ": " + entry);
        }
        SeedStoryProposals.ledgerLine(unit, entry);

        HttpResponse<String> payments = expect(gateway.get("/api/awards/decisions/" + decision.get("id").asLong() + "/payments?format=csv", board),
                "the payment list of " + DECISION_NUMBER);
        String file = payments.headers().firstValue("Content-Disposition").map(d -> d.replaceAll(".*filename=\"?([^\";]+)\"?.*", "$1"))
                .orElse("payments.csv");
        List<String> lines = payments.body().replace("\uFEFF", "").lines().toList();
        System.out.printf("Payments  %s (GET /api/awards/decisions/%d/payments?format=csv, %d lines):%n", file, decision.get("id").asLong(),
                lines.size());
        lines.forEach(line -> System.out.println("    " + line));
    }

    /** The unit's representative uploads its achievement report, made from the figures it reported. */
    private static void uploadReport(GatewayClient gateway, String rep, long id, String unit) {
        Members figures = CANDIDATES.get(unit);
        int i = DemoData.CLUSTER_7_UNITS.stream().map(DemoData.DemoUnit::code).toList().indexOf(unit);
        String name = unitName(unit);
        byte[] report = AchievementReportPdf.render(new AchievementReportPdf.Report(name, unit, YEAR,
                DemoCatalogue.award(DemoCatalogue.EXCELLENT_COLLECTIVE).name(),
                name + " (mã định danh " + unit + "), thành viên " + DemoData.CLUSTER_7_NAME + " của tỉnh Thanh Hóa; " + figures.members()
                        + " thành viên (cán bộ, công chức, người lao động) tại thời điểm tổng kết năm " + YEAR + ".",
                List.of("Hoàn thành 100% chỉ tiêu công tác năm theo giao ước thi đua; phát triển " + newMembers(i)
                                + " đoàn viên, hội viên mới (kế hoạch 1000).",
                        figures.completingTasks() + "/" + figures.members() + " thành viên hoàn thành nhiệm vụ; " + figures.advancedLabour() + "/"
                                + figures.members() + " thành viên (" + percent(figures.advancedLabour(), figures.members())
                                + "%) đạt danh hiệu \"Lao động tiên tiến\"; " + figures.grassrootsFighters()
                                + " thành viên đạt danh hiệu \"Chiến sĩ thi đua cơ sở\"; không có thành viên bị kỷ luật.",
                        "Tập thể được đánh giá, xếp loại hoàn thành xuất sắc nhiệm vụ năm " + YEAR + "; nội bộ đoàn kết, gương mẫu chấp hành "
                                + "chủ trương, chính sách của Đảng, pháp luật của Nhà nước.")));
        String fileName = REPORT_FILE + representativeOf(unit) + ".pdf";
        JsonNode file = read(expect(gateway.putPdf(PROPOSALS + "/" + id + "/files/achievement-report", rep, fileName, report),
                "achievement report of " + unit));
        System.out.printf("Proposal %d  achievement report uploaded by %s: %s (%,d bytes, SHA-256 %s…)%n", id, representativeOf(unit),
                file.get("fileName").asText(), file.get("sizeBytes").asLong(), file.get("sha256").asText().substring(0, 12));
    }

    /** A share in percent with one decimal, Vietnamese style (67,5). */
    private static String percent(int count, int whole) {
        return BigDecimal.valueOf(count * 1000L / whole, 1).stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String unitName(String code) {
        return DemoData.CLUSTER_7_UNITS.stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow().name();
    }

    private static String representativeOf(String code) {
        return DemoData.CLUSTER_7_UNITS.stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow().representative();
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Demo review 2025 refused (" + what + "): " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private static JsonNode read(HttpResponse<String> response) {
        return GatewayClient.read(response.body());
    }
}
