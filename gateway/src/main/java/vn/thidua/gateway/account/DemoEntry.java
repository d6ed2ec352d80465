package vn.thidua.gateway.account;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One demo account from configuration: {@code login:role+role:unit} for a user (unit empty
 * when none), {@code clientid:role+role} for a service account.
 */
public record DemoEntry(String login, AccountKind kind, Set<String> roles, String unit) {

    public static DemoEntry user(String entry) {
        String[] parts = split(entry);
        if (parts.length < 2 || parts.length > 3) {
            throw invalid(entry, "expected login:roles:unit");
        }
        return new DemoEntry(login(entry, parts[0]), AccountKind.USER, roles(entry, parts[1]),
                parts.length == 3 && !parts[2].isBlank() ? parts[2].strip() : null);
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
        return new NewAccount(login, login, kind, roles, unit);
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
