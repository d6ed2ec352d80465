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

    /** A parameter's type; the last ones take one name of their enum. */
    enum Type {
        INTEGER(null), DECIMAL(null), CODE(null), CODES(null), TEXT(null), MEASURE(Measure.class), SCOPE(InitiativeScope.class),
        LEVEL(RecognitionLevel.class), DISCIPLINE(Discipline.class), TASK_RATING(TaskCompletion.class);

        private final Class<? extends Enum<?>> choices;

        Type(Class<? extends Enum<?>> choices) {
            this.choices = choices;
        }

        List<String> names() {
            return choices == null ? List.of() : Arrays.stream(choices.getEnumConstants()).map(Enum::name).toList();
        }
    }

    private static final Set<Recipient> UNIT_ONLY = Set.of(Recipient.UNIT);
    private static final Set<Recipient> PERSON_ONLY = Set.of(Recipient.PERSON);
    private static final Set<Recipient> EITHER = Set.of(Recipient.UNIT, Recipient.PERSON);

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

    /** A kind of condition: whom it can speak of ({@link Recipient}), its parameters and its judgement. */
    record Kind(String name, Set<Recipient> recipients, List<Param> params, Judge judge) {
        Param param(String paramName) {
            return params.stream().filter(p -> p.name().equals(paramName)).findFirst().orElse(null);
        }
    }

    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    static {
        define(UNIT_ONLY, "LEADS_CLUSTER", List.of(), (a, f) -> Result.of(Outcome.of(f.ledTheCluster()),
                f.ledTheCluster() ? "eligibility.leads.pass" : "eligibility.leads.fail", f.clusterName(), f.year()));
        define(UNIT_ONLY, "RANKS_FIRST", List.of(), (a, f) -> ranksWithin(1, f));
        define(UNIT_ONLY, "RANKS_WITHIN", List.of(new Param("n", Type.INTEGER, true, BigDecimal.ONE, HUNDRED)), (a, f) -> ranksWithin(a.integer("n"), f));
        define(UNIT_ONLY, "MIN_TOTAL_POINTS", List.of(new Param("points", Type.DECIMAL, true, new BigDecimal("0.01"), new BigDecimal("100000"))),
                (a, f) -> {
                    if (f.total() == null) {
                        return Result.of(Outcome.UNKNOWN, "eligibility.ranking.none", f.clusterName(), f.year());
                    }
                    boolean reached = f.total().compareTo(a.decimal("points")) >= 0;
                    return Result.of(Outcome.of(reached), reached ? "eligibility.points.pass" : "eligibility.points.fail", f.total(),
                            a.decimal("points"));
                });
        define(UNIT_ONLY, "REGISTERED_FOR_TITLE", List.of(new Param("awardTypeCode", Type.CODE, false, null, null)), (a, f) -> {
            String title = a.has("awardTypeCode") ? a.code("awardTypeCode") : f.awardTypeCode();
            boolean registered = f.registeredTitles().contains(title);
            return Result.of(Outcome.of(registered), registered ? "eligibility.registered.pass" : "eligibility.registered.fail", f.year(), title);
        });
        define(UNIT_ONLY, "QUOTA_PERCENT_OF_CLUSTER_LEADERS", List.of(new Param("percent", Type.DECIMAL, true, new BigDecimal("0.01"), HUNDRED),
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
        define(EITHER, "MEETS_CONDITIONS_OF", List.of(new Param("awardTypeCode", Type.CODE, true, null, null)), (a, f) -> {
            List<Verdict> other = f.otherAwards().get(a.code("awardTypeCode"));
            if (other == null) {
                return Result.of(Outcome.UNKNOWN, "eligibility.meets.none", a.code("awardTypeCode"), f.year());
            }
            Outcome outcome = outcome(other);
            return Result.of(outcome, "eligibility.meets." + outcome.name().toLowerCase(Locale.ROOT), a.code("awardTypeCode"), f.year(),
                    other.stream().filter(Verdict::passed).count(), other.size());
        });
        define(EITHER, "HELD_IN_PREVIOUS_YEARS", List.of(new Param("years", Type.INTEGER, true, BigDecimal.ONE, BigDecimal.valueOf(50)),
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
                    return Result.of(Outcome.of(missing.isEmpty()), whose(f, "streak") + (missing.isEmpty() ? ".pass" : ".fail"),
                            award, years, missing.stream().map(String::valueOf).collect(Collectors.joining(", ")));
                });
        define(EITHER, "AWARDS_IN_WINDOW", List.of(new Param("awardTypes", Type.CODES, true, null, null),
                new Param("count", Type.INTEGER, true, BigDecimal.ONE, BigDecimal.valueOf(50)),
                new Param("years", Type.INTEGER, true, BigDecimal.ONE, BigDecimal.valueOf(50))), (a, f) -> {
                    Set<String> awards = Set.copyOf(a.codes("awardTypes"));
                    int years = a.integer("years");
                    int needed = a.integer("count");
                    long counted = heldAwards(f).stream().filter(h -> h.kind() == AwardKind.MERIT && awards.contains(h.awardTypeCode())
                            && h.year() >= f.year() - years && h.year() < f.year()).count();
                    long passedOver = heldAwards(f).stream().filter(h -> h.kind() != AwardKind.MERIT && awards.contains(h.awardTypeCode())
                            && h.year() >= f.year() - years && h.year() < f.year()).count();
                    boolean enough = counted >= needed;
                    return Result.of(Outcome.of(enough), whose(f, "window") + (enough ? ".pass" : ".fail"), counted, needed,
                            f.year() - years, f.year() - 1, String.join(", ", a.codes("awardTypes")), passedOver);
                });
        define(UNIT_ONLY, "EXCEEDS_TARGETS", List.of(new Param("attainedAt", Type.DECIMAL, false, new BigDecimal("0.01"), BigDecimal.valueOf(2)),
                new Param("minAttainedPercent", Type.DECIMAL, false, BigDecimal.ZERO, HUNDRED),
                new Param("minExceeded", Type.INTEGER, false, BigDecimal.ZERO, BigDecimal.valueOf(50))), Vocabulary::exceedsTargets);
        define(UNIT_ONLY, "MEMBER_SHARE", List.of(new Param("measure", Type.MEASURE, true, null, null),
                new Param("atLeastPercent", Type.DECIMAL, false, BigDecimal.ZERO, HUNDRED),
                new Param("atMostPercent", Type.DECIMAL, false, BigDecimal.ZERO, HUNDRED),
                new Param("atLeast", Type.INTEGER, false, BigDecimal.ZERO, BigDecimal.valueOf(1_000_000)),
                new Param("atMost", Type.INTEGER, false, BigDecimal.ZERO, BigDecimal.valueOf(1_000_000))), Vocabulary::memberShare);
        define(UNIT_ONLY, "RATING_STREAK", List.of(new Param("years", Type.INTEGER, true, BigDecimal.ONE, BigDecimal.valueOf(50)),
                new Param("rating", Type.CODE, false, null, null)), Vocabulary::ratingStreak);
        define(UNIT_ONLY, "NO_PENDING_PROCEEDINGS", List.of(), (a, f) -> f.openProceedings().isEmpty()
                ? Result.of(Outcome.PASS, "eligibility.proceedings.pass")
                : Result.of(Outcome.FAIL, "eligibility.proceedings.fail", f.openProceedings().size(), f.openProceedings().stream()
                        .map(p -> p.kind() + " (" + p.openedOn() + ", " + p.source() + ")").collect(Collectors.joining("; "))));
        define(EITHER, "ATTESTED", List.of(new Param("key", Type.CODE, true, null, null), new Param("statement", Type.TEXT, true, null, null)),
                (a, f) -> {
                    Facts.Attestation found = f.attestations().get(a.code("key"));
                    if (found == null) {
                        return Result.of(Outcome.UNKNOWN, "eligibility.attested.none", a.text("statement"));
                    }
                    return Result.of(Outcome.of(found.holds()), found.holds() ? "eligibility.attested.pass" : "eligibility.attested.fail",
                            a.text("statement"), found.basis(), found.by());
                });
        // ---- of a person (issue 22): the facts units-service records for its people, and the person's own ledger ----
        define(PERSON_ONLY, "HOLDS_TITLE", List.of(new Param("awardTypeCode", Type.CODE, true, null, null)), (a, f) -> person(f, p -> {
            String title = a.code("awardTypeCode");
            Boolean held = holdsTitle(p, title, f.year());
            if (held == null) {
                return Result.of(Outcome.UNKNOWN, "eligibility.title.unknown", p.fullName(), title, f.year());
            }
            return Result.of(Outcome.of(held), held ? "eligibility.title.pass" : "eligibility.title.fail", p.fullName(), title, f.year());
        }));
        define(PERSON_ONLY, "TITLE_IN_CONSECUTIVE_YEARS", List.of(new Param("awardTypeCode", Type.CODE, true, null, null),
                new Param("years", Type.INTEGER, true, BigDecimal.ONE, BigDecimal.valueOf(50))), (a, f) -> person(f, p -> {
                    String title = a.code("awardTypeCode");
                    int years = a.integer("years");
                    List<Integer> without = new ArrayList<>();
                    List<Integer> unrecorded = new ArrayList<>();
                    for (int y = f.year() - years + 1; y <= f.year(); y++) {
                        Boolean held = holdsTitle(p, title, y);
                        if (held == null) {
                            unrecorded.add(y);
                        } else if (!held) {
                            without.add(y);
                        }
                    }
                    if (!without.isEmpty()) {
                        return Result.of(Outcome.FAIL, "eligibility.titles.fail", p.fullName(), title, years, join(without));
                    }
                    if (!unrecorded.isEmpty()) {
                        return Result.of(Outcome.UNKNOWN, "eligibility.titles.unknown", p.fullName(), title, years, join(unrecorded));
                    }
                    return Result.of(Outcome.PASS, "eligibility.titles.pass", p.fullName(), title, years, f.year() - years + 1, f.year());
                }));
        define(PERSON_ONLY, "INITIATIVE_RECOGNISED", List.of(new Param("minScope", Type.SCOPE, true, null, null),
                new Param("level", Type.LEVEL, false, null, null),
                new Param("withinYears", Type.INTEGER, false, BigDecimal.ONE, BigDecimal.valueOf(50)),
                new Param("count", Type.INTEGER, false, BigDecimal.ONE, BigDecimal.valueOf(50))), Vocabulary::initiativeRecognised);
        define(PERSON_ONLY, "NOT_DISCIPLINED", List.of(new Param("atOrAbove", Type.DISCIPLINE, false, null, null)), (a, f) -> person(f, p -> {
            Discipline threshold = a.has("atOrAbove") ? a.choice("atOrAbove", Discipline.class) : Discipline.REPRIMAND;
            Facts.PersonYear year = p.years().get(f.year());
            if (year == null) {
                return Result.of(Outcome.UNKNOWN, "eligibility.person.year.none", p.fullName(), f.year());
            }
            boolean disciplined = year.discipline().atOrAbove(threshold);
            return Result.of(Outcome.of(!disciplined), disciplined ? "eligibility.discipline.fail" : "eligibility.discipline.pass", p.fullName(),
                    f.year(), new Messages.Term("discipline." + threshold.name()), new Messages.Term("discipline." + year.discipline().name()));
        }));
        define(PERSON_ONLY, "TASK_RATING_AT_LEAST", List.of(new Param("rating", Type.TASK_RATING, true, null, null)), (a, f) -> person(f, p -> {
            TaskCompletion needed = a.choice("rating", TaskCompletion.class);
            Facts.PersonYear year = p.years().get(f.year());
            if (year == null || year.taskRating() == null) {
                return Result.of(Outcome.UNKNOWN, "eligibility.person.rating.none", p.fullName(), f.year());
            }
            boolean enough = year.taskRating().atLeast(needed);
            return Result.of(Outcome.of(enough), enough ? "eligibility.person.rating.pass" : "eligibility.person.rating.fail", p.fullName(),
                    f.year(), new Messages.Term("task-rating." + year.taskRating().name()), new Messages.Term("task-rating." + needed.name()));
        }));
    }

    private Vocabulary() {
    }

    private static void define(Set<Recipient> recipients, String name, List<Param> params, Judge judge) {
        KINDS.put(name, new Kind(name, recipients, params, judge));
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
        validate(conditions, null, at, problems);
    }

    /**
     * The same, for an award of that recipient: a kind that speaks only of units (a cluster's ranking, member shares) has
     * no meaning for a person, and a person's kind none for a unit, so either is refused where it is; {@code recipient}
     * null checks the conditions alone.
     */
    public static void validate(List<Condition> conditions, Recipient recipient, String at, List<Refusal.Reason> problems) {
        int[] count = {0};
        for (int i = 0; i < conditions.size(); i++) {
            validate(conditions.get(i), recipient, at + "[" + i + "]", 1, count, problems);
        }
        if (count[0] > MAX_CONDITIONS) {
            problems.add(new Refusal.Reason(at, "ruleset.condition.too-many", MAX_CONDITIONS));
        }
    }

    private static void validate(Condition c, Recipient recipient, String at, int depth, int[] count, List<Refusal.Reason> problems) {
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
                    validate(members.get(i), recipient, at + "." + name + "[" + i + "]", depth + 1, count, problems);
                }
            }
            return;
        }
        Kind kind = c.kind() == null ? null : KINDS.get(c.kind());
        if (kind == null) {
            problems.add(new Refusal.Reason(at + ".kind", "ruleset.condition.kind", String.join(", ", KINDS.keySet())));
            return;
        }
        if (recipient != null && !kind.recipients().contains(recipient)) {
            problems.add(new Refusal.Reason(at + ".kind", "ruleset.condition.recipient", kind.name(),
                    new Messages.Term("recipient." + recipient.name()), KINDS.values().stream()
                    .filter(k -> k.recipients().contains(recipient)).map(Kind::name).collect(Collectors.joining(", "))));
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
            case MEASURE, SCOPE, LEVEL, DISCIPLINE, TASK_RATING -> node.isTextual() && param.type().names().contains(node.textValue());
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
            case MEASURE, SCOPE, LEVEL, DISCIPLINE, TASK_RATING -> String.join(" | ", param.type().names());
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

    /** The awards of the recipient: the person's for a person award, else the unit's. */
    private static List<Facts.HeldAward> heldAwards(Facts f) {
        return f.person() != null ? f.person().awards() : f.awards();
    }

    /** A message key of the recipient's: "the unit held …" and "the person held …" are different sentences. */
    private static String whose(Facts f, String name) {
        return "eligibility." + (f.person() != null ? "person." : "") + name;
    }

    private static Set<Integer> meritYears(Facts f, Set<String> awards) {
        return heldAwards(f).stream().filter(h -> h.kind() == AwardKind.MERIT && awards.contains(h.awardTypeCode()))
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

    /** A person kind judged on a unit's facts: it cannot be told (a rule set of a unit award may not use it). */
    private static Result person(Facts f, java.util.function.Function<Facts.Person, Result> judge) {
        return f.person() == null ? Result.of(Outcome.UNKNOWN, "eligibility.person.none") : judge.apply(f.person());
    }

    /**
     * Whether the person held the title in that year: conferred by their unit in the year's result, or held as a merit award
     * in the ledger; null when neither says so and the unit recorded no result for the year.
     */
    private static Boolean holdsTitle(Facts.Person p, String title, int year) {
        boolean inLedger = p.awards().stream().anyMatch(h -> h.kind() == AwardKind.MERIT && h.awardTypeCode().equals(title) && h.year() == year);
        Facts.PersonYear result = p.years().get(year);
        if (inLedger || result != null && result.titles().contains(title)) {
            return true;
        }
        return result == null ? null : false;
    }

    /**
     * At least {@code count} of the person's initiatives recognised, in the {@code withinYears} years ending with the
     * achievement year, with an effect of {@code minScope} or wider (by a recognition of {@code level}, when given). An
     * initiative counts once however many recognitions it has: Art. 74(1)(d) counts initiatives across the window.
     */
    private static Result initiativeRecognised(Args a, Facts f) {
        return person(f, p -> {
            InitiativeScope scope = a.choice("minScope", InitiativeScope.class);
            RecognitionLevel level = a.has("level") ? a.choice("level", RecognitionLevel.class) : null;
            int within = a.has("withinYears") ? a.integer("withinYears") : 1;
            int needed = a.has("count") ? a.integer("count") : 1;
            int from = f.year() - within + 1;
            long found = p.initiatives().stream().filter(r -> r.scope().atLeast(scope) && (level == null || r.level() == level)
                            && r.decidedOn().getYear() >= from && r.decidedOn().getYear() <= f.year())
                    .map(Facts.InitiativeRecognition::initiativeId).distinct().count();
            boolean enough = found >= needed;
            return Result.of(Outcome.of(enough), enough ? "eligibility.initiative.pass" : "eligibility.initiative.fail", p.fullName(), found,
                    needed, new Messages.Term("scope." + scope.name()), from, f.year());
        });
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

        <E extends Enum<E>> E choice(String name, Class<E> type) {
            return Enum.valueOf(type, params.get(name).textValue());
        }

        List<String> codes(String name) {
            List<String> codes = new ArrayList<>();
            params.get(name).forEach(item -> codes.add(item.textValue()));
            return codes;
        }
    }
}
