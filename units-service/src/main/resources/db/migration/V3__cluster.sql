-- Emulation clusters and blocks (cụm, khối thi đua), one row per cluster and year. A new year is a
-- new row, so what a cluster was in a past year is never overwritten.
CREATE TABLE cluster_year (
    id                             BIGSERIAL    PRIMARY KEY,
    code                           VARCHAR(20)  NOT NULL,
    name                           VARCHAR(300) NOT NULL,
    kind                           VARCHAR(10)  NOT NULL,
    year                           INTEGER      NOT NULL,
    leader_unit_code               VARCHAR(35)  REFERENCES unit (code),
    deputy_unit_code               VARCHAR(35)  REFERENCES unit (code),
    leadership_basis               VARCHAR(10),
    rolled_over_from_id            BIGINT       REFERENCES cluster_year (id),
    agreement_signed_on            DATE,
    agreement_document_sha256      VARCHAR(64),
    agreement_document_size        BIGINT,
    agreement_document_uploaded_at TIMESTAMPTZ,
    version                        BIGINT       NOT NULL,
    created_at                     TIMESTAMPTZ  NOT NULL,
    updated_at                     TIMESTAMPTZ  NOT NULL,
    CONSTRAINT cluster_year_code_year_unique UNIQUE (code, year),
    -- target of the memberships' foreign key, so that a membership's kind and year are its cluster-year's
    CONSTRAINT cluster_year_id_kind_year UNIQUE (id, kind, year),
    CONSTRAINT cluster_year_kind_known CHECK (kind IN ('CLUSTER', 'BLOCK')),
    CONSTRAINT cluster_year_year_in_range CHECK (year BETWEEN 2000 AND 2100),
    CONSTRAINT cluster_year_leader_is_not_deputy CHECK (leader_unit_code <> deputy_unit_code),
    CONSTRAINT cluster_year_deputy_needs_leader CHECK (deputy_unit_code IS NULL OR leader_unit_code IS NOT NULL),
    CONSTRAINT cluster_year_basis_with_leader CHECK ((leadership_basis IS NULL) = (leader_unit_code IS NULL)),
    CONSTRAINT cluster_year_basis_known CHECK (leadership_basis IN ('ASSIGNED', 'ELECTED', 'ROTATION')),
    CONSTRAINT cluster_year_document_complete CHECK (
        (agreement_document_sha256 IS NULL) = (agreement_document_size IS NULL)
        AND (agreement_document_sha256 IS NULL) = (agreement_document_uploaded_at IS NULL))
);
CREATE INDEX cluster_year_year_kind ON cluster_year (year, kind, code);

-- Who was a member of which cluster-year, from when until when. Rows are never deleted: leaving sets
-- left_at, rejoining adds a row, so the membership at any moment can be told.
CREATE TABLE cluster_membership (
    id              BIGSERIAL    PRIMARY KEY,
    cluster_year_id BIGINT       NOT NULL,
    kind            VARCHAR(10)  NOT NULL,
    year            INTEGER      NOT NULL,
    unit_code       VARCHAR(35)  NOT NULL REFERENCES unit (code),
    joined_at       TIMESTAMPTZ  NOT NULL,
    joined_by       VARCHAR(255) NOT NULL,
    left_at         TIMESTAMPTZ,
    left_by         VARCHAR(255),
    CONSTRAINT cluster_membership_of_cluster_year
        FOREIGN KEY (cluster_year_id, kind, year) REFERENCES cluster_year (id, kind, year),
    CONSTRAINT cluster_membership_left_after_joined CHECK (left_at IS NULL OR left_at >= joined_at),
    CONSTRAINT cluster_membership_left_by_someone CHECK ((left_at IS NULL) = (left_by IS NULL))
);
-- A unit is a current member of at most one cluster of a given kind in a given year.
CREATE UNIQUE INDEX cluster_membership_one_per_kind_and_year
    ON cluster_membership (unit_code, kind, year) WHERE left_at IS NULL;
CREATE INDEX cluster_membership_cluster_year ON cluster_membership (cluster_year_id, unit_code);

-- The units that signed the cluster-year's emulation agreement (giao ước thi đua).
CREATE TABLE cluster_agreement_signatory (
    cluster_year_id BIGINT      NOT NULL REFERENCES cluster_year (id),
    unit_code       VARCHAR(35) NOT NULL REFERENCES unit (code),
    PRIMARY KEY (cluster_year_id, unit_code)
);

-- The signed agreement as a PDF; its SHA-256 and size are on cluster_year.
CREATE TABLE cluster_agreement_document (
    cluster_year_id BIGINT PRIMARY KEY REFERENCES cluster_year (id),
    content         BYTEA  NOT NULL
);

-- Leaders and deputies elected by the member units, as awards-service announced them
-- (vn.thidua.awards.ClusterLeaderElected), whether applied at once or kept for the roll-over.
CREATE TABLE cluster_election_result (
    id                BIGSERIAL    PRIMARY KEY,
    event_source      VARCHAR(255) NOT NULL,
    event_id          VARCHAR(64)  NOT NULL,
    cluster_code      VARCHAR(20)  NOT NULL,
    kind              VARCHAR(10)  NOT NULL,
    year              INTEGER      NOT NULL,
    leader_unit_code  VARCHAR(35)  NOT NULL,
    deputy_unit_code  VARCHAR(35),
    voting_session_id VARCHAR(100) NOT NULL,
    elected_at        TIMESTAMPTZ  NOT NULL,
    received_at       TIMESTAMPTZ  NOT NULL,
    outcome           VARCHAR(20)  NOT NULL,
    applied_to_id     BIGINT       REFERENCES cluster_year (id),
    note              VARCHAR(500),
    CONSTRAINT cluster_election_result_event UNIQUE (event_source, event_id),
    CONSTRAINT cluster_election_result_outcome_known
        CHECK (outcome IN ('PENDING', 'APPLIED', 'SUPERSEDED', 'STALE', 'NOT_APPLICABLE')),
    CONSTRAINT cluster_election_result_applied_to CHECK ((outcome = 'APPLIED') = (applied_to_id IS NOT NULL))
);
CREATE INDEX cluster_election_result_cluster ON cluster_election_result (cluster_code, kind, year, elected_at);

-- Append-only trail of every change of a cluster-year: who, when, what, state before and after.
CREATE TABLE cluster_audit (
    id              BIGSERIAL    PRIMARY KEY,
    cluster_year_id BIGINT       NOT NULL REFERENCES cluster_year (id),
    version         BIGINT       NOT NULL,
    action          VARCHAR(100) NOT NULL,
    actor           VARCHAR(255) NOT NULL,
    changed_at      TIMESTAMPTZ  NOT NULL,
    before_state    JSONB,
    after_state     JSONB        NOT NULL,
    CONSTRAINT cluster_audit_one_per_version UNIQUE (cluster_year_id, version)
);
