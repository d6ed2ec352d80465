package vn.thidua.gateway.account;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One demo account from configuration: {@code login:role+role:unit} or {@code login:role+role:unit:member}
 * for a user (unit and member empty or left out when none; member: the Council member id of a
 * council-member), {@code clientid:role+role} for a service account.
 */
public record DemoEntry(String login, AccountKind kind, Set<String> roles, String unit, String member) {

    public DemoEntry(String login, AccountKind kind, Set<String> roles, String unit) {
        this(login, kind, roles, unit, null);
    }

    public static DemoEntry user(String entry) {
        String[] parts = split(entry);
        if (parts.length < 2 || parts.length > 4) {
            throw invalid(entry, "expected login:roles:unit or login:roles:unit:member");
        }
        return new DemoEntry(login(entry, parts[0]), AccountKind.USER, roles(entry, parts[1]), optional(parts, 2), optional(parts, 3));
    }

    private static String optional(String[] parts, int index) {
        return parts.length > index && !parts[index].isBlank() ? parts[index].strip() : null;
    }

    public static DemoEntry client(String entry) {
        String[] parts = split(entry);
        if (parts.length != 2) {
            throw invalid(entry, "expected clientid:roles");
        }
        return new DemoEntry(login(entry, parts[0]), AccountKind.SERVICE, roles(entry, parts[1]), null);
    }

    /** Checked like any other account, so a bad demo entry stops the start-up with its reason. */
    public NewAccount toNewAccount() {
        return new NewAccount(login, login, kind, roles, unit, member);
    }

    private static String[] split(String entry) {
        if (entry == null || entry.isBlank()) {
            throw invalid(entry, "empty entry");
        }
        return entry.strip().split(":", -1);
    }

    private static String login(String entry, String login) {
        if (login.isBlank()) {
            throw invalid(entry, "the login is empty");
        }
        return login.strip();
    }

    private static Set<String> roles(String entry, String roles) {
        Set<String> parsed = new LinkedHashSet<>();
        Arrays.stream(roles.split("\\+")).map(String::strip).filter(r -> !r.isEmpty()).forEach(parsed::add);
        if (parsed.isEmpty()) {
            throw invalid(entry, "no role");
        }
        return parsed;
    }

    private static IllegalArgumentException invalid(String entry, String why) {
        return new IllegalArgumentException("Invalid demo account entry '" + entry + "': " + why);
    }
}
