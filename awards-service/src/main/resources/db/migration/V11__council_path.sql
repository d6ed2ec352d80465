-- How the province's Council reviews an award's candidates is part of its rule set (CouncilReview, JSON):
-- null for a rule set whose awards are decided straight after the Board's appraisal.
ALTER TABLE rule_set ADD COLUMN council JSONB;

-- The proposal's way through the province: on a Council session's agenda (COUNCIL_REVIEW), recommended by it
-- (RECOMMENDED), then decided by the Chairman or carried to the Prime Minister in the province's submission.
ALTER TABLE proposal DROP CONSTRAINT proposal_status_check;
ALTER TABLE proposal ADD CONSTRAINT proposal_status_check CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'UNDER_APPRAISAL',
    'APPRAISED', 'COUNCIL_REVIEW', 'RECOMMENDED', 'FORWARDED', 'DECIDED', 'REJECTED', 'REVOKED'));
ALTER TABLE proposal
    ADD COLUMN council_session_id UUID,                      -- the Council session reviewing (or that reviewed) it
    ADD COLUMN council_result     VARCHAR(500),              -- its ballot result there, as the minutes say it
    ADD COLUMN submission_id      BIGINT;                    -- the province's submission carrying it, while it does

ALTER TABLE dossier_file DROP CONSTRAINT dossier_file_kind_check;
ALTER TABLE dossier_file ADD CONSTRAINT dossier_file_kind_check CHECK (kind IN ('COVER_SUBMISSION', 'MINUTES', 'ACHIEVEMENT_REPORT',
    'COUNCIL_MINUTES', 'PROVINCIAL_SUBMISSION', 'OTHER'));

-- The province's submission to the Prime Minister (tờ trình of the Chairman of the Provincial People's Committee)
-- covering all of a year's state-level candidates the Council recommended; sent through the Ministry of Home
-- Affairs' national dossier system, which returns a faulty one or accepts it (law-2025.md §4).
CREATE TABLE provincial_submission (
    id                 BIGSERIAL     PRIMARY KEY,
    year               INTEGER       NOT NULL,
    number             VARCHAR(100)  NOT NULL,             -- e.g. 123/TTr-UBND
    signed_by          VARCHAR(200)  NOT NULL,             -- the Chairman (or the vice-chairman signing for him)
    signed_on          DATE          NOT NULL,
    status             VARCHAR(10)   NOT NULL CHECK (status IN ('DRAFT', 'SENT', 'RETURNED', 'ACCEPTED')),
    document           BYTEA         NOT NULL,             -- the tờ trình as generated (PDF)
    document_sha256    VARCHAR(64)   NOT NULL,
    sent_on            DATE,
    return_due         DATE,                               -- the national Board returns a faulty dossier by then
    returned_on        DATE,
    return_reason      VARCHAR(2000),
    accepted_on        DATE,
    decision_due       DATE,                               -- the national Board submits to the Prime Minister by then
    national_reference VARCHAR(200),
    version            BIGINT        NOT NULL,
    created_by         VARCHAR(100)  NOT NULL,
    created_at         TIMESTAMPTZ   NOT NULL,
    updated_at         TIMESTAMPTZ   NOT NULL,
    UNIQUE (number, year),
    CHECK ((status = 'DRAFT') = (sent_on IS NULL)),
    CHECK ((status = 'RETURNED') = (returned_on IS NOT NULL)),
    CHECK ((status = 'ACCEPTED') = (accepted_on IS NOT NULL))
);
CREATE INDEX provincial_submission_year ON provincial_submission (year, status);

-- The candidates a submission covers, kept after a return so its history stays whole.
CREATE TABLE provincial_submission_item (
    submission_id BIGINT NOT NULL REFERENCES provincial_submission (id),
    proposal_id   BIGINT NOT NULL REFERENCES proposal (id),
    position      INTEGER NOT NULL,
    PRIMARY KEY (submission_id, proposal_id)
);
CREATE INDEX provincial_submission_item_proposal ON provincial_submission_item (proposal_id);
ALTER TABLE proposal ADD CONSTRAINT proposal_submission FOREIGN KEY (submission_id) REFERENCES provincial_submission (id);

-- Collectives voted to lead their clusters/blocks in emulation clusters the province runs outside this system, as
-- the Board counts them for a year: they add to the denominator of the Government-flag quota.
CREATE TABLE leaders_outside (
    year        INTEGER        PRIMARY KEY,
    count       INTEGER        NOT NULL CHECK (count BETWEEN 0 AND 10000),
    note        VARCHAR(1000)  NOT NULL,
    version     BIGINT         NOT NULL,
    entered_by  VARCHAR(100)   NOT NULL,
    entered_at  TIMESTAMPTZ    NOT NULL
);
