-- Criteria sets (bảng tiêu chí) of a cluster-year, their score sheets per stage, and the audit trails.

CREATE TABLE criteria_set (
    id                  BIGSERIAL     PRIMARY KEY,
    cluster_id          BIGINT        NOT NULL,              -- units-service's cluster-year id
    title               VARCHAR(300)  NOT NULL,
    scale               INTEGER       NOT NULL CHECK (scale IN (100, 1000)),
    bonus_cap           NUMERIC(9, 2) NOT NULL CHECK (bonus_cap >= 0),
    status              VARCHAR(20)   NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'CLOSED')),
    peer_enabled        BOOLEAN       NOT NULL,
    peer_trim_extremes  BOOLEAN       NOT NULL,
    board_reviewer      VARCHAR(20)   NOT NULL CHECK (board_reviewer IN ('BOARD', 'CLUSTER_LEADER')),
    self_deadline       DATE,
    peer_deadline       DATE,
    board_deadline      DATE,
    bands               JSONB         NOT NULL,              -- [{label, minTotal}], highest first
    tie_breaks          JSONB         NOT NULL,              -- ["GROUP_FIRST", "FEWER_PENALTIES"]
    copied_from         BIGINT        REFERENCES criteria_set (id),
    finalized_version   BIGINT,                              -- the version whose ranking was published
    version             BIGINT        NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL
);
CREATE INDEX criteria_set_cluster ON criteria_set (cluster_id);

CREATE TABLE criteria_group (
    id          BIGSERIAL     PRIMARY KEY,
    set_id      BIGINT        NOT NULL REFERENCES criteria_set (id) ON DELETE CASCADE,
    position    INTEGER       NOT NULL,
    code        VARCHAR(20)   NOT NULL,
    title       VARCHAR(500)  NOT NULL,
    max_points  NUMERIC(9, 2) NOT NULL CHECK (max_points >= 0),
    UNIQUE (set_id, code),
    UNIQUE (set_id, position)
);

CREATE TABLE criterion (
    id                 BIGSERIAL     PRIMARY KEY,
    group_id           BIGINT        NOT NULL REFERENCES criteria_group (id) ON DELETE CASCADE,
    position           INTEGER       NOT NULL,
    code               VARCHAR(20)   NOT NULL,
    title              VARCHAR(500)  NOT NULL,
    guidance           VARCHAR(4000),
    kind               VARCHAR(20)   NOT NULL CHECK (kind IN ('STANDARD', 'BONUS', 'PENALTY')),
    max_points         NUMERIC(9, 2) NOT NULL CHECK (max_points >= 0),
    evidence_required  BOOLEAN       NOT NULL,
    UNIQUE (group_id, code)      -- unique within the set too: the set's validation checks it
);
CREATE INDEX criterion_group ON criterion (group_id);

-- One sheet per stage and scored unit; peer sheets also per scoring unit (never the unit itself).
CREATE TABLE score_sheet (
    id            BIGSERIAL    PRIMARY KEY,
    set_id        BIGINT       NOT NULL REFERENCES criteria_set (id),
    stage         VARCHAR(10)  NOT NULL CHECK (stage IN ('SELF', 'PEER', 'BOARD')),
    unit_code     VARCHAR(35)  NOT NULL,                    -- the unit being scored
    scorer_code   VARCHAR(35),                              -- the scoring unit, for SELF and PEER
    status        VARCHAR(20)  NOT NULL CHECK (status IN ('OPEN', 'SUBMITTED')),
    submitted_at  TIMESTAMPTZ,
    submitted_by  VARCHAR(100),
    version       BIGINT       NOT NULL,
    CHECK (stage <> 'PEER' OR (scorer_code IS NOT NULL AND scorer_code <> unit_code)),
    CHECK (stage <> 'SELF' OR scorer_code = unit_code),
    CHECK (stage <> 'BOARD' OR scorer_code IS NULL)
);
CREATE UNIQUE INDEX score_sheet_one_per_stage ON score_sheet (set_id, stage, unit_code, COALESCE(scorer_code, ''));
CREATE INDEX score_sheet_set_unit ON score_sheet (set_id, unit_code);

CREATE TABLE score (
    sheet_id      BIGINT        NOT NULL REFERENCES score_sheet (id),
    criterion_id  BIGINT        NOT NULL REFERENCES criterion (id),
    points        NUMERIC(9, 2) NOT NULL CHECK (points >= 0),
    comment       VARCHAR(2000),
    evidence      JSONB         NOT NULL DEFAULT '[]'::jsonb,   -- links to evidence (minh chứng)
    explanation   VARCHAR(2000),                                -- why the board adjusted (giải trình)
    updated_by    VARCHAR(100)  NOT NULL,
    updated_at    TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (sheet_id, criterion_id)
);
CREATE INDEX score_criterion ON score (criterion_id);

-- Append-only: every change of a score, and every step of a criteria set's life.
CREATE TABLE score_audit (
    id            BIGSERIAL     PRIMARY KEY,
    set_id        BIGINT        NOT NULL,
    sheet_id      BIGINT        NOT NULL,
    criterion_id  BIGINT,
    action        VARCHAR(30)   NOT NULL,
    old_points    NUMERIC(9, 2),
    new_points    NUMERIC(9, 2),
    reason        VARCHAR(2000),
    actor         VARCHAR(100)  NOT NULL,
    at            TIMESTAMPTZ   NOT NULL
);
CREATE INDEX score_audit_set ON score_audit (set_id, id);

CREATE TABLE criteria_set_audit (
    id       BIGSERIAL    PRIMARY KEY,
    set_id   BIGINT       NOT NULL REFERENCES criteria_set (id),
    action   VARCHAR(30)  NOT NULL,
    reason   VARCHAR(2000),
    actor    VARCHAR(100) NOT NULL,
    at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX criteria_set_audit_set ON criteria_set_audit (set_id, id);
