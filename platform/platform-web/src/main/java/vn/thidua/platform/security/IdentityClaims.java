package vn.thidua.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Where a token says what the platform needs beyond the standard claims. With the gateway's own
 * tokens that is the {@code unit} claim and the roles in {@code groups}; the province's single
 * sign-on may say it elsewhere and name roles its own way, which configuration alone maps
 * (docs/security.md, "An external identity provider").
 */
@ConfigMapping(prefix = "thidua.security")
public interface IdentityClaims {

    /** The claim naming the unit a unit representative or cluster leader acts for; a path such as {@code attributes/unit} reads a nested claim. */
    @WithDefault(Roles.UNIT_CLAIM)
    String unitClaim();

    /** The claim naming the Council member a council-member is; a path such as {@code attributes/member} reads a nested claim. */
    @WithDefault(Roles.MEMBER_CLAIM)
    String memberClaim();

    /**
     * Our role name to the identity provider's names for it, e.g.
     * {@code thidua.security.role-names.board=TDKT_CAN_BO,TDKT_LANH_DAO}. When any is given, only
     * mapped names grant roles: a provider's own "admin" must not become ours by accident.
     */
    Map<String, List<String>> roleNames();

    /** The unit the token names, if it names exactly one. */
    default Optional<String> unitOf(Principal principal) {
        return claimAt(principal, unitClaim());
    }

    /** The Council member the token names, if it names exactly one. */
    default Optional<String> memberOf(Principal principal) {
        return claimAt(principal, memberClaim());
    }

    private static Optional<String> claimAt(Principal principal, String claimPath) {
        if (!(principal instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        String[] path = claimPath.split("/");
        Object value = token.getClaim(path[0]);
        for (int i = 1; i < path.length && value != null; i++) {
            value = value instanceof JsonObject object ? object.get(path[i]) : null;
        }
        return text(value).map(String::strip).filter(unit -> !unit.isEmpty());
    }

    private static Optional<String> text(Object value) {
        if (value instanceof String string) {
            return Optional.of(string);
        }
        if (value instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        // providers often keep user attributes as lists; one unit is fine, several are not to be guessed between
        if (value instanceof JsonArray array && array.size() == 1 && array.get(0).getValueType() == JsonValue.ValueType.STRING) {
            return Optional.of(array.getString(0));
        }
        return Optional.empty();
    }
}
