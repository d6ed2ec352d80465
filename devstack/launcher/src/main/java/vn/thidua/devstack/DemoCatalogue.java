package vn.thidua.devstack;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's award catalogue: the five titles and forms a provincial cluster of collectives deals
 * with, each with one rule set under the 2022 law, entered through awards-service's API (via the
 * gateway) as the Board would. Every value comes from /work/shared/domain.md with its confidence
 * tag ([V] verified there, [M] background knowledge not verified there); where domain.md gives no
 * figure the comment says so and the value is a choice of the province, listed in the rule set's
 * {@code provincialChoices} where it is a rule-set value. Nothing here is legal advice: the Board
 * replaces these rows when it has the official texts (domain.md §0, §8).
 */
final class DemoCatalogue {
    static final String GOVERNMENT_FLAG = "CO_THI_DUA_CHINH_PHU";
    static final String PROVINCIAL_FLAG = "CO_THI_DUA_TINH";
    static final String EXCELLENT_COLLECTIVE = "TAP_THE_LAO_DONG_XUAT_SAC";
    static final String ADVANCED_COLLECTIVE = "TAP_THE_LAO_DONG_TIEN_TIEN";
    static final String PROVINCIAL_MERIT = "BANG_KHEN_TINH";

    /**
     * domain.md §0: Law 06/2022/QH15 (passed 15/6/2022, in force 01/01/2024) [V] and Decree
     * 98/2023/NĐ-CP (31/12/2023), which details it [V]. The date is the Decree's, the later text of
     * the basis. domain.md §0 also reports that Decree 152/2025/NĐ-CP may replace Decree 98 from
     * 01/07/2025 [?, unverified]; so the period is left open rather than closed on a date nobody
     * has checked. When the Board has the official texts it closes this period and adds the next.
     */
    static final String LEGAL_BASIS = "Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 98/2023/NĐ-CP";
    static final String LEGAL_BASIS_DATE = "2023-12-31";
    static final String EFFECTIVE_FROM = "2024-01-01";

    /**
     * The vote of a cluster (suy tôn, bình xét). domain.md §3: no national figure exists; each
     * province's cluster regulation sets them, and the typical pattern [M] is a secret ballot, one
     * vote per member unit, more than 50 % of the member units' votes, and a runoff when nobody
     * reaches it. domain.md gives no quorum at all: at least half of the member units casting a
     * ballot is this demo province's own choice. Every one of these is listed as a provincial choice.
     */
    static Map<String, Object> clusterVote() {
        Map<String, Object> voting = new LinkedHashMap<>();
        voting.put("secret", true);
        voting.put("quorumPercent", 50);        // provincial choice; domain.md gives no quorum
        voting.put("thresholdPercent", 50);     // "more than 50 % of member votes" (§3, typical, [M])
        voting.put("strictlyAbove", true);      // "more than", not "at least"
        voting.put("basis", "ALL_MEMBERS");     // of the member units, not only of those present
        voting.put("runoffAllowed", true);      // "a runoff is held if nobody reaches the threshold"
        return voting;
    }

    static final List<String> VOTING_CHOICES = List.of("voting.secret", "voting.quorumPercent", "voting.thresholdPercent",
            "voting.strictlyAbove", "voting.basis", "voting.runoffAllowed");

    record Award(String code, String name, String level, String decidingAuthority, BigDecimal cashMultiple,
                 List<Map<String, Object>> eligibility, List<String> provincialChoices) {
    }

    static final List<Award> AWARDS = List.of(
            // domain.md §1: a state-level title (Decree 98 Art. 3(2)) [V]; §4: the Prime Minister decides [V].
            // Cash: a 2025 Bắc Ninh decision paid 28,090,000 VND = 12.0 × the 2,340,000 VND base salary [V S19, domain.md's calculation].
            // Eligibility: chosen from the collectives leading a cluster (Law 2022 Art. 25(1)) [V]; proposals at most 20 % of
            // the cluster leaders (Official Letter 5007/BNV-TĐKT, 05/9/2023) [V]; ranking first on points is how the province's
            // cluster regulation picks the leader (§3, typical [M]), hence a provincial choice.
            new Award(GOVERNMENT_FLAG, "Cờ thi đua của Chính phủ", "STATE", "Thủ tướng Chính phủ", new BigDecimal("12.0"),
                    List.of(rule("LEADS_CLUSTER"), rule("RANKS_FIRST"), rule("QUOTA_PERCENT_OF_CLUSTER_LEADERS", 20)),
                    choices("eligibility.RANKS_FIRST")),
            // domain.md §1: in Thanh Hóa the provincial flag is the People's Committee's; §4: its Chairman decides [V S32].
            // Cash ≈ 8.0 × base salary: domain.md §1 gives it as [M, verify] — not verified.
            // Eligibility: leads a cluster organised by the province (Law 2022 Art. 26 [M]; Decree 91/2017 Art. 12 [V]).
            new Award(PROVINCIAL_FLAG, "Cờ thi đua của UBND tỉnh", "PROVINCIAL", "Chủ tịch UBND tỉnh", new BigDecimal("8.0"),
                    List.of(rule("LEADS_CLUSTER"), rule("RANKS_FIRST")),
                    choices("eligibility.RANKS_FIRST")),
            // domain.md §1: 1.5 × base salary [M, verify]; §4: the Chairman of the People's Committee for units under the
            // province [M]. Its conditions (100 % of members complete their tasks, ≥ 70 % "Lao động tiên tiến", one
            // "Chiến sĩ thi đua cơ sở", nobody disciplined) concern the members, which no eligibility kind expresses yet.
            new Award(EXCELLENT_COLLECTIVE, "Tập thể lao động xuất sắc", "PROVINCIAL", "Chủ tịch UBND tỉnh", new BigDecimal("1.5"),
                    List.of(), choices()),
            // domain.md §1: 0.8 × base salary [M, verify]; §4: heads of provincial departments and agencies decide [M].
            // Its conditions (> 50 % of members "Lao động tiên tiến", nobody disciplined) likewise concern the members.
            new Award(ADVANCED_COLLECTIVE, "Tập thể lao động tiên tiến", "DEPARTMENT", "Thủ trưởng cơ quan, đơn vị cấp tỉnh",
                    new BigDecimal("0.8"), List.of(), choices()),
            // domain.md §4: the Chairman of the People's Committee decides the provincial certificate of merit [V S32].
            // domain.md gives NO cash figure for it: 2.0 × base salary is this demo province's placeholder, not a sourced
            // legal figure; the Board must replace it with the amount of the decree in force.
            new Award(PROVINCIAL_MERIT, "Bằng khen của Chủ tịch UBND tỉnh", "PROVINCIAL", "Chủ tịch UBND tỉnh", new BigDecimal("2.0"),
                    List.of(), choices()));

    private DemoCatalogue() {
    }

    /** Enters the five award types and their rule sets; the Board's token. */
    static void load(GatewayClient gateway, String board) {
        for (Award award : AWARDS) {
            Map<String, Object> type = Map.of("name", award.name(), "level", award.level(),
                    "decidingAuthority", award.decidingAuthority(), "cashMultiple", award.cashMultiple());
            expect(gateway.putJson("/api/awards/award-types/" + award.code(), board, type), "award type " + award.code());
            Map<String, Object> ruleSet = new LinkedHashMap<>();
            ruleSet.put("legalBasis", LEGAL_BASIS);
            ruleSet.put("legalBasisDate", LEGAL_BASIS_DATE);
            ruleSet.put("effectiveFrom", EFFECTIVE_FROM);
            ruleSet.put("eligibility", award.eligibility());
            // domain.md gives voting rules only for the flags' cluster vote; the API wants them for every award, so the
            // others take the same cluster regulation, all of it marked as the province's choice
            ruleSet.put("voting", clusterVote());
            ruleSet.put("provincialChoices", award.provincialChoices());
            expect(gateway.postJson("/api/awards/award-types/" + award.code() + "/rule-sets", board, ruleSet),
                    "rule set of " + award.code());
        }
        System.out.println("Demo catalogue: " + AWARDS.size() + " award types for collectives, rule sets in force from "
                + EFFECTIVE_FROM + " (" + LEGAL_BASIS + ")");
    }

    private static Map<String, Object> rule(String kind) {
        return Map.of("kind", kind);
    }

    private static Map<String, Object> rule(String kind, int value) {
        return Map.of("kind", kind, "value", value);
    }

    /** The voting rules (all provincial) and any other value of the rule set that the province chose. */
    private static List<String> choices(String... more) {
        return java.util.stream.Stream.concat(VOTING_CHOICES.stream(), java.util.stream.Stream.of(more)).toList();
    }

    private static void expect(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Demo catalogue refused (" + what + "): " + response.statusCode() + " " + response.body());
        }
    }
}
