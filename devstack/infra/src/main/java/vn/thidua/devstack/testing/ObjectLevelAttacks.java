package vn.thidua.devstack.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The object-level authorization part of the attack suite, the same for every service: a caller
 * that acts for unit A (a unit-rep, or the cluster-leader of A's cluster) names unit B's things, in
 * the path or in the body, and must be refused; a list must not show B's items. Each service's
 * {@code ObjectLevelAttackIT} sets up A's and B's things as the Board, {@link #watch watches} B's
 * things (and A's where a write names B in the body), states each attack, and ends with
 * {@link #assertAll}, which fails listing every attack that was not refused as it should be, and
 * every watched thing that changed.
 *
 * <p>The answer to a refused attack is a problem ({@code application/problem+json}), with the
 * status that docs/access/README.md gives for that kind of thing: {@link #FORBIDDEN 403} where the
 * thing is named by a code or id that is no secret (units, cluster-years, criteria sets, sheets,
 * registrations, ledger entries by unit), {@link #HIDDEN 404} where existence itself must not leak
 * (awards-service's proposals and what hangs from them, decisions, voting sessions).
 */
public final class ObjectLevelAttacks {
    public static final int FORBIDDEN = 403;
    public static final int HIDDEN = 404;

    private final String service;
    private final String board;
    private final Map<String, Supplier<String>> watched = new LinkedHashMap<>();
    private final Map<String, String> before = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Set<String> endpoints = new LinkedHashSet<>();
    private final Set<String> resourceTypes = new LinkedHashSet<>();
    private int cases;

    /**
     * @param board a Board officer's token, used to read the watched things
     */
    public ObjectLevelAttacks(String service, String board) {
        this.service = service;
        this.board = board;
    }

    /** A unit representative's token for that unit. */
    public static String unitRep(String unit) {
        return TestTokens.unitRep("rep-" + unit, unit);
    }

    /** A cluster leader's token: it carries the {@code unit} claim of the unit that leads its cluster-year. */
    public static String clusterLeader(String leaderUnit) {
        return TestTokens.claims("leader-" + leaderUnit, "cluster-leader").claim("unit", leaderUnit).sign(TestTokens.privateKey());
    }

    /** A request as the Board, for setting up and for reading what is watched. */
    public RequestSpecification asBoard() {
        return given().auth().oauth2(board).header("Accept-Language", "en");
    }

    /** Reads a GET path as the Board now and again at {@link #assertAll}; the two answers must be the same. */
    public ObjectLevelAttacks watch(String name, String path) {
        return watch(name, () -> {
            Response response = asBoard().get(path);
            return response.statusCode() + " " + response.asString();
        });
    }

    /** The same with any reading of state, such as a count or a subset of fields that background work leaves alone. */
    public ObjectLevelAttacks watch(String name, Supplier<String> state) {
        watched.put(name, state);
        before.put(name, state.get());
        return this;
    }

    /**
     * One attack that must be refused with {@code status} as a problem.
     *
     * @param resourceType what is attacked, e.g. "scoring sheet"
     * @param attacker     e.g. "unit-rep of A"
     * @param endpoint     method and path template, e.g. "PUT /api/units/{code}", for the count of endpoints
     * @param call         the call, given a request that already carries the token
     */
    public ObjectLevelAttacks refused(String resourceType, String attacker, String token, int status, String endpoint,
                                      Function<RequestSpecification, Response> call) {
        count(resourceType, endpoint);
        Response response = call.apply(request(token));
        String contentType = response.getContentType();
        if (response.statusCode() != status || contentType == null || !contentType.startsWith("application/problem+json")) {
            failures.add(resourceType + ": " + attacker + " -> " + endpoint + ": expected " + status + " problem, got "
                    + response.statusCode() + " " + contentType + " " + abbreviate(response.asString()));
        }
        return this;
    }

    /**
     * A list that the attacker may call but that must not show B's items: either it answers 200
     * and {@code jsonPath} (a GPath to the owners' codes or the items' ids) holds none of {@code foreign},
     * or it refuses with 403 as a problem.
     */
    public ObjectLevelAttacks listHides(String resourceType, String attacker, String token, String endpoint,
                                        Function<RequestSpecification, Response> call, String jsonPath, Object... foreign) {
        count(resourceType, endpoint);
        Response response = call.apply(request(token));
        if (response.statusCode() == 403) {
            String contentType = response.getContentType();
            if (contentType == null || !contentType.startsWith("application/problem+json")) {
                failures.add(resourceType + ": " + attacker + " -> " + endpoint + ": 403 without a problem body");
            }
            return this;
        }
        if (response.statusCode() != 200) {
            failures.add(resourceType + ": " + attacker + " -> " + endpoint + ": expected 200 without B's items or 403, got "
                    + response.statusCode() + " " + abbreviate(response.asString()));
            return this;
        }
        List<Object> shown = response.jsonPath().getList(jsonPath);
        List<String> shownText = shown == null ? List.of() : shown.stream().map(String::valueOf).toList();
        for (Object item : foreign) {
            if (shownText.contains(String.valueOf(item))) {
                failures.add(resourceType + ": " + attacker + " -> " + endpoint + ": the list shows B's " + item);
            }
        }
        return this;
    }

    /**
     * A download (an export) that the attacker may make but that must not hold B's things: either it
     * answers 200 and the text {@code read} finds in it names none of {@code foreign}, or it refuses
     * with 403 as a problem. {@code read} turns the file into text (a spreadsheet's cells, say).
     */
    public ObjectLevelAttacks downloadHides(String resourceType, String attacker, String token, String endpoint,
                                            Function<RequestSpecification, Response> call, Function<byte[], String> read, String... foreign) {
        count(resourceType, endpoint);
        Response response = call.apply(request(token));
        if (response.statusCode() == 403 && String.valueOf(response.getContentType()).startsWith("application/problem+json")) {
            return this;
        }
        if (response.statusCode() != 200) {
            failures.add(resourceType + ": " + attacker + " -> " + endpoint + ": expected 200 without B's things or 403, got "
                    + response.statusCode() + " " + abbreviate(response.asString()));
            return this;
        }
        String text = read.apply(response.asByteArray());
        for (String item : foreign) {
            if (text.contains(item)) {
                failures.add(resourceType + ": " + attacker + " -> " + endpoint + ": the download shows B's " + item);
            }
        }
        return this;
    }

    /**
     * A control: the attacker's own call on its own thing succeeds with {@code status}, so that a
     * refusal above is about the other unit and not about a broken set-up. It counts as no attack.
     */
    public ObjectLevelAttacks allowed(String what, String token, int status, Function<RequestSpecification, Response> call) {
        Response response = call.apply(request(token));
        if (response.statusCode() != status) {
            failures.add("control failed: " + what + ": expected " + status + ", got " + response.statusCode() + " "
                    + abbreviate(response.asString()));
        }
        return this;
    }

    /** Fails listing every attack not refused as it should be and every watched thing that changed; prints the counts. */
    public void assertAll() {
        watched.forEach((name, state) -> {
            String after = state.get();
            if (!after.equals(before.get(name))) {
                failures.add("changed by an attack: " + name + "\n  before: " + abbreviate(before.get(name)) + "\n  after:  " + abbreviate(after));
            }
        });
        System.out.println(summary());
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " object-level attacks on " + service + " got through:\n"
                    + String.join("\n", failures));
        }
    }

    /** How many attacks, on how many endpoints and resource types, and how many things were watched. */
    public String summary() {
        return "Object-level attacks on " + service + ": " + cases + " cases, " + endpoints.size() + " endpoints, "
                + resourceTypes.size() + " resource types " + resourceTypes + ", " + watched.size() + " things watched";
    }

    public int cases() {
        return cases;
    }

    public Set<String> endpoints() {
        return Set.copyOf(endpoints);
    }

    private void count(String resourceType, String endpoint) {
        cases++;
        endpoints.add(endpoint);
        resourceTypes.add(resourceType);
    }

    private static RequestSpecification request(String token) {
        return given().auth().oauth2(token).header("Accept-Language", "en");
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
