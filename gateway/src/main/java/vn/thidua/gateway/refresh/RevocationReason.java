package vn.thidua.gateway.refresh;

/** Why a refresh family ended before its time. */
public enum RevocationReason {
    /** The client revoked it (RFC 7009), e.g. on logout. */
    LOGOUT,
    /** A spent token of the family was presented again: someone holds a copy. */
    REUSED,
    /** The account was disabled or its roles changed; its sessions must start over. */
    ACCOUNT_CHANGED
}
