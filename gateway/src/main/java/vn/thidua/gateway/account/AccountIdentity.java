package vn.thidua.gateway.account;

import java.util.Set;

/** Who authenticated, as much as a token needs to say; {@code unit} only for unit representatives. */
public record AccountIdentity(String subject, AccountKind kind, Set<String> roles, String unit) {
    public AccountIdentity {
        roles = Set.copyOf(roles);
    }
}
