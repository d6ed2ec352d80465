package vn.thidua.gateway.account;

/**
 * Fired, inside the transaction, when an account was disabled or its roles, unit or secret changed:
 * sessions begun under the old state must not go on (the refresh tokens observe it).
 */
public record AccountChanged(long accountId, String login) {
}
