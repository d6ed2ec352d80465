package vn.thidua.gateway.account;

import java.util.Set;

/** The bodies of the admin API. */
public final class AccountRequests {

    private AccountRequests() {
    }

    /** A user brings the password an admin chose (to hand over); a service account's secret is generated. */
    /** {@code member}: awards-service's Council member id, exactly when {@code roles} has council-member. */
    public record Create(String login, String displayName, AccountKind kind, Set<String> roles, String unit, String member, String password) {
    }

    /** Every field is the new state; the version is the one the admin saw (optimistic locking). */
    public record Update(String displayName, Set<String> roles, String unit, String member, Boolean enabled, Long version) {
    }

    public record SetPassword(String password) {
    }

    /** A service account's secret, shown once, when it is created or renewed. */
    public record IssuedSecret(AccountView account, String clientSecret) {
    }
}
