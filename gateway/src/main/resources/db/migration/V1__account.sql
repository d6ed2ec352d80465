-- Users and service accounts that may obtain tokens from the gateway.
CREATE TABLE account (
    id            BIGSERIAL    PRIMARY KEY,
    login         VARCHAR(64)  NOT NULL UNIQUE,
    display_name  VARCHAR(200) NOT NULL,
    kind          VARCHAR(10)  NOT NULL CHECK (kind IN ('USER', 'SERVICE')),
    unit_code     VARCHAR(35),
    -- Argon2id in PHC string format: parameters, salt and hash together
    secret_hash   VARCHAR(255) NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    version       BIGINT       NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL
);

CREATE TABLE account_role (
    account_id  BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    role        VARCHAR(40) NOT NULL,
    PRIMARY KEY (account_id, role)
);
