-- Refresh tokens rotate: each use gives a new one and spends the old. All tokens that descend from
-- one login form a family; presenting a spent token again means it was stolen (or copied), and the
-- whole family is revoked, so neither the thief nor the user can go on with it (OAuth 2.0 Security
-- BCP, RFC 9700, 4.14.2).
CREATE TABLE refresh_family (
    id              UUID         PRIMARY KEY,
    account_id      BIGINT       NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at      TIMESTAMPTZ  NOT NULL,
    -- no token of the family lives past this, however often it is refreshed
    expires_at      TIMESTAMPTZ  NOT NULL,
    revoked_at      TIMESTAMPTZ,
    revoked_reason  VARCHAR(20)  CHECK (revoked_reason IN ('LOGOUT', 'REUSED', 'ACCOUNT_CHANGED')),
    CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
);
CREATE INDEX refresh_family_live_of_account ON refresh_family (account_id) WHERE revoked_at IS NULL;

CREATE TABLE refresh_token (
    -- SHA-256 of the token, hex: a stolen copy of this table gives no usable token
    token_hash  VARCHAR(64)  PRIMARY KEY,
    family_id   UUID         NOT NULL REFERENCES refresh_family (id) ON DELETE CASCADE,
    issued_at   TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL,
    spent_at    TIMESTAMPTZ
);
CREATE INDEX refresh_token_of_family ON refresh_token (family_id);
