package vn.thidua.gateway.account;

import java.time.Instant;
import java.util.List;

/** An account as the admin API shows it: never its secret or hash. */
public record AccountView(String login, String displayName, AccountKind kind, List<String> roles, String unit, String member,
        boolean enabled, long version, Instant createdAt, Instant updatedAt) {

    static AccountView of(Account account) {
        return new AccountView(account.login, account.displayName, account.kind, account.roles.stream().sorted().toList(),
                account.unitCode, account.memberId, account.enabled, account.version, account.createdAt, account.updatedAt);
    }
}
