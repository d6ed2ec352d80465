-- Models and advanced examples (mô hình, cách làm hay; điển hình tiên tiến tập thể, cá nhân) a unit
-- records, where other units replicated them (nhân rộng), and the Board's recognition.

CREATE TABLE exemplary_model (
    id                  BIGSERIAL      PRIMARY KEY,
    owner_unit_code     VARCHAR(35)    NOT NULL,
    kind                VARCHAR(30)    NOT NULL CHECK (kind IN ('MODEL', 'EXEMPLARY_COLLECTIVE', 'EXEMPLARY_PERSON')),
    title               VARCHAR(300)   NOT NULL,
    description         VARCHAR(4000),
    field               VARCHAR(100),                          -- lĩnh vực, as typed (NFC)
    field_key           VARCHAR(100),                          -- the same, lower case without accents, for search
    started_year        INTEGER        NOT NULL CHECK (started_year >= 1945),
    evidence            JSONB          NOT NULL DEFAULT '[]'::jsonb,   -- links
    recognised_on       DATE,
    recognition_reason  VARCHAR(2000),
    recognised_by       VARCHAR(100),
    version             BIGINT         NOT NULL,
    created_by          VARCHAR(100)   NOT NULL,
    created_at          TIMESTAMPTZ    NOT NULL,
    updated_at          TIMESTAMPTZ    NOT NULL,
    CHECK ((recognised_on IS NULL) = (recognition_reason IS NULL))
);
CREATE INDEX exemplary_model_owner ON exemplary_model (owner_unit_code);
CREATE INDEX exemplary_model_recognised ON exemplary_model (owner_unit_code, recognised_on);

-- One adoption per model and unit; never the owner itself (checked by the service).
CREATE TABLE model_replication (
    id           BIGSERIAL      PRIMARY KEY,
    model_id     BIGINT         NOT NULL REFERENCES exemplary_model (id),
    unit_code    VARCHAR(35)    NOT NULL,
    adopted_on   DATE           NOT NULL,
    note         VARCHAR(2000),
    recorded_by  VARCHAR(100)   NOT NULL,
    recorded_at  TIMESTAMPTZ    NOT NULL,
    UNIQUE (model_id, unit_code)
);
CREATE INDEX model_replication_adopted ON model_replication (adopted_on, model_id);
