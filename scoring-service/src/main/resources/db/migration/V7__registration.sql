-- Emulation registration (đăng ký thi đua): each unit's targets and the titles it aims for, per year,
-- with the mid-year (sơ kết) and year-end (tổng kết) results.

CREATE TABLE registration_period (
    year               INTEGER  PRIMARY KEY,
    registration_closes DATE    NOT NULL,      -- last day to register (Asia/Ho_Chi_Minh)
    midyear_closes      DATE,                  -- last day for the mid-year report
    yearend_closes      DATE                   -- last day for the year-end report
);

CREATE TABLE registration (
    id           BIGSERIAL    PRIMARY KEY,
    year         INTEGER      NOT NULL,
    unit_code    VARCHAR(35)  NOT NULL,
    cluster_id   BIGINT       NOT NULL,
    titles       JSONB        NOT NULL,        -- award-type codes aimed for, e.g. ["CO_THI_DUA_TINH"]
    version      BIGINT       NOT NULL,
    updated_by   VARCHAR(100) NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    UNIQUE (year, unit_code)
);
CREATE INDEX registration_cluster ON registration (cluster_id);

CREATE TABLE registration_target (
    id                BIGSERIAL      PRIMARY KEY,
    registration_id   BIGINT         NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
    position          INTEGER        NOT NULL,
    name              VARCHAR(500)   NOT NULL,
    unit_of_measure   VARCHAR(50)    NOT NULL,
    planned           NUMERIC(14, 2) NOT NULL CHECK (planned > 0),
    weight            NUMERIC(7, 2)  NOT NULL CHECK (weight > 0),
    direction         VARCHAR(20)    NOT NULL CHECK (direction IN ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER')),
    criterion_code    VARCHAR(20),
    midyear_value     NUMERIC(14, 2) CHECK (midyear_value >= 0),
    midyear_evidence  JSONB          NOT NULL DEFAULT '[]'::jsonb,
    yearend_value     NUMERIC(14, 2) CHECK (yearend_value >= 0),
    yearend_evidence  JSONB          NOT NULL DEFAULT '[]'::jsonb,
    UNIQUE (registration_id, position)
);

-- A criterion may be computed from the attainment of the targets that feed it (by criterion code).
ALTER TABLE criterion
    ADD COLUMN computed_from      VARCHAR(30) CHECK (computed_from IN ('TARGET_ATTAINMENT', 'TARGET_EXCESS')),
    ADD COLUMN points_per_percent NUMERIC(7, 2);
