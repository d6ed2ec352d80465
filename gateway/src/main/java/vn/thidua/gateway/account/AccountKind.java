package vn.thidua.gateway.account;

/** A person signing in with a password, or a system (e.g. the Department of Home Affairs portal) with a client secret. */
public enum AccountKind {
    USER,
    SERVICE
}
