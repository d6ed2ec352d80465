package vn.thidua.gateway.account;

import java.util.Set;

/**
 * Who authenticated, as much as a token needs to say; {@code unit} only for unit representatives
 * and cluster leaders. {@code accountId} ties refresh tokens to the account, never leaves the gateway.
 */
public record AccountIdentity(long accountId, String subject, AccountKind kind, Set<String> roles, String unit, String member) {
    public AccountIdentity {
        roles = Set.copyOf(roles);
    }

    /** Someone who is no Council member. */
    public AccountIdentity(long accountId, String subject, AccountKind kind, Set<String> roles, String unit) {
        this(accountId, subject, kind, roles, unit, null);
    }
}
