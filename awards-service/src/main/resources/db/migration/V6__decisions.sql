-- Decisions (quyết định khen thưởng): one decision of a deciding authority grants one award for one
-- year to one or more units. The Board records it, or the Department of Home Affairs portal posts it;
-- recording it decides each named unit's proposal and so writes the award ledger.

-- A decision is known by its number and its authority (the same number may be used by two authorities).
CREATE TABLE decision (
    id                 BIGSERIAL     PRIMARY KEY,
    number             VARCHAR(100)  NOT NULL,
    decision_date      DATE          NOT NULL,
    deciding_authority VARCHAR(300)  NOT NULL,
    award_type_code    VARCHAR(40)   NOT NULL REFERENCES award_type (code),
    year               INTEGER       NOT NULL,            -- the year the award is for
    recorded_by        VARCHAR(100)  NOT NULL,
    recorded_at        TIMESTAMPTZ   NOT NULL,
    UNIQUE (number, deciding_authority)
);
CREATE INDEX decision_year ON decision (year, award_type_code);

-- The units a decision names, each with the proposal it decided; a proposal is decided once.
CREATE TABLE decision_unit (
    decision_id  BIGINT       NOT NULL REFERENCES decision (id),
    unit_code    VARCHAR(35)  NOT NULL,
    proposal_id  BIGINT       NOT NULL UNIQUE REFERENCES proposal (id),
    PRIMARY KEY (decision_id, unit_code)
);
CREATE INDEX decision_unit_unit ON decision_unit (unit_code);

-- The decision a ledger entry comes from, when it was recorded here as a whole decision (entries
-- decided one proposal at a time, or imported, keep only the decision's number, date and authority).
ALTER TABLE ledger_entry ADD COLUMN decision_id BIGINT REFERENCES decision (id);
CREATE INDEX ledger_entry_decision ON ledger_entry (decision_id);
