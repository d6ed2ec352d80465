-- Facts about units that conditions of Decree 152/2025 look at (issue 16).

-- Proceedings against a unit (Art. 4(4)): while one is open, no proposal and no award.
CREATE TABLE proceeding (
    id           BIGSERIAL     PRIMARY KEY,
    unit_code    VARCHAR(35)   NOT NULL,
    kind         VARCHAR(20)   NOT NULL CHECK (kind IN ('DISCIPLINE', 'INVESTIGATION', 'INSPECTION', 'AUDIT', 'COMPLAINT')),
    opened_on    DATE          NOT NULL,
    source       VARCHAR(500)  NOT NULL,             -- the document or agency that reported it
    note         VARCHAR(2000),
    closed_on    DATE,
    close_source VARCHAR(500),
    version      BIGINT        NOT NULL,
    recorded_by  VARCHAR(100)  NOT NULL,
    recorded_at  TIMESTAMPTZ   NOT NULL,
    closed_by    VARCHAR(100),
    closed_at    TIMESTAMPTZ,
    CHECK (closed_on IS NULL OR closed_on >= opened_on),
    CHECK ((closed_on IS NULL) = (close_source IS NULL))
);
CREATE INDEX proceeding_unit ON proceeding (unit_code, closed_on);

-- Each unit's yearly task-completion rating (xếp loại mức độ hoàn thành nhiệm vụ), with its source
-- document; the Board records or imports it. Changing it keeps the row's history in the audit.
CREATE TABLE task_rating (
    unit_code    VARCHAR(35)   NOT NULL,
    year         INTEGER       NOT NULL,
    rating       VARCHAR(10)   NOT NULL CHECK (rating IN ('HTXSNV', 'HTTNV', 'HTNV', 'KHTNV')),
    source       VARCHAR(500)  NOT NULL,
    version      BIGINT        NOT NULL,
    recorded_by  VARCHAR(100)  NOT NULL,
    recorded_at  TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (unit_code, year)
);
CREATE TABLE task_rating_audit (
    id           BIGSERIAL     PRIMARY KEY,
    unit_code    VARCHAR(35)   NOT NULL,
    year         INTEGER       NOT NULL,
    before       VARCHAR(10),
    after        VARCHAR(10)   NOT NULL,
    source       VARCHAR(500)  NOT NULL,
    actor        VARCHAR(100)  NOT NULL,
    at           TIMESTAMPTZ   NOT NULL
);

-- Each unit's year-end report as scoring-service announces it (YearEndReported): its targets'
-- attainment and its member statistics. The highest version of a unit-year wins.
CREATE TABLE year_end_report (
    unit_code          VARCHAR(35)  NOT NULL,
    year               INTEGER      NOT NULL,
    cluster_id         BIGINT,
    attainments        JSONB        NOT NULL,          -- [1.05, 1.0, null, ...] in target order
    member_statistics  JSONB,                          -- {members, completingTasks, ..., confirmed}
    version            BIGINT       NOT NULL,
    PRIMARY KEY (unit_code, year)
);
