-- The working calendar and the procedure's time limits, as data (law-2025.md §4): legal time limits
-- count working days, so the Board enters each year's weekend days, public holidays and make-up
-- working days (ngày làm bù) with the text that set them, and the limits themselves with their
-- citation and confidence tag. Nothing is seeded here: the devstack enters demo data through the API.

-- One row a year, replaced whole (PUT): the weekend days-of-week and the listed days as JSON
-- ([{"date":"2026-02-16","kind":"HOLIDAY","name":"Tết Nguyên đán"}, ...]), checked by the service.
CREATE TABLE working_calendar (
    year         INTEGER       PRIMARY KEY CHECK (year BETWEEN 1945 AND 2100),
    weekend_days JSONB         NOT NULL,
    days         JSONB         NOT NULL,
    citation     VARCHAR(500)  NOT NULL,
    tag          VARCHAR(3)    NOT NULL CHECK (tag IN ('V', 'V2', 'M', '?')),
    version      BIGINT        NOT NULL,
    updated_by   VARCHAR(100)  NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL
);

-- Who entered or replaced a year, when, what it was before and after: append-only.
CREATE TABLE working_calendar_audit (
    id      BIGSERIAL     PRIMARY KEY,
    year    INTEGER       NOT NULL REFERENCES working_calendar (year),
    before  JSONB,
    after   JSONB         NOT NULL,
    actor   VARCHAR(100)  NOT NULL,
    at      TIMESTAMPTZ   NOT NULL
);
CREATE INDEX working_calendar_audit_year ON working_calendar_audit (year, id);

-- A procedure's time limit in force for a period: DAY_OF_YEAR ("12-10": a day of the year the limit
-- applies to) or WORKING_DAYS (a count). Periods of one code never overlap (checked by the service);
-- a row is never edited but for its end, set once when the next text applies.
CREATE TABLE procedure_limit (
    id             BIGSERIAL     PRIMARY KEY,
    code           VARCHAR(40)   NOT NULL,
    kind           VARCHAR(20)   NOT NULL CHECK (kind IN ('DAY_OF_YEAR', 'WORKING_DAYS')),
    value          VARCHAR(10)   NOT NULL,
    effective_from DATE          NOT NULL,
    effective_to   DATE          CHECK (effective_to >= effective_from),
    citation       VARCHAR(500)  NOT NULL,
    tag            VARCHAR(3)    NOT NULL CHECK (tag IN ('V', 'V2', 'M', '?')),
    version        BIGINT        NOT NULL,
    created_by     VARCHAR(100)  NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL,
    ended_by       VARCHAR(100),
    ended_at       TIMESTAMPTZ,
    end_reason     VARCHAR(2000)
);
CREATE INDEX procedure_limit_code ON procedure_limit (code, effective_from);

CREATE TABLE procedure_limit_audit (
    id        BIGSERIAL     PRIMARY KEY,
    limit_id  BIGINT        NOT NULL REFERENCES procedure_limit (id),
    action    VARCHAR(20)   NOT NULL,
    before    JSONB,
    after     JSONB         NOT NULL,
    reason    VARCHAR(2000),
    actor     VARCHAR(100)  NOT NULL,
    at        TIMESTAMPTZ   NOT NULL
);
CREATE INDEX procedure_limit_audit_limit ON procedure_limit_audit (limit_id, id);

CREATE FUNCTION calendar_audit_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER working_calendar_audit_append_only BEFORE UPDATE OR DELETE ON working_calendar_audit
    FOR EACH ROW EXECUTE FUNCTION calendar_audit_is_append_only();
CREATE TRIGGER procedure_limit_audit_append_only BEFORE UPDATE OR DELETE ON procedure_limit_audit
    FOR EACH ROW EXECUTE FUNCTION calendar_audit_is_append_only();
