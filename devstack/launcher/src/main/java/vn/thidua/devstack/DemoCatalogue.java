package vn.thidua.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The demo's award catalogue and its legal history: the five titles and forms a provincial cluster
 * of collectives deals with, each with the succession of rule sets it had since 2014 (the law of
 * 2003 with Decree 42/2010, Decree 91/2017, Decree 98/2023 — ended by the Board when Decree 152/2025
 * took over — and Decree 152/2025), and the base salaries the cash is computed from, all entered
 * through awards-service's API (via the gateway) as the Board would.
 *
 * <p>Every value says where it comes from with the confidence tag of /work/shared/law-2025.md and
 * domain.md: [V] the cited text says it; [V2] a secondary copy says it (a law portal quoting the
 * article, a mirror of the official text); [M] background knowledge, unverified; [?] uncertain. The
 * same tag goes into the rule set with the value ({@code legalBasisTag}, {@code transitionTag},
 * each condition's {@code tag}, {@code cashTag}, each base salary's {@code tag}), so the Board sees on
 * screen what is verified and what is not. Where no text gives a value, the comment says so and the
 * value is this demo province's choice, listed in the rule set's {@code provincialChoices}. Nothing
 * here is legal advice: the Board replaces these rows when it has the official texts.
 */
final class DemoCatalogue {
    static final String GOVERNMENT_FLAG = "CO_THI_DUA_CHINH_PHU";
    static final String PROVINCIAL_FLAG = "CO_THI_DUA_TINH";
    static final String EXCELLENT_COLLECTIVE = "TAP_THE_LAO_DONG_XUAT_SAC";
    static final String ADVANCED_COLLECTIVE = "TAP_THE_LAO_DONG_TIEN_TIEN";
    static final String PROVINCIAL_MERIT = "BANG_KHEN_TINH";
    static final String ADVANCED_LABOUR = "LAO_DONG_TIEN_TIEN";
    static final String GRASSROOTS_FIGHTER = "CHIEN_SI_THI_DUA_CO_SO";
    static final String PROVINCIAL_FIGHTER = "CHIEN_SI_THI_DUA_TINH";
    static final String NATIONAL_FIGHTER = "CHIEN_SI_THI_DUA_TOAN_QUOC";
    static final String PROVINCIAL_MERIT_PERSON = "BANG_KHEN_TINH_CA_NHAN";
    static final String MERIT_CERTIFICATE_PERSON = "GIAY_KHEN_CA_NHAN";
    static final String PRIME_MINISTER_MERIT_PERSON = "BANG_KHEN_THU_TUONG_CA_NHAN";

    /**
     * A legal basis and the period its rules apply, as the Board enters it. {@code effectiveTo} null:
     * open when created. {@code endedOn} and {@code endReason}: created open, then ended by the Board
     * through the API ({@code POST .../rule-sets/{id}/end}) when the next text took over.
     */
    record Basis(String legalBasis, String legalBasisDate, String legalBasisTag, String effectiveFrom, String effectiveTo,
                 String transitionTag, String endedOn, String endReason) {
    }

    /**
     * Until the 2017 decree: law-2025.md §1 lists "Law 2003 (amended 2005, 2009, 2013) with Decree
     * 42/2010 (amended by 65/2014) until 2017" and tags the dates of 42/2010 and 65/2014 [M]. The
     * dates here are [M] too: 2014-07-01 for the later text of the basis (Decree 65/2014) and
     * 2014-08-15 for the day its rules applied are background knowledge, not read in the texts; the
     * period ends the day before Decree 91/2017 applied. The 2016 conference of the seed story, its
     * votes and its proposals are judged under this rule set.
     */
    static final Basis LAW_2003 = new Basis(
            "Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung năm 2005, 2009, 2013); Nghị định 42/2010/NĐ-CP "
                    + "(sửa đổi bởi Nghị định 65/2014/NĐ-CP)",
            "2014-07-01", "M", "2014-08-15", "2017-09-30", "?", null, null);

    /**
     * law-2025.md §1: "Decree 91/2017 from 01/10/2017" [V], hence the tag V, which is the tag of
     * the start date; the date of the decree itself (31/07/2017) is [M]. It ends the day before
     * Decree 98/2023 applied (01/01/2024, [V]).
     */
    static final Basis DECREE_91 = new Basis("Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung); Nghị định 91/2017/NĐ-CP",
            "2017-07-31", "V", "2017-10-01", "2023-12-31", "?", null, null);

    /**
     * Law 06/2022/QH15, in force 01/01/2024 [V], and Decree 98/2023/NĐ-CP (31/12/2023), which detailed
     * it [V]. Entered open-ended, as the demo had it before the Board had Decree 152's text, then
     * ended through the API on 30/06/2025: law-2025.md §1, "Decree 152/2025/NĐ-CP is in force from
     * 01/07/2025; its Art. 59(2) ends Decree 98/2023/NĐ-CP ... on that date" [V2 T1, T2].
     */
    static final Basis DECREE_98 = new Basis("Luật Thi đua, khen thưởng 06/2022/QH15; Nghị định 98/2023/NĐ-CP",
            "2023-12-31", "V", "2024-01-01", null, "?", "2025-06-30",
            "Nghị định 152/2025/NĐ-CP có hiệu lực từ 01/07/2025 và bãi bỏ Nghị định 98/2023/NĐ-CP (Điều 59 khoản 2)");

    /**
     * law-2025.md §1: Decree 152/2025/NĐ-CP, signed 14/06/2025, in force from 01/07/2025 [V2 T1, T2].
     * Left open: the official record shows it ending 01/03/2027 with a successor nobody here has read
     * [?], so the Board ends it (as it ended Decree 98's) when it has that text. Transition: a dossier
     * is judged by the rules in force on the day it is received — the usual clause ("hồ sơ ... trình
     * trước ngày Nghị định này có hiệu lực"), not read in Decree 152 itself, hence [?].
     */
    static final Basis DECREE_152 = new Basis("Luật Thi đua, khen thưởng 06/2022/QH15; Nghị định 152/2025/NĐ-CP",
            "2025-06-14", "V2", "2025-07-01", null, "?", null, null);

    /** The bases in the order of the succession. */
    static final List<Basis> SUCCESSION = List.of(LAW_2003, DECREE_91, DECREE_98, DECREE_152);

    /** One award's rules under one basis: conditions (each with citation and tag), the province's choices and the cash. */
    record Rules(Basis basis, List<Map<String, Object>> eligibility, List<String> provincialChoices, BigDecimal cashMultiple,
                 String cashCitation, String cashTag) {
    }

    record Award(String code, String name, String level, String decidingAuthority, String kind, List<Rules> succession, String recipient) {
        Award(String code, String name, String level, String decidingAuthority, String kind, List<Rules> succession) {
            this(code, name, level, decidingAuthority, kind, succession, "UNIT");
        }

        Rules under(Basis basis) {
            return succession.stream().filter(r -> r.basis() == basis).findFirst().orElseThrow();
        }
    }

    /** A base salary (mức lương cơ sở) from a day, with the decree that set it and its tag. */
    record BaseSalary(String effectiveFrom, long amount, String legalBasis, String tag) {
    }

    /**
     * law-2025.md §1 gives the last two [V2 T3]; the earlier ones are background knowledge [M], listed
     * so that a decision of any year of the story is paid at the base salary of its own date (DEMO-01
     * of 20/01/2017: 1,210,000). 1,490,000 stayed in force from 2019 to 30/06/2023 (no change in
     * 2020–2022, [M]).
     */
    static final List<BaseSalary> BASE_SALARIES = List.of(
            new BaseSalary("2016-05-01", 1_210_000, "Nghị định 47/2016/NĐ-CP", "M"),
            new BaseSalary("2017-07-01", 1_300_000, "Nghị định 47/2017/NĐ-CP", "M"),
            new BaseSalary("2018-07-01", 1_390_000, "Nghị định 72/2018/NĐ-CP", "M"),
            new BaseSalary("2019-07-01", 1_490_000, "Nghị định 38/2019/NĐ-CP", "M"),
            new BaseSalary("2023-07-01", 1_800_000, "Nghị định 24/2023/NĐ-CP", "M"),
            new BaseSalary("2024-07-01", 2_340_000, "Nghị định 73/2024/NĐ-CP", "V2"),
            new BaseSalary("2026-07-01", 2_530_000, "Nghị định 161/2026/NĐ-CP", "V2"));

    /**
     * The vote of a cluster (suy tôn, bình xét). domain.md §3: no national figure exists; each
     * province's cluster regulation sets them, and the typical pattern [M] is a secret ballot, one
     * vote per member unit, more than 50 % of the member units' votes, and a runoff when nobody
     * reaches it. domain.md gives no quorum at all: at least half of the member units casting a
     * ballot is this demo province's own choice. Every one of these is listed as a provincial choice,
     * under every basis alike (the demo has no earlier cluster regulation to tell them apart).
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

    // ---- citations used more than once ----

    /** Decree 152 Art. 4(4) [V2 T1]: no award and no proposal while a proceeding is open. */
    private static final String ART_4_4 = "Nghị định 152/2025/NĐ-CP, Điều 4 khoản 4";
    /**
     * law-2025.md §2 takes the collective titles' standards under Decree 152 from Bắc Ninh's
     * 86/2025/QĐ-UBND [V2 T5], a typical provincial text; Thanh Hóa's own regulation was not read,
     * so the citation names the example and the province replaces it with its own.
     */
    private static final String PROVINCE_152 = "Quy định của tỉnh theo Nghị định 152/2025/NĐ-CP (mẫu: QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh)";
    /** Ranking first on points is how a cluster regulation typically picks its leader (domain.md §3, [M]): the province's choice. */
    private static final String CLUSTER_REGULATION = "Quy chế hoạt động cụm thi đua của tỉnh (lựa chọn của tỉnh)";
    private static final String CASH_152 = "Nghị định 152/2025/NĐ-CP, Điều 49–54";
    /** Before Decree 152: the figures domain.md §1 gives as background knowledge, their articles not read. */
    private static final String NOT_READ = " (điều khoản chưa đối chiếu)";

    static final List<Award> AWARDS = List.of(
            // domain.md §1: a state-level title [V]; §4 and law-2025.md §4: the Prime Minister decides [V, V2 T7].
            new Award(GOVERNMENT_FLAG, "Cờ thi đua của Chính phủ", "STATE", "Thủ tướng Chính phủ", "MERIT", List.of(
                    // chosen from the collectives leading a cluster that meet the provincial flag's standard of the year, at most
                    // 20 % of the collectives voted as cluster/block leaders province-wide (Official Letter 5007/BNV-TĐKT of 2023 [V];
                    // applying both before 2024 is the demo's assumption [M]). In 2016 the demo province has nine such leaders
                    // (cluster 7's, six illustrative cluster-years and two counted outside the system): one Government flag.
                    // Not encoded: domain.md [V S20] says that under Decree 42/2010 the flag went to collectives that had already
                    // received the ministry's or province's flag; the demo keeps the conditions it had.
                    new Rules(LAW_2003, List.of(
                            leaf("LEADS_CLUSTER", Map.of(), "Nghị định 42/2010/NĐ-CP" + NOT_READ, "M"),
                            leaf("MEETS_CONDITIONS_OF", Map.of("awardTypeCode", PROVINCIAL_FLAG), "Nghị định 42/2010/NĐ-CP" + NOT_READ, "M"),
                            leaf("QUOTA_PERCENT_OF_CLUSTER_LEADERS", Map.of("percent", 20, "rounding", "FLOOR"), "Nghị định 42/2010/NĐ-CP" + NOT_READ, "M")),
                            choices(),
                            // 12.0 as under the later decrees; the figure of this period was not read
                            new BigDecimal("12.0"), "Nghị định 42/2010/NĐ-CP" + NOT_READ, "M"),
                    new Rules(DECREE_91, List.of(
                            leaf("LEADS_CLUSTER", Map.of(), "Nghị định 91/2017/NĐ-CP" + NOT_READ, "M"),
                            leaf("MEETS_CONDITIONS_OF", Map.of("awardTypeCode", PROVINCIAL_FLAG), "Nghị định 91/2017/NĐ-CP" + NOT_READ, "M"),
                            leaf("QUOTA_PERCENT_OF_CLUSTER_LEADERS", Map.of("percent", 20, "rounding", "FLOOR"), "Nghị định 91/2017/NĐ-CP" + NOT_READ, "M")),
                            choices(), new BigDecimal("12.0"), "Nghị định 91/2017/NĐ-CP" + NOT_READ, "M"),
                    // Law 2022 Art. 25(1): chosen from the collectives leading a cluster [V]; proposals for at most 20 % of the
                    // cluster leaders (Official Letter 5007/BNV-TĐKT, 05/9/2023) [V].
                    // Cash [V]: a 2025 Bắc Ninh decision paid 28,090,000 VND per flag (domain.md S19), which domain.md reads as
                    // 12.0 × the 2,340,000 VND base salary (its own calculation; 12.0 × 2,340,000 is 28,080,000, and the 10,000
                    // difference is not explained there).
                    new Rules(DECREE_98, List.of(
                            leaf("LEADS_CLUSTER", Map.of(), "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 25 khoản 1", "V"),
                            leaf("MEETS_CONDITIONS_OF", Map.of("awardTypeCode", PROVINCIAL_FLAG), "Công văn 5007/BNV-TĐKT ngày 05/9/2023", "V"),
                            leaf("QUOTA_PERCENT_OF_CLUSTER_LEADERS", Map.of("percent", 20, "rounding", "FLOOR"), "Công văn 5007/BNV-TĐKT ngày 05/9/2023", "V")),
                            choices(), new BigDecimal("12.0"),
                            "Nghị định 98/2023/NĐ-CP; đối chiếu: quyết định năm 2025 của tỉnh Bắc Ninh chi 12,0 × 2.340.000 đồng", "V"),
                    // law-2025.md §2: chosen by the province's Council from the collectives leading their cluster [V]; at most
                    // 20 % of the cluster leaders (5007/BNV-TĐKT [V]; whether Decree 152 restates it is [?], so it stays data);
                    // Art. 4(4) [V2]. Cash 12.0 (§3, Decree 152 Arts 49–54) [V2].
                    new Rules(DECREE_152, List.of(
                            leaf("LEADS_CLUSTER", Map.of(), "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 25 khoản 1", "V"),
                            leaf("MEETS_CONDITIONS_OF", Map.of("awardTypeCode", PROVINCIAL_FLAG), "Công văn 5007/BNV-TĐKT ngày 05/9/2023", "V"),
                            // "không quá 20%": a whole number of proposals, rounded down; the rounding is the demo's reading [M]
                            leaf("QUOTA_PERCENT_OF_CLUSTER_LEADERS", Map.of("percent", 20, "rounding", "FLOOR"),
                                    "Công văn 5007/BNV-TĐKT ngày 05/9/2023", "V"),
                            leaf("NO_PENDING_PROCEEDINGS", Map.of(), ART_4_4, "V2")),
                            choices(), new BigDecimal("12.0"), CASH_152, "V2"))),

            // domain.md §1: in Thanh Hóa the provincial flag is the People's Committee's; §4: its Chairman decides [V S32].
            new Award(PROVINCIAL_FLAG, "Cờ thi đua của UBND tỉnh", "PROVINCIAL", "Chủ tịch UBND tỉnh", "MERIT", List.of(
                    // leads a cluster organised by the province (domain.md cites Decree 91/2017 Art. 12 [V there] and Law 2022
                    // Art. 26 [M]; law-2025.md does not restate either, so [M] here), ranked first (the cluster regulation's choice). Cash ≈ 8.0 × the base salary: domain.md §1 gives it as
                    // [M, verify] — not verified for these periods; DEMO-01 of 2017 pays 1,210,000 × 8.0 = 9,680,000 on it.
                    new Rules(LAW_2003, List.of(
                            leaf("LEADS_CLUSTER", Map.of(), "Nghị định 42/2010/NĐ-CP" + NOT_READ, "M"),
                            leaf("RANKS_FIRST", Map.of(), CLUSTER_REGULATION, "M")),
                            choices("eligibility.RANKS_FIRST"), new BigDecimal("8.0"), "Nghị định 42/2010/NĐ-CP" + NOT_READ, "M"),
                    new Rules(DECREE_91, List.of(
                            leaf("LEADS_CLUSTER", Map.of(), "Nghị định 91/2017/NĐ-CP, Điều 12", "M"),
                            leaf("RANKS_FIRST", Map.of(), CLUSTER_REGULATION, "M")),
                            choices("eligibility.RANKS_FIRST"), new BigDecimal("8.0"), "Nghị định 91/2017/NĐ-CP" + NOT_READ, "M"),
                    new Rules(DECREE_98, List.of(
                            leaf("LEADS_CLUSTER", Map.of(), "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 26" + NOT_READ, "M"),
                            leaf("RANKS_FIRST", Map.of(), CLUSTER_REGULATION, "M")),
                            choices("eligibility.RANKS_FIRST"), new BigDecimal("8.0"), "Nghị định 98/2023/NĐ-CP" + NOT_READ, "M"),
                    // law-2025.md §2 [V2 T5]: yearly, to the collective that leads its cluster; exceeds its targets and tasks;
                    // Art. 4(4). Its other standards (a model for the province, solidarity, Party cell and mass organisations
                    // excellent, thrift) are not encoded: the Board judges them on the dossier. Cash 8.0 (§3) [V2].
                    new Rules(DECREE_152, List.of(
                            leaf("LEADS_CLUSTER", Map.of(), PROVINCE_152, "V2"),
                            leaf("RANKS_FIRST", Map.of(), CLUSTER_REGULATION, "M"),
                            leaf("EXCEEDS_TARGETS", Map.of(), PROVINCE_152, "V2"),
                            leaf("NO_PENDING_PROCEEDINGS", Map.of(), ART_4_4, "V2")),
                            choices("eligibility.RANKS_FIRST"), new BigDecimal("8.0"), CASH_152, "V2"))),

            // domain.md §4: the Chairman of the People's Committee for units under the province [M]; law-2025.md §4: the
            // Council's standing members, then the Chairman [V2 T5].
            new Award(EXCELLENT_COLLECTIVE, "Tập thể lao động xuất sắc", "PROVINCIAL", "Chủ tịch UBND tỉnh", "MERIT", List.of(
                    // before Decree 152 the demo had no conditions for it (its standards concern the members, which no
                    // condition could express then); cash 1.5 × the base salary: domain.md §1 [M, verify], not verified
                    new Rules(LAW_2003, List.of(), choices(), new BigDecimal("1.5"), "Nghị định 42/2010/NĐ-CP" + NOT_READ, "M"),
                    new Rules(DECREE_91, List.of(), choices(), new BigDecimal("1.5"), "Nghị định 91/2017/NĐ-CP" + NOT_READ, "M"),
                    new Rules(DECREE_98, List.of(), choices(), new BigDecimal("1.5"), "Nghị định 98/2023/NĐ-CP" + NOT_READ, "M"),
                    // law-2025.md §2 [V2 T5]: completes its tasks excellently (the Board's rating HTXSNV for the year); 100 % of
                    // members complete their tasks; ≥ 70 % hold "Lao động tiên tiến"; at least one "Chiến sĩ thi đua cơ sở";
                    // solidarity (the Board's finding); Art. 4(4). Cash 1.5 (§3) [V2]: 3,800,000 at 2,530,000.
                    new Rules(DECREE_152, List.of(
                            leaf("RATING_STREAK", Map.of("years", 1), PROVINCE_152 + ": hoàn thành xuất sắc nhiệm vụ", "V2"),
                            leaf("MEMBER_SHARE", Map.of("measure", "COMPLETING_TASKS", "atLeastPercent", 100), PROVINCE_152, "V2"),
                            leaf("MEMBER_SHARE", Map.of("measure", "ADVANCED_LABOUR", "atLeastPercent", 70), PROVINCE_152, "V2"),
                            leaf("MEMBER_SHARE", Map.of("measure", "GRASSROOTS_FIGHTERS", "atLeast", 1), PROVINCE_152, "V2"),
                            leaf("ATTESTED", Map.of("key", "DOAN_KET", "statement",
                                    "Nội bộ đoàn kết, gương mẫu chấp hành chủ trương, chính sách của Đảng, pháp luật của Nhà nước"),
                                    PROVINCE_152, "V2"),
                            leaf("NO_PENDING_PROCEEDINGS", Map.of(), ART_4_4, "V2")),
                            choices(), new BigDecimal("1.5"), CASH_152, "V2"))),

            // domain.md §4: heads of provincial departments and agencies decide [M].
            new Award(ADVANCED_COLLECTIVE, "Tập thể lao động tiên tiến", "DEPARTMENT", "Thủ trưởng cơ quan, đơn vị cấp tỉnh", "MERIT", List.of(
                    // before Decree 152: no conditions in the demo (domain.md's "> 50 % Lao động tiên tiến" was the 2003
                    // law's, concerning the members); cash 0.8: domain.md §1 [M, verify], not verified
                    new Rules(LAW_2003, List.of(), choices(), new BigDecimal("0.8"), "Nghị định 42/2010/NĐ-CP" + NOT_READ, "M"),
                    new Rules(DECREE_91, List.of(), choices(), new BigDecimal("0.8"), "Nghị định 91/2017/NĐ-CP" + NOT_READ, "M"),
                    new Rules(DECREE_98, List.of(), choices(), new BigDecimal("0.8"), "Nghị định 98/2023/NĐ-CP" + NOT_READ, "M"),
                    // law-2025.md §2 [V2 T5]: completes its tasks well (rated HTXSNV or HTTNV); ≥ 70 % of members hold "Lao
                    // động tiên tiến"; no member disciplined at "cảnh cáo" or above; Art. 4(4). Cash 0.8 (§3) [V2].
                    new Rules(DECREE_152, List.of(
                            anyOf(List.of(
                                    leaf("RATING_STREAK", Map.of("years", 1, "rating", "HTXSNV"), PROVINCE_152, "V2"),
                                    leaf("RATING_STREAK", Map.of("years", 1, "rating", "HTTNV"), PROVINCE_152, "V2")),
                                    PROVINCE_152 + ": hoàn thành tốt nhiệm vụ trở lên", "V2"),
                            leaf("MEMBER_SHARE", Map.of("measure", "ADVANCED_LABOUR", "atLeastPercent", 70), PROVINCE_152, "V2"),
                            leaf("MEMBER_SHARE", Map.of("measure", "DISCIPLINED_WARNING_OR_ABOVE", "atMost", 0), PROVINCE_152, "V2"),
                            leaf("NO_PENDING_PROCEEDINGS", Map.of(), ART_4_4, "V2")),
                            choices(), new BigDecimal("0.8"), CASH_152, "V2"))),

            // domain.md §4: the Chairman of the People's Committee decides the provincial certificate of merit [V S32].
            new Award(PROVINCIAL_MERIT, "Bằng khen của Chủ tịch UBND tỉnh", "PROVINCIAL", "Chủ tịch UBND tỉnh", "MERIT", List.of(
                    // before Decree 152: no conditions and NO cash multiple. domain.md gave no figure for it, and the 2.0 the
                    // demo used to carry was a placeholder of its own, not a sourced legal figure: a decision of those years is
                    // shown without an amount (and says why) rather than paid on an invented one.
                    new Rules(LAW_2003, List.of(), choices(), null, null, null),
                    new Rules(DECREE_91, List.of(), choices(), null, null, null),
                    new Rules(DECREE_98, List.of(), choices(), null, null, null),
                    // law-2025.md §2 [V2 T5]: any one of an outstanding movement, an ad-hoc achievement, a contribution to
                    // socio-economic development (the Board's findings), 2 consecutive years HTXSNV, or 2 consecutive years
                    // TTLĐXS (the two years before the achievement year, as HELD_IN_PREVIOUS_YEARS counts them; whether the
                    // text counts the achievement year itself is [?]); Art. 4(4). Cash 3.0 (§3) [V2].
                    new Rules(DECREE_152, List.of(
                            anyOf(List.of(
                                    leaf("ATTESTED", Map.of("key", "PHONG_TRAO", "statement", "Có thành tích xuất sắc trong phong trào thi đua"),
                                            PROVINCE_152, "V2"),
                                    leaf("ATTESTED", Map.of("key", "DOT_XUAT", "statement", "Lập được thành tích đột xuất"), PROVINCE_152, "V2"),
                                    leaf("ATTESTED", Map.of("key", "DONG_GOP", "statement", "Có đóng góp vào phát triển kinh tế - xã hội"),
                                            PROVINCE_152, "V2"),
                                    leaf("RATING_STREAK", Map.of("years", 2), PROVINCE_152, "V2"),
                                    leaf("HELD_IN_PREVIOUS_YEARS", Map.of("years", 2, "awardTypeCode", EXCELLENT_COLLECTIVE), PROVINCE_152, "V2")),
                                    PROVINCE_152, "V2"),
                            leaf("NO_PENDING_PROCEEDINGS", Map.of(), ART_4_4, "V2")),
                            choices(), new BigDecimal("3.0"), CASH_152, "V2"))));

    /** The Board's finding that no proceeding is open on the person (Decree 152 Art. 4(4)): people, not a register, know it. */
    private static Map<String, Object> notUnderReview() {
        return leaf("ATTESTED", Map.of("key", "KHONG_DANG_XEM_XET_KY_LUAT", "statement",
                "Không đang bị xem xét kỷ luật, điều tra, thanh tra, kiểm tra hoặc xác minh đơn thư"), ART_4_4, "V2");
    }

    /**
     * The titles for persons the 2025 review uses (issue 22), under Decree 152 only: the demo has no person
     * before 2025. Conditions from Law 06/2022/QH15 Arts 22–24 as docs/research/people-and-personal-data.md
     * reads them [V2], cash from law-2025.md §3 (Decree 152 Arts 49–54) [V2]. "Lao động tiên tiến" is conferred
     * by the unit's head and recorded with the person's year in units-service; it is in the catalogue for its
     * cash and for conditions that name it.
     */
    static final List<Award> PERSON_AWARDS = List.of(
            new Award(ADVANCED_LABOUR, "Lao động tiên tiến", "DEPARTMENT", "Thủ trưởng cơ quan, đơn vị", "MERIT", List.of(
                    new Rules(DECREE_152, List.of(
                            leaf("TASK_RATING_AT_LEAST", Map.of("rating", "GOOD"),
                                    "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 24 khoản 1 điểm a (hoàn thành tốt nhiệm vụ trở lên)", "V2"),
                            leaf("ATTESTED", Map.of("key", "TU_LUC_DOAN_KET", "statement",
                                    "Có tinh thần tự lực, tự cường, đoàn kết, tương trợ, tích cực tham gia phong trào thi đua"),
                                    "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 24 khoản 1 điểm b", "V2")),
                            choices(), new BigDecimal("0.3"), CASH_152 + " (Lao động tiên tiến: 0,3 lần)", "V2")), "PERSON"),
            // Art. 23: (1) the LĐTT standard, here as holding the title the unit conferred for the year; (2) one of excellent
            // completion, a recognised initiative, an accepted research work: alternatives, as the Ministry's answer reads them [?]
            new Award(GRASSROOTS_FIGHTER, "Chiến sĩ thi đua cơ sở", "DEPARTMENT", "Thủ trưởng cơ quan, đơn vị", "MERIT", List.of(
                    new Rules(DECREE_152, List.of(
                            leaf("HOLDS_TITLE", Map.of("awardTypeCode", ADVANCED_LABOUR),
                                    "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 23 khoản 1 (đạt tiêu chuẩn Lao động tiên tiến)", "V2"),
                            anyOf(List.of(
                                    leaf("TASK_RATING_AT_LEAST", Map.of("rating", "EXCELLENT"),
                                            "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 23 khoản 2 (hoàn thành xuất sắc nhiệm vụ)", "?"),
                                    leaf("INITIATIVE_RECOGNISED", Map.of("minScope", "UNIT", "withinYears", 1, "count", 1),
                                            "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 23 khoản 2 (sáng kiến được cơ sở công nhận)", "V2"),
                                    leaf("ATTESTED", Map.of("key", "DE_TAI_NGHIEM_THU", "statement",
                                            "Có đề tài, đề án, công trình khoa học và công nghệ đã được nghiệm thu"),
                                            "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 23 khoản 2 (đề tài đã được nghiệm thu)", "V2")),
                                    "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 23 khoản 2: một trong các tiêu chuẩn", "?"),
                            notUnderReview()),
                            choices(), new BigDecimal("1.0"), CASH_152 + " (Chiến sĩ thi đua cơ sở: 1,0 lần)", "V2")), "PERSON"),
            // Art. 22: three consecutive CSTĐCS, among them exemplary, and an initiative (or research) with effect across the province
            new Award(PROVINCIAL_FIGHTER, "Chiến sĩ thi đua cấp tỉnh", "PROVINCIAL", "Chủ tịch UBND tỉnh", "MERIT", List.of(
                    new Rules(DECREE_152, List.of(
                            leaf("TITLE_IN_CONSECUTIVE_YEARS", Map.of("awardTypeCode", GRASSROOTS_FIGHTER, "years", 3),
                                    "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 22 (03 lần liên tục đạt Chiến sĩ thi đua cơ sở)", "V2"),
                            leaf("ATTESTED", Map.of("key", "TIEU_BIEU_XUAT_SAC", "statement",
                                    "Tiêu biểu xuất sắc trong số những cá nhân có 03 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở"),
                                    "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 22", "V2"),
                            anyOf(List.of(
                                    leaf("INITIATIVE_RECOGNISED", Map.of("minScope", "PROVINCE", "withinYears", 3, "count", 1),
                                            "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 22 (sáng kiến có phạm vi ảnh hưởng trong tỉnh)", "V2"),
                                    leaf("ATTESTED", Map.of("key", "DE_TAI_CAP_TINH", "statement",
                                            "Có đề tài khoa học, đề án, công trình đã được nghiệm thu, áp dụng hiệu quả trong tỉnh"),
                                            "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 22", "V2")),
                                    "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 22: sáng kiến hoặc đề tài", "V2"),
                            notUnderReview()),
                            // the window of three years for the initiative is this demo province's reading
                            choices("eligibility.INITIATIVE_RECOGNISED.withinYears"), new BigDecimal("3.0"),
                            CASH_152 + " (Chiến sĩ thi đua cấp tỉnh: 3,0 lần)", "V2")), "PERSON"),
            // Art. 21(1): two consecutive provincial emulation-fighter titles, exemplary, and an initiative (or research) of
            // nationwide effect, recognised by the head of the province (Art. 21(2)); the Prime Minister decides [V2]
            new Award(NATIONAL_FIGHTER, "Chiến sĩ thi đua toàn quốc", "STATE", "Thủ tướng Chính phủ", "MERIT", List.of(
                    new Rules(DECREE_152, List.of(
                            leaf("TITLE_IN_CONSECUTIVE_YEARS", Map.of("awardTypeCode", PROVINCIAL_FIGHTER, "years", 2),
                                    "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 21 khoản 1 điểm a (02 lần liên tục đạt Chiến sĩ thi đua cấp tỉnh)", "V2"),
                            leaf("ATTESTED", Map.of("key", "TIEU_BIEU_XUAT_SAC", "statement",
                                    "Tiêu biểu xuất sắc trong số những cá nhân có 02 lần liên tục đạt danh hiệu Chiến sĩ thi đua cấp tỉnh"),
                                    "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 21 khoản 1 điểm a", "V2"),
                            anyOf(List.of(
                                    leaf("INITIATIVE_RECOGNISED", Map.of("minScope", "NATIONAL", "withinYears", 2, "count", 1),
                                            "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 21 khoản 1 điểm b, khoản 2 (sáng kiến có phạm vi ảnh hưởng toàn quốc)", "V2"),
                                    leaf("ATTESTED", Map.of("key", "DE_TAI_TOAN_QUOC", "statement",
                                            "Có đề tài, đề án khoa học đã được nghiệm thu, áp dụng hiệu quả, có phạm vi ảnh hưởng toàn quốc"),
                                            "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 21 khoản 1 điểm b", "V2")),
                                    "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 21 khoản 1 điểm b", "V2"),
                            notUnderReview()),
                            // the window of the initiative is this demo province's reading
                            choices("eligibility.INITIATIVE_RECOGNISED.withinYears"), new BigDecimal("4.5"),
                            CASH_152 + " (Chiến sĩ thi đua toàn quốc: 4,5 lần)", "V2")), "PERSON"),
            // Art. 74(1)(d), as the Ministry of Home Affairs quoted it: two consecutive CSTĐCS, or two consecutive years HTXSNV with
            // two initiatives in the period (counted across the window); Art. 74(1)'s other points were not read [M]
            new Award(PROVINCIAL_MERIT_PERSON, "Bằng khen của Chủ tịch UBND tỉnh (cá nhân)", "PROVINCIAL", "Chủ tịch UBND tỉnh", "MERIT", List.of(
                    new Rules(DECREE_152, List.of(
                            anyOf(List.of(
                                    leaf("TITLE_IN_CONSECUTIVE_YEARS", Map.of("awardTypeCode", GRASSROOTS_FIGHTER, "years", 2),
                                            "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 74 khoản 1 điểm d (02 lần liên tục Chiến sĩ thi đua cơ sở)", "V2"),
                                    allOf(List.of(
                                            leaf("INITIATIVE_RECOGNISED", Map.of("minScope", "UNIT", "withinYears", 2, "count", 2),
                                                    "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 74 khoản 1 điểm d (02 sáng kiến trong thời gian xét)", "V2"),
                                            leaf("ATTESTED", Map.of("key", "HTXSNV_2_NAM", "statement", "Hoàn thành xuất sắc nhiệm vụ 02 năm liên tục"),
                                                    "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 74 khoản 1 điểm d", "V2")),
                                            "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 74 khoản 1 điểm d", "V2"),
                                    leaf("ATTESTED", Map.of("key", "THANH_TICH_XUAT_SAC", "statement",
                                            "Có thành tích xuất sắc theo một tiêu chuẩn khác của Điều 74 khoản 1"),
                                            "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 74 khoản 1 (các điểm khác, chưa đối chiếu)", "M")),
                                    "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 74 khoản 1: một trong các tiêu chuẩn", "V2"),
                            notUnderReview()),
                            choices(), new BigDecimal("1.5"), CASH_152 + ", Điều 54 khoản 1 điểm b (Bằng khen cấp tỉnh cho cá nhân: 1,5 lần)", "V2")),
                    "PERSON"),
            // Art. 75(1)(a)–(d): their text was not found [?]; the Board finds which point holds
            new Award(MERIT_CERTIFICATE_PERSON, "Giấy khen (cá nhân)", "DEPARTMENT", "Thủ trưởng cơ quan, đơn vị", "MERIT", List.of(
                    new Rules(DECREE_152, List.of(
                            leaf("ATTESTED", Map.of("key", "DIEU_75_KHOAN_1", "statement",
                                    "Đạt một trong các tiêu chuẩn tại Điều 75 khoản 1 điểm a–d Luật Thi đua, khen thưởng"),
                                    "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 75 khoản 1 (nội dung chưa đối chiếu)", "?"),
                            notUnderReview()),
                            choices(), new BigDecimal("0.3"), CASH_152 + ", Điều 54 khoản 1 (Giấy khen cho cá nhân: 0,3 lần)", "V2")), "PERSON"),
            // the standard for workers and farmers quoted in R29 [V2]: a provincial certificate already, five years "hoàn thành tốt
            // nhiệm vụ trở lên" with three CSTĐCS among them; the window for the earlier certificate is this province's reading
            new Award(PRIME_MINISTER_MERIT_PERSON, "Bằng khen của Thủ tướng Chính phủ (cá nhân)", "STATE", "Thủ tướng Chính phủ", "MERIT", List.of(
                    new Rules(DECREE_152, List.of(
                            leaf("AWARDS_IN_WINDOW", Map.of("awardTypes", List.of(PROVINCIAL_MERIT_PERSON), "count", 1, "years", 5),
                                    "Luật Thi đua, khen thưởng 06/2022/QH15, tiêu chuẩn Bằng khen của Thủ tướng cho công nhân, nông dân (đã được tặng Bằng khen cấp bộ, ngành, tỉnh; điều khoản chưa đối chiếu)", "?"),
                            leaf("ATTESTED", Map.of("key", "HTTNV_5_NAM_3_CSTDCS", "statement",
                                    "05 năm liên tục hoàn thành tốt nhiệm vụ trở lên, trong đó có 03 lần đạt Chiến sĩ thi đua cơ sở"),
                                    "Luật Thi đua, khen thưởng 06/2022/QH15, tiêu chuẩn Bằng khen của Thủ tướng cho công nhân, nông dân (điều khoản chưa đối chiếu)", "?"),
                            notUnderReview()),
                            choices("eligibility.AWARDS_IN_WINDOW.years"), new BigDecimal("3.5"),
                            CASH_152 + ", Điều 54 khoản 1 điểm a (Bằng khen của Thủ tướng cho cá nhân: 3,5 lần)", "V2")), "PERSON"));

    private DemoCatalogue() {
    }

    /**
     * Enters the five award types with their succession of rule sets (Decree 98's ended when Decree
     * 152's is entered, as the Board did on 01/07/2025), then the base salaries; the Board's token.
     */
    static void load(GatewayClient gateway, String board) {
        for (Award award : java.util.stream.Stream.concat(AWARDS.stream(), PERSON_AWARDS.stream()).toList()) {
            Map<String, Object> type = Map.of("name", award.name(), "level", award.level(),
                    "decidingAuthority", award.decidingAuthority(), "kind", award.kind(), "recipient", award.recipient());
            expect(gateway.putJson("/api/awards/award-types/" + award.code(), board, type), "award type " + award.code());
            for (Rules rules : award.succession()) {
                String ruleSets = "/api/awards/award-types/" + award.code() + "/rule-sets";
                long id = read(expect(gateway.postJson(ruleSets, board, ruleSet(award.code(), rules)),
                        "rule set of " + award.code() + " under " + rules.basis().legalBasis())).get("id").asLong();
                if (rules.basis().endedOn() != null) {
                    expect(gateway.postJson(ruleSets + "/" + id + "/end", board,
                                    Map.of("effectiveTo", rules.basis().endedOn(), "reason", rules.basis().endReason()), "\"0\""),
                            "ending the rule set " + id + " of " + award.code());
                }
            }
        }
        for (BaseSalary salary : BASE_SALARIES) {
            expect(gateway.putJson("/api/awards/base-salaries/" + salary.effectiveFrom(), board, Map.of("amount", salary.amount(),
                    "legalBasis", salary.legalBasis(), "tag", salary.tag())), "base salary from " + salary.effectiveFrom());
        }
        System.out.println("Demo catalogue: " + AWARDS.size() + " award types for collectives, each with " + SUCCESSION.size()
                + " rule sets in succession, and " + PERSON_AWARDS.size() + " for persons under Decree 152/2025:");
        for (Basis basis : SUCCESSION) {
            String to = basis.effectiveTo() != null ? basis.effectiveTo() : basis.endedOn() != null ? basis.endedOn() : "open      ";
            System.out.println("  " + basis.effectiveFrom() + " → " + to + "  " + basis.legalBasis() + " [" + basis.legalBasisTag() + "]"
                    + (basis.endedOn() == null ? "" : "; ended by the Board: " + basis.endReason()));
        }
        BaseSalary last = BASE_SALARIES.get(BASE_SALARIES.size() - 1);
        System.out.printf("Base salaries: %d from %s (%,d VND, %s) to %s (%,d VND, %s)%n", BASE_SALARIES.size(),
                BASE_SALARIES.get(0).effectiveFrom(), BASE_SALARIES.get(0).amount(), BASE_SALARIES.get(0).legalBasis(),
                last.effectiveFrom(), last.amount(), last.legalBasis());
    }

    /** The decree of a legal basis, for one-line output: the part after the law ("Nghị định 152/2025/NĐ-CP"). */
    static String decreeOf(String legalBasis) {
        int last = legalBasis.lastIndexOf("; ");
        return last < 0 ? legalBasis : legalBasis.substring(last + 2);
    }

    static Award award(String code) {
        return java.util.stream.Stream.concat(AWARDS.stream(), PERSON_AWARDS.stream()).filter(a -> a.code().equals(code)).findFirst().orElseThrow();
    }

    /**
     * How the province's Council reviews the flags' candidates (law-2025.md §4 [V2 T5], Bắc Ninh 86/2025, a typical example):
     * the whole Council, at least 80 % of its members taking part for an award session, absent members answering in
     * writing, recommended by more than half of all members. Thanh Hóa's own Council rules, then and now, were not read:
     * before Decree 152 the same figures are the demo's assumption [?]. The other awards go without a Council review here
     * (TTLĐXS and the provincial certificate go to the Council's standing members in Bắc Ninh: a province that does so
     * enters {@code "body": "STANDING_MEMBERS"}).
     */
    static Map<String, Object> councilReview(String awardCode, Basis basis) {
        if (!awardCode.equals(GOVERNMENT_FLAG) && !awardCode.equals(PROVINCIAL_FLAG)) {
            return null;
        }
        Map<String, Object> council = new LinkedHashMap<>();
        council.put("body", "COUNCIL");
        council.put("quorumPercent", 80);
        council.put("thresholdPercent", 50);
        council.put("strictlyAbove", true);
        council.put("basis", "ALL_MEMBERS");
        council.put("writtenOpinionsCount", true);
        boolean current = basis == DECREE_152;
        council.put("citation", current ? "Quy chế hoạt động của Hội đồng TĐKT tỉnh (mẫu: QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh)"
                : "Quy chế hoạt động của Hội đồng TĐKT tỉnh (chưa đối chiếu văn bản của thời kỳ)");
        council.put("tag", current ? "V2" : "?");
        return council;
    }

    private static Map<String, Object> ruleSet(String awardCode, Rules rules) {
        Basis basis = rules.basis();
        Map<String, Object> ruleSet = new LinkedHashMap<>();
        ruleSet.put("legalBasis", basis.legalBasis());
        ruleSet.put("legalBasisDate", basis.legalBasisDate());
        ruleSet.put("legalBasisTag", basis.legalBasisTag());
        ruleSet.put("effectiveFrom", basis.effectiveFrom());
        if (basis.effectiveTo() != null) {
            ruleSet.put("effectiveTo", basis.effectiveTo());
        }
        // by the day the dossier is received (or the vote held); the older decrees' transition clauses were not read: [?]
        ruleSet.put("transition", "DOSSIER_RECEIVED_ON");
        ruleSet.put("transitionTag", basis.transitionTag());
        ruleSet.put("eligibility", rules.eligibility());
        // domain.md gives voting rules only for the flags' cluster vote; the API wants them for every award, so the
        // others take the same cluster regulation, all of it marked as the province's choice
        ruleSet.put("voting", clusterVote());
        ruleSet.put("provincialChoices", rules.provincialChoices());
        if (rules.cashMultiple() != null) {
            ruleSet.put("cashMultiple", rules.cashMultiple());
            ruleSet.put("cashCitation", rules.cashCitation());
            ruleSet.put("cashTag", rules.cashTag());
        }
        Map<String, Object> council = councilReview(awardCode, basis);
        if (council != null) {
            ruleSet.put("council", council);
        }
        return ruleSet;
    }

    private static Map<String, Object> leaf(String kind, Map<String, Object> params, String citation, String tag) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("kind", kind);
        if (!params.isEmpty()) {
            condition.put("params", params);
        }
        condition.put("citation", citation);
        condition.put("tag", tag);
        return condition;
    }

    private static Map<String, Object> allOf(List<Map<String, Object>> members, String citation, String tag) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("all", new ArrayList<>(members));
        group.put("citation", citation);
        group.put("tag", tag);
        return group;
    }

    private static Map<String, Object> anyOf(List<Map<String, Object>> members, String citation, String tag) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("any", new ArrayList<>(members));
        group.put("citation", citation);
        group.put("tag", tag);
        return group;
    }

    /** The voting rules (all provincial) and any other value of the rule set that the province chose. */
    private static List<String> choices(String... more) {
        return Stream.concat(VOTING_CHOICES.stream(), Stream.of(more)).toList();
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Demo catalogue refused (" + what + "): " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private static JsonNode read(HttpResponse<String> response) {
        return GatewayClient.read(response.body());
    }
}
