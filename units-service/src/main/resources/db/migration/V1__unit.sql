CREATE TABLE unit (
    id          BIGSERIAL    PRIMARY KEY,
    code        VARCHAR(35)  NOT NULL UNIQUE,
    name        VARCHAR(300) NOT NULL,
    version     BIGINT       NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);
