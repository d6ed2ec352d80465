-- Award proposals (đề nghị khen thưởng) with their dossiers (hồ sơ), the audit of their life, the
-- award ledger eligibility looks back on, and the titles units registered for (from scoring).

-- Titles each unit registered for at the start of a year (TitlesRegistered, thidua.scoring.registrations.v1).
CREATE TABLE registered_titles (
    unit_code   VARCHAR(35)  NOT NULL,
    year        INTEGER      NOT NULL,
    cluster_id  BIGINT,
    titles      JSONB        NOT NULL,                 -- award type codes
    version     BIGINT       NOT NULL,                 -- the producer's; the highest wins
    PRIMARY KEY (unit_code, year)
);

-- Every award a unit holds: from a decision recorded here, or imported from before the system.
-- Never deleted: a revocation marks the entry.
CREATE TABLE ledger_entry (
    id                BIGSERIAL     PRIMARY KEY,
    unit_code         VARCHAR(35)   NOT NULL,
    award_type_code   VARCHAR(40)   NOT NULL,
    year              INTEGER       NOT NULL,           -- the year the award is for
    decision_number   VARCHAR(100)  NOT NULL,
    decision_date     DATE          NOT NULL,
    deciding_authority VARCHAR(300) NOT NULL,
    source            VARCHAR(10)   NOT NULL CHECK (source IN ('DECISION', 'IMPORT')),
    proposal_id       BIGINT,
    revoked_at        TIMESTAMPTZ,
    revocation_reason VARCHAR(2000),
    revocation_ground VARCHAR(500),
    created_by        VARCHAR(100)  NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL,
    UNIQUE (unit_code, award_type_code, year, decision_number)
);
CREATE INDEX ledger_entry_unit ON ledger_entry (unit_code, award_type_code, year);

CREATE TABLE proposal (
    id                  BIGSERIAL     PRIMARY KEY,
    unit_code           VARCHAR(35)   NOT NULL,
    award_type_code     VARCHAR(40)   NOT NULL REFERENCES award_type (code),
    year                INTEGER       NOT NULL,
    cluster_id          BIGINT        NOT NULL,          -- units-service's cluster-year id
    cluster_code        VARCHAR(20)   NOT NULL,
    rule_set_id         BIGINT        NOT NULL REFERENCES rule_set (id),
    voting_session_id   UUID          REFERENCES voting_session (id),
    ranking_rank        INTEGER,                         -- the finalized ranking it rests on, when there is one
    ranking_total       NUMERIC(8, 2),
    ranking_set_version BIGINT,
    status              VARCHAR(20)   NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'UNDER_APPRAISAL', 'APPRAISED',
                                                                  'FORWARDED', 'DECIDED', 'REJECTED', 'REVOKED')),
    status_reason       VARCHAR(2000),                   -- why returned, rejected or revoked
    legal_ground        VARCHAR(500),                    -- of a revocation
    decision_number     VARCHAR(100),
    decision_date       DATE,
    deciding_authority  VARCHAR(300),
    earlier_awards      JSONB         NOT NULL,          -- from the ledger when last filled in
    version             BIGINT        NOT NULL,
    created_by          VARCHAR(100)  NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL,
    CHECK ((status = 'DECIDED' OR status = 'REVOKED') = (decision_number IS NOT NULL))
);
-- One live proposal of an award for a unit and year; a rejected or revoked one may be followed by another.
CREATE UNIQUE INDEX proposal_live ON proposal (unit_code, award_type_code, year) WHERE status NOT IN ('REJECTED', 'REVOKED');
CREATE INDEX proposal_year ON proposal (year, award_type_code, status);
CREATE INDEX proposal_cluster ON proposal (cluster_id);

-- Every step of a proposal's life, in order: who, when, from what to what, and why.
CREATE TABLE proposal_transition (
    id           BIGSERIAL     PRIMARY KEY,
    proposal_id  BIGINT        NOT NULL REFERENCES proposal (id),
    from_status  VARCHAR(20),
    to_status    VARCHAR(20)   NOT NULL,
    reason       VARCHAR(2000),
    actor        VARCHAR(100)  NOT NULL,
    at           TIMESTAMPTZ   NOT NULL
);
CREATE INDEX proposal_transition_proposal ON proposal_transition (proposal_id, id);

-- The dossier's files: generated (cover submission, minutes) or uploaded (achievement report, others).
CREATE TABLE dossier_file (
    id           BIGSERIAL     PRIMARY KEY,
    proposal_id  BIGINT        NOT NULL REFERENCES proposal (id),
    kind         VARCHAR(30)   NOT NULL CHECK (kind IN ('COVER_SUBMISSION', 'MINUTES', 'ACHIEVEMENT_REPORT', 'OTHER')),
    file_name    VARCHAR(255)  NOT NULL,
    content      BYTEA         NOT NULL,
    sha256       VARCHAR(64)   NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    added_by     VARCHAR(100)  NOT NULL,
    added_at     TIMESTAMPTZ   NOT NULL
);
CREATE INDEX dossier_file_proposal ON dossier_file (proposal_id, kind);
