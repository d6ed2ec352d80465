package vn.thidua.awards.condition;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import vn.thidua.awards.condition.AwardKind;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.web.Messages;
import vn.thidua.platform.web.TextPolicy;

/**
 * The kinds of condition a rule set may use, each with its parameters and how it is judged
 * (docs/rules.md lists them with their sources). A new decree's conditions are written with these
 * kinds as data; a new kind of fact needs a new entry here, its texts in i18n/messages*.properties,
 * and a test in VocabularyTest.
 */
public final class Vocabulary {
    public static final String ALL = "all";
    public static final String ANY = "any";
    public static final Set<String> TAGS = Set.of("V", "V2", "M", "?");
    static final int MAX_DEPTH = 5;
    static final int MAX_CONDITIONS = 100;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{2,40}");

    /** The member counts a {@code MEMBER_SHARE} condition can look at. */
    public enum Measure {
        COMPLETING_TASKS, ADVANCED_LABOUR, GRASSROOTS_FIGHTERS, DISCIPLINED_WARNING_OR_ABOVE, WOMEN;

        int of(Facts.MemberStatistics s) {
            return switch (this) {
                case COMPLETING_TASKS -> s.completingTasks();
                case ADVANCED_LABOUR -> s.advancedLabour();
                case GRASSROOTS_FIGHTERS -> s.grassrootsFighters();
                case DISCIPLINED_WARNING_OR_ABOVE -> s.disciplinedWarningOrAbove();
                case WOMEN -> s.women();
            };
        }
    }

    enum Type { INTEGER, DECIMAL, CODE, CODES, TEXT, MEASURE }

    /** How a quota's share of the leaders becomes a whole number of proposals; EXACT (the default) compares without rounding. */
    static final Map<String, RoundingMode> ROUNDINGS = Map.of("FLOOR", RoundingMode.FLOOR, "HALF_UP", RoundingMode.HALF_UP,
            "CEILING", RoundingMode.CEILING);

    /** A parameter of a kind: its type, whether it must be given, and the range of a number. */
    record Param(String name, Type type, boolean required, BigDecimal min, BigDecimal max) {
    }

    /** The evaluation of one kind over the facts, with its parameters read. */
    @FunctionalInterface
    interface Judge {
        Result judge(Args args, Facts facts);
    }

    /** What a kind says: its outcome and the message that explains it. */
    record Result(Outcome outcome, String messageKey, List<Object> args) {
        static Result of(Outcome outcome, String key, Object... args) {
            return new Result(outcome, key, List.of(args));
        }
    }

    record Kind(String name, List<Param> params, Judge judge) {
        Param param(String paramName) {
            return params.stream().filter(p -> p.name().equals(paramName)).findFirst().orElse(null);
        }
    }

    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    static {
        define("LEADS_CLUSTER", List.of(), (a, f) -> Result.of(Outcome.of(f.ledTheCluster()),
                f.ledTheCluster() ? "eligibility.leads.pass" : "eligibility.leads.fail", f.clusterName(), f.year()));
        define("RANKS_FIRST", List.of(), (a, f) -> ranksWithin(1, f));
        define("RANKS_WITHIN", List.of(new Param("n", Type.INTEGER, true, BigDecimal.ONE, HUNDRED)), (a, f) -> ranksWithin(a.integer("n"), f));
        define("MIN_TOTAL_POINTS", List.of(new Param("points", Type.DECIMAL, true, new BigDecimal("0.01"), new BigDecimal("100000"))),
                (a, f) -> {
                    if (f.total() == null) {
                        return Result.of(Outcome.UNKNOWN, "eligibility.ranking.none", f.clusterName(), f.year());
                    }
                    boolean reached = f.total().compareTo(a.decimal("points")) >= 0;
                    return Result.of(Outcome.of(reached), reached ? "eligibility.points.pass" : "eligibility.points.fail", f.total(),
                            a.decimal("points"));
                });
        define("REGISTERED_FOR_TITLE", List.of(new Param("awardTypeCode", Type.CODE, false, null, null)), (a, f) -> {
            String title = a.has("awardTypeCode") ? a.code("awardTypeCode") : f.awardTypeCode();
            boolean registered = f.registeredTitles().contains(title);
            return Result.of(Outcome.of(registered), registered ? "eligibility.registered.pass" : "eligibility.registered.fail", f.year(), title);
        });
        define("QUOTA_PERCENT_OF_CLUSTER_LEADERS", List.of(new Param("percent", Type.DECIMAL, true, new BigDecimal("0.01"), HUNDRED),
                new Param("rounding", Type.CODE, false, null, null)), (a, f) -> {
                    BigDecimal percent = a.decimal("percent");
                    // the collectives voted to lead their clusters/blocks: each cluster-year with a recorded leader, and those outside
                    int leaders = f.clusterLeaders() + f.leadersOutside();
                    BigDecimal share = percent.multiply(BigDecimal.valueOf(leaders));
                    String rounding = a.has("rounding") ? a.code("rounding") : "EXACT";
                    boolean within;
                    String most;
                    if ("EXACT".equals(rounding)) {
                        // compared exactly: 4 × 100 ≤ 20 × 19 fails
                        within = BigDecimal.valueOf(f.proposalsCounted()).multiply(HUNDRED).compareTo(share) <= 0;
                        most = share.divide(HUNDRED, 2, RoundingMode.DOWN).stripTrailingZeros().toPlainString();
                    } else {
                        int allowed = share.divide(HUNDRED, 0, ROUNDINGS.get(rounding)).intValueExact();
                        within = f.proposalsCounted() <= allowed;
                        most = Integer.toString(allowed);
                    }
                    return Result.of(Outcome.of(within), within ? "eligibility.quota.pass" : "eligibility.quota.fail", f.proposalsCounted(),
                            leaders, percent, most, f.clusterLeaders(), f.leadersOutside(), rounding);
                });
        // the Government flag goes to a collective that meets the provincial flag's own standard of the year (Law Art. 25(1))
        define("MEETS_CONDITIONS_OF", List.of(new Param("awardTypeCode", Type.CODE, true, null, null)), (a, f) -> {
            List<Verdict> other = f.otherAwards().get(a.code("awardTypeCode"));
            if (other == null) {
                return Result.of(Outcome.UNKNOWN, "eligibility.meets.none", a.code("awardTypeCode"), f.year());
            }
            Outcome outcome = outcome(other);
            return Result.of(outcome, "eligibility.meets." + outcome.name().toLowerCase(Locale.ROOT), a.code("awardTypeCode"), f.year(),
                    other.stream().filter(Verdict::passed).count(), other.size());
        });
        define("HELD_IN_PREVIOUS_YEARS", List.of(new Param("years", Type.INTEGER, true, BigDecimal.ONE, BigDecimal.valueOf(50)),
                new Param("awardTypeCode", Type.CODE, true, null, null)), (a, f) -> {
                    int years = a.integer("years");
                    String award = a.code("awardTypeCode");
                    Set<Integer> held = meritYears(f, Set.of(award));
                    List<Integer> missing = new ArrayList<>();
                    for (int y = f.year() - years; y < f.year(); y++) {
                        if (!held.contains(y)) {
                            missing.add(y);
                        }
                    }
                    return Result.of(Outcome.of(missing.isEmpty()), missing.isEmpty() ? "eligibility.streak.pass" : "eligibility.streak.fail",
                            award, years, missing.stream().map(String::valueOf).collect(Collectors.joining(", ")));
                });
        define("AWARDS_IN_WINDOW", List.of(new Param("awardTypes", Type.CODES, true, null, null),
                new Param("count", Type.INTEGER, true, BigDecimal.ONE, BigDecimal.valueOf(50)),
                new Param("years", Type.INTEGER, true, BigDecimal.ONE, BigDecimal.valueOf(50))), (a, f) -> {
                    Set<String> awards = Set.copyOf(a.codes("awardTypes"));
                    int years = a.integer("years");
                    int needed = a.integer("count");
                    long counted = f.awards().stream().filter(h -> h.kind() == AwardKind.MERIT && awards.contains(h.awardTypeCode())
                            && h.year() >= f.year() - years && h.year() < f.year()).count();
                    long passedOver = f.awards().stream().filter(h -> h.kind() != AwardKind.MERIT && awards.contains(h.awardTypeCode())
                            && h.year() >= f.year() - years && h.year() < f.year()).count();
                    boolean enough = counted >= needed;
                    return Result.of(Outcome.of(enough), enough ? "eligibility.window.pass" : "eligibility.window.fail", counted, needed,
                            f.year() - years, f.year() - 1, String.join(", ", a.codes("awardTypes")), passedOver);
                });
        define("EXCEEDS_TARGETS", List.of(new Param("attainedAt", Type.DECIMAL, false, new BigDecimal("0.01"), BigDecimal.valueOf(2)),
                new Param("minAttainedPercent", Type.DECIMAL, false, BigDecimal.ZERO, HUNDRED),
                new Param("minExceeded", Type.INTEGER, false, BigDecimal.ZERO, BigDecimal.valueOf(50))), Vocabulary::exceedsTargets);
        define("MEMBER_SHARE", List.of(new Param("measure", Type.MEASURE, true, null, null),
                new Param("atLeastPercent", Type.DECIMAL, false, BigDecimal.ZERO, HUNDRED),
                new Param("atMostPercent", Type.DECIMAL, false, BigDecimal.ZERO, HUNDRED),
                new Param("atLeast", Type.INTEGER, false, BigDecimal.ZERO, BigDecimal.valueOf(1_000_000)),
                new Param("atMost", Type.INTEGER, false, BigDecimal.ZERO, BigDecimal.valueOf(1_000_000))), Vocabulary::memberShare);
        define("RATING_STREAK", List.of(new Param("years", Type.INTEGER, true, BigDecimal.ONE, BigDecimal.valueOf(50)),
                new Param("rating", Type.CODE, false, null, null)), Vocabulary::ratingStreak);
        define("NO_PENDING_PROCEEDINGS", List.of(), (a, f) -> f.openProceedings().isEmpty()
                ? Result.of(Outcome.PASS, "eligibility.proceedings.pass")
                : Result.of(Outcome.FAIL, "eligibility.proceedings.fail", f.openProceedings().size(), f.openProceedings().stream()
                        .map(p -> p.kind() + " (" + p.openedOn() + ", " + p.source() + ")").collect(Collectors.joining("; "))));
        define("ATTESTED", List.of(new Param("key", Type.CODE, true, null, null), new Param("statement", Type.TEXT, true, null, null)),
                (a, f) -> {
                    Facts.Attestation found = f.attestations().get(a.code("key"));
                    if (found == null) {
                        return Result.of(Outcome.UNKNOWN, "eligibility.attested.none", a.text("statement"));
                    }
                    return Result.of(Outcome.of(found.holds()), found.holds() ? "eligibility.attested.pass" : "eligibility.attested.fail",
                            a.text("statement"), found.basis(), found.by());
                });
    }

    private Vocabulary() {
    }

    private static void define(String name, List<Param> params, Judge judge) {
        KINDS.put(name, new Kind(name, params, judge));
    }

    /** The kinds' names, in the order docs/rules.md lists them. */
    public static List<String> kinds() {
        return List.copyOf(KINDS.keySet());
    }

    /** The parameter a kind's former single {@code value} means, or null for a kind that had none. */
    static String legacyValueParam(String kind) {
        return switch (kind) {
            case "QUOTA_PERCENT_OF_CLUSTER_LEADERS" -> "percent";
            case "MIN_TOTAL_POINTS" -> "points";
            case "HELD_IN_PREVIOUS_YEARS" -> "years";
            default -> null;
        };
    }

    // ---- validation ----

    /** Adds to {@code problems} everything wrong with the conditions, each with where it is ({@code eligibility[1].any[0].params.n}). */
    public static void validate(List<Condition> conditions, String at, List<Refusal.Reason> problems) {
        int[] count = {0};
        for (int i = 0; i < conditions.size(); i++) {
            validate(conditions.get(i), at + "[" + i + "]", 1, count, problems);
        }
        if (count[0] > MAX_CONDITIONS) {
            problems.add(new Refusal.Reason(at, "ruleset.condition.too-many", MAX_CONDITIONS));
        }
    }

    private static void validate(Condition c, String at, int depth, int[] count, List<Refusal.Reason> problems) {
        count[0]++;
        if (c == null) {
            problems.add(new Refusal.Reason(at, "ruleset.condition.kind", String.join(", ", KINDS.keySet())));
            return;
        }
        if (c.tag() != null && !TAGS.contains(c.tag())) {
            problems.add(new Refusal.Reason(at + ".tag", "ruleset.condition.tag"));
        }
        if (c.citation() != null && (c.citation().length() > 300 || TextPolicy.violation(c.citation()) != null)) {
            problems.add(new Refusal.Reason(at + ".citation", "ruleset.condition.citation"));
        }
        boolean groupAll = c.all() != null;
        boolean groupAny = c.any() != null;
        if (c.kind() != null && (groupAll || groupAny) || groupAll && groupAny) {
            problems.add(new Refusal.Reason(at, "ruleset.condition.shape"));
            return;
        }
        if (groupAll || groupAny) {
            List<Condition> members = groupAll ? c.all() : c.any();
            String name = groupAll ? ALL : ANY;
            if (members.isEmpty()) {
                problems.add(new Refusal.Reason(at + "." + name, "ruleset.condition.empty-group"));
            } else if (depth >= MAX_DEPTH) {
                problems.add(new Refusal.Reason(at + "." + name, "ruleset.condition.too-deep", MAX_DEPTH));
            } else {
                for (int i = 0; i < members.size(); i++) {
                    validate(members.get(i), at + "." + name + "[" + i + "]", depth + 1, count, problems);
                }
            }
            return;
        }
        Kind kind = c.kind() == null ? null : KINDS.get(c.kind());
        if (kind == null) {
            problems.add(new Refusal.Reason(at + ".kind", "ruleset.condition.kind", String.join(", ", KINDS.keySet())));
            return;
        }
        for (Map.Entry<String, JsonNode> given : c.parameters().entrySet()) {
            Param param = kind.param(given.getKey());
            String where = at + ".params." + given.getKey();
            if (param == null) {
                problems.add(new Refusal.Reason(where, "ruleset.condition.param.unknown", given.getKey(), kind.name(),
                        kind.params().isEmpty() ? "—" : kind.params().stream().map(Param::name).collect(Collectors.joining(", "))));
            } else if (given.getValue() != null && !given.getValue().isNull() && !fits(param, given.getValue())) {
                problems.add(new Refusal.Reason(where, "ruleset.condition.param.invalid", given.getKey(), kind.name(), expected(param)));
            }
        }
        for (Param param : kind.params()) {
            JsonNode given = c.parameters().get(param.name());
            if (param.required() && (given == null || given.isNull())) {
                problems.add(new Refusal.Reason(at + ".params." + param.name(), "ruleset.condition.param.required", param.name(), kind.name(),
                        expected(param)));
            }
        }
        if (kind.name().equals("QUOTA_PERCENT_OF_CLUSTER_LEADERS") && c.parameters().get("rounding") != null
                && !c.parameters().get("rounding").isNull() && !ROUNDINGS.containsKey(c.parameters().get("rounding").asText())
                && !"EXACT".equals(c.parameters().get("rounding").asText())) {
            problems.add(new Refusal.Reason(at + ".params.rounding", "ruleset.condition.quota.rounding"));
        }
        if (kind.name().equals("MEMBER_SHARE") && problems.stream().noneMatch(p -> p.field().startsWith(at + "."))
                && Set.of("atLeastPercent", "atMostPercent", "atLeast", "atMost").stream().noneMatch(c.parameters()::containsKey)) {
            problems.add(new Refusal.Reason(at + ".params", "ruleset.condition.member-share.bound"));
        }
    }

    private static boolean fits(Param param, JsonNode node) {
        return switch (param.type()) {
            case INTEGER -> node.isIntegralNumber() && node.canConvertToInt() && inRange(param, BigDecimal.valueOf(node.intValue()));
            case DECIMAL -> node.isNumber() && (!node.isFloatingPointNumber() || Double.isFinite(node.doubleValue()))
                    && inRange(param, node.decimalValue());
            case CODE -> node.isTextual() && CODE.matcher(node.textValue()).matches();
            case CODES -> node.isArray() && node.size() >= 1 && node.size() <= 20
                    && StreamSupport.stream(node.spliterator(), false)
                    .allMatch(item -> item.isTextual() && CODE.matcher(item.textValue()).matches());
            case TEXT -> node.isTextual() && !node.textValue().isBlank() && node.textValue().length() <= 500
                    && TextPolicy.violation(node.textValue()) == null;
            case MEASURE -> node.isTextual() && Arrays.stream(Measure.values()).anyMatch(m -> m.name().equals(node.textValue()));
        };
    }

    private static boolean inRange(Param param, BigDecimal value) {
        return (param.min() == null || value.compareTo(param.min()) >= 0) && (param.max() == null || value.compareTo(param.max()) <= 0);
    }

    private static String expected(Param param) {
        return switch (param.type()) {
            case INTEGER, DECIMAL -> param.type().name().toLowerCase(Locale.ROOT) + " " + param.min().stripTrailingZeros().toPlainString()
                    + "–" + param.max().stripTrailingZeros().toPlainString();
            case CODE -> "code [A-Z0-9_]";
            case CODES -> "[code, …] (1–20)";
            case TEXT -> "text (≤ 500)";
            case MEASURE -> Arrays.stream(Measure.values()).map(Enum::name).collect(Collectors.joining(" | "));
        };
    }

    // ---- evaluation ----

    /** Each condition's verdict; the list as a whole holds when every one does. Conditions must have been validated. */
    public static List<Verdict> evaluate(List<Condition> conditions, Facts facts) {
        return conditions.stream().map(c -> evaluate(c, facts)).toList();
    }

    public static Outcome outcome(List<Verdict> verdicts) {
        return Outcome.all(verdicts.stream().map(Verdict::outcome).toList());
    }

    static Verdict evaluate(Condition c, Facts facts) {
        if (c.isGroup()) {
            boolean all = c.all() != null;
            List<Verdict> children = (all ? c.all() : c.any()).stream().map(member -> evaluate(member, facts)).toList();
            List<Outcome> outcomes = children.stream().map(Verdict::outcome).toList();
            Outcome outcome = all ? Outcome.all(outcomes) : Outcome.any(outcomes);
            long passing = outcomes.stream().filter(o -> o == Outcome.PASS).count();
            return new Verdict(all ? ALL : ANY, null, c.citation(), c.tag(), outcome,
                    "eligibility." + (all ? "all" : "any") + "." + outcome.name().toLowerCase(Locale.ROOT),
                    List.of(passing, children.size()), children);
        }
        Kind kind = KINDS.get(c.kind());
        Result result = kind.judge().judge(new Args(c.parameters()), facts);
        // another award's conditions show as this one's members, so a refusal names the one that failed
        List<Verdict> members = kind.name().equals("MEETS_CONDITIONS_OF")
                ? facts.otherAwards().getOrDefault(new Args(c.parameters()).code("awardTypeCode"), List.of()) : List.of();
        return new Verdict(kind.name(), c.params(), c.citation(), c.tag(), result.outcome(), result.messageKey(), result.args(), members);
    }

    private static Result ranksWithin(int places, Facts f) {
        if (f.rank() == null) {
            return Result.of(Outcome.UNKNOWN, "eligibility.ranking.none", f.clusterName(), f.year());
        }
        boolean within = f.rank() <= places;
        return places == 1
                ? Result.of(Outcome.of(within), within ? "eligibility.first.pass" : "eligibility.first.fail", f.rank(), f.clusterName())
                : Result.of(Outcome.of(within), within ? "eligibility.within.pass" : "eligibility.within.fail", f.rank(), f.clusterName(), places);
    }

    private static Set<Integer> meritYears(Facts f, Set<String> awards) {
        return f.awards().stream().filter(h -> h.kind() == AwardKind.MERIT && awards.contains(h.awardTypeCode()))
                .map(Facts.HeldAward::year).collect(Collectors.toSet());
    }

    private static Result exceedsTargets(Args a, Facts f) {
        if (f.yearEnd() == null || f.yearEnd().attainments().isEmpty()) {
            return Result.of(Outcome.UNKNOWN, "eligibility.targets.none", f.year());
        }
        List<BigDecimal> attainments = f.yearEnd().attainments();
        long unreported = attainments.stream().filter(Objects::isNull).count();
        if (unreported > 0) {
            return Result.of(Outcome.UNKNOWN, "eligibility.targets.unreported", unreported, attainments.size());
        }
        BigDecimal attainedAt = a.has("attainedAt") ? a.decimal("attainedAt") : BigDecimal.ONE;
        BigDecimal minAttainedPercent = a.has("minAttainedPercent") ? a.decimal("minAttainedPercent") : HUNDRED;
        int minExceeded = a.has("minExceeded") ? a.integer("minExceeded") : 1;
        long attained = attainments.stream().filter(x -> x.compareTo(attainedAt) >= 0).count();
        long exceeded = attainments.stream().filter(x -> x.compareTo(attainedAt) > 0).count();
        boolean enoughAttained = BigDecimal.valueOf(attained).multiply(HUNDRED)
                .compareTo(minAttainedPercent.multiply(BigDecimal.valueOf(attainments.size()))) >= 0;
        boolean holds = enoughAttained && exceeded >= minExceeded;
        return Result.of(Outcome.of(holds), holds ? "eligibility.targets.pass" : "eligibility.targets.fail", attained, attainments.size(),
                exceeded, minAttainedPercent, minExceeded);
    }

    private static Result memberShare(Args a, Facts f) {
        Measure measure = Measure.valueOf(a.text("measure"));
        Facts.MemberStatistics s = f.yearEnd() == null ? null : f.yearEnd().statistics();
        if (s == null) {
            return Result.of(Outcome.UNKNOWN, "eligibility.members.none", f.year());
        }
        if (!s.confirmed()) {
            return Result.of(Outcome.UNKNOWN, "eligibility.members.unconfirmed", f.year());
        }
        int count = measure.of(s);
        List<String> failed = new ArrayList<>();
        BigDecimal share = BigDecimal.valueOf(count).multiply(HUNDRED);
        BigDecimal whole = BigDecimal.valueOf(s.members());
        if (a.has("atLeastPercent") && share.compareTo(a.decimal("atLeastPercent").multiply(whole)) < 0) {
            failed.add("≥ " + plain(a.decimal("atLeastPercent")) + "%");
        }
        if (a.has("atMostPercent") && share.compareTo(a.decimal("atMostPercent").multiply(whole)) > 0) {
            failed.add("≤ " + plain(a.decimal("atMostPercent")) + "%");
        }
        if (a.has("atLeast") && count < a.integer("atLeast")) {
            failed.add("≥ " + a.integer("atLeast"));
        }
        if (a.has("atMost") && count > a.integer("atMost")) {
            failed.add("≤ " + a.integer("atMost"));
        }
        // a number, so the message writes it the reader's way (67,5 % in Vietnamese, 67.5% in English)
        BigDecimal percent = share.divide(whole, 1, RoundingMode.DOWN).stripTrailingZeros();
        return Result.of(Outcome.of(failed.isEmpty()), failed.isEmpty() ? "eligibility.members.pass" : "eligibility.members.fail",
                new Messages.Term("measure." + measure.name()), count, s.members(), percent, String.join(", ", failed));
    }

    private static Result ratingStreak(Args a, Facts f) {
        String rating = a.has("rating") ? a.code("rating") : "HTXSNV";
        int years = a.integer("years");
        List<Integer> other = new ArrayList<>();
        List<Integer> unrated = new ArrayList<>();
        for (int y = f.year() - years + 1; y <= f.year(); y++) {
            String given = f.ratings().get(y);
            if (given == null) {
                unrated.add(y);
            } else if (!given.equals(rating)) {
                other.add(y);
            }
        }
        if (!other.isEmpty()) {
            return Result.of(Outcome.FAIL, "eligibility.rating.fail", rating, years, join(other));
        }
        if (!unrated.isEmpty()) {
            return Result.of(Outcome.UNKNOWN, "eligibility.rating.unknown", rating, years, join(unrated));
        }
        return Result.of(Outcome.PASS, "eligibility.rating.pass", rating, years, f.year() - years + 1, f.year());
    }

    private static String join(List<Integer> years) {
        return years.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** A condition's validated parameters, typed. */
    record Args(Map<String, JsonNode> params) {
        boolean has(String name) {
            JsonNode node = params.get(name);
            return node != null && !node.isNull();
        }

        int integer(String name) {
            return params.get(name).intValue();
        }

        BigDecimal decimal(String name) {
            return params.get(name).decimalValue();
        }

        String code(String name) {
            return params.get(name).textValue();
        }

        String text(String name) {
            return params.get(name).textValue();
        }

        List<String> codes(String name) {
            List<String> codes = new ArrayList<>();
            params.get(name).forEach(item -> codes.add(item.textValue()));
            return codes;
        }
    }
}
