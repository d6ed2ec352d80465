package vn.thidua.gateway.account;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.Text;

/**
 * An account about to be created, checked: a login name that is safe in a token's {@code sub}
 * and in logs, known roles only, a unit exactly when the account represents one, and a Council
 * member id ({@code member}) exactly when it is a Council member's.
 */
public record NewAccount(String login, String displayName, AccountKind kind, Set<String> roles, String unit, String member) {
    public static final Set<String> KNOWN_ROLES = Roles.ALL;
    public static final int MAX_DISPLAY_NAME = 200;
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    // the shape of a unit's electronic identifier (mã định danh), as units-service accepts it
    private static final Pattern UNIT = Pattern.compile("[0-9A-Z][0-9A-Z.]{0,34}");
    public static final int MAX_MEMBER = 40;
    // awards-service's id of a Council member, as it goes into the token's claim 'member'
    private static final Pattern MEMBER = Pattern.compile("[0-9A-Za-z-]{1," + MAX_MEMBER + "}");

    /** An account that is no Council member's. */
    public NewAccount(String login, String displayName, AccountKind kind, Set<String> roles, String unit) {
        this(login, displayName, kind, roles, unit, null);
    }

    public NewAccount {
        login = normalizeLogin(login);
        if (login == null || !LOGIN.matcher(login).matches()) {
            throw Refusal.unprocessable("invalid-login", "account.login.invalid");
        }
        // a name as every service takes one: no hidden, reordering or blank-rendering characters ("Nguyễn\u00ADVăn" looks like another's)
        displayName = displayName == null || displayName.isBlank() ? login : Text.name(displayName, Integer.MAX_VALUE, "displayName", false);
        if (displayName.length() > MAX_DISPLAY_NAME) {
            throw Refusal.unprocessable("invalid-display-name", "account.display-name.invalid", MAX_DISPLAY_NAME);
        }
        if (kind == null) {
            throw Refusal.unprocessable("invalid-account-kind", "account.kind.missing");
        }
        if (roles == null || roles.isEmpty()) {
            throw Refusal.unprocessable("invalid-roles", "account.roles.missing");
        }
        for (String role : roles) {
            if (!KNOWN_ROLES.contains(role)) {
                throw Refusal.unprocessable("invalid-roles", "account.roles.unknown", role, String.join(", ", new TreeSet<>(KNOWN_ROLES)));
            }
        }
        roles = Set.copyOf(roles);
        unit = unit == null || unit.isBlank() ? null : unit.strip().toUpperCase(Locale.ROOT);
        if (actsForAUnit(roles)) {
            if (unit == null) {
                throw Refusal.unprocessable("unit-required", "account.unit.required");
            }
            if (!UNIT.matcher(unit).matches()) {
                throw Refusal.unprocessable("invalid-unit", "account.unit.invalid", unit);
            }
        } else if (unit != null) {
            throw Refusal.unprocessable("unit-not-allowed", "account.unit.not-allowed");
        }
        member = member == null || member.isBlank() ? null : member.strip();
        if (isCouncilMember(roles)) {
            if (member == null) {
                throw Refusal.unprocessable("member-required", "account.member.required");
            }
            if (!MEMBER.matcher(member).matches()) {
                throw Refusal.unprocessable("invalid-member", "account.member.invalid", member, MAX_MEMBER);
            }
        } else if (member != null) {
            throw Refusal.unprocessable("member-not-allowed", "account.member.not-allowed");
        }
    }

    /** A Council member's account names the member it is (claim {@code member}). */
    public static boolean isCouncilMember(Set<String> roles) {
        return roles.contains(Roles.COUNCIL_MEMBER);
    }

    /** A unit representative acts for its unit; a cluster leader is the leading unit's representative. */
    public static boolean actsForAUnit(Set<String> roles) {
        return roles.contains(Roles.UNIT_REP) || roles.contains(Roles.CLUSTER_LEADER);
    }

    /** Logins compare without regard to case or surrounding blanks. */
    public static String normalizeLogin(String login) {
        return login == null ? null : login.strip().toLowerCase(Locale.ROOT);
    }
}
