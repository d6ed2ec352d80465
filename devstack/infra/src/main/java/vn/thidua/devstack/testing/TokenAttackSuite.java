package vn.thidua.devstack.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The token cases of the attack suite, the same for every service: each hostile token of
 * {@link AttackTokens} against one read and one write of the service answers 401, a unit-rep token
 * without its unit answers 403, always as {@code application/problem+json}. The service's test
 * checks before and after that nothing was written.
 */
public final class TokenAttackSuite {

    private TokenAttackSuite() {
    }

    /**
     * @param read  a GET path that a Board officer may read
     * @param write the write, given a request that already carries the hostile token
     * @throws AssertionError listing every case that was not refused as it should be
     */
    public static void assertRefused(String read, String writeName, Function<RequestSpecification, Response> write) {
        // the control: the genuine token the attacks are built from is accepted, so each refusal is the attack's doing
        Response control = request(AttackTokens.valid("attacker", null, "board", "admin")).get(read);
        if (control.statusCode() != 200) {
            throw new AssertionError("The genuine token was refused by GET " + read + ": " + control.statusCode() + " " + control.asString());
        }
        List<String> failures = new ArrayList<>();
        AttackTokens.all("attacker", null, "board", "admin").forEach((attack, token) -> {
            expect(failures, attack, "GET " + read, 401, request(token).get(read));
            expect(failures, attack, writeName, 401, write.apply(request(token)));
        });
        // a genuine unit representative's token without its unit: every service drops the unit-bound role
        // (platform UnitBoundRoles), so it may neither read nor write
        String noUnit = AttackTokens.withoutUnit("rep-without-unit", "unit-rep");
        expect(failures, "unit-rep without unit", "GET " + read, 403, request(noUnit).get(read));
        expect(failures, "unit-rep without unit", writeName, 403, write.apply(request(noUnit)));
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n", failures));
        }
    }

    private static RequestSpecification request(String token) {
        RequestSpecification request = given().header("Accept-Language", "en");
        return token == null ? request : request.auth().oauth2(token);
    }

    private static void expect(List<String> failures, String attack, String endpoint, int status, Response response) {
        String contentType = response.getContentType();
        if (response.statusCode() != status || contentType == null || !contentType.startsWith("application/problem+json")) {
            failures.add(attack + " -> " + endpoint + ": " + response.statusCode() + " " + contentType + " " + response.asString());
        }
    }
}
