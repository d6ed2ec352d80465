-- Awards for persons (issue 22): an award type goes to a unit (collective) or to a person; a proposal,
-- a decision's line, and a ledger entry of a person award name the person, with the unit that proposed them.

ALTER TABLE award_type ADD COLUMN recipient VARCHAR(10) NOT NULL DEFAULT 'UNIT' CHECK (recipient IN ('UNIT', 'PERSON'));

-- A proposal of a person award names the person (id and name as units-service announced them when it
-- was made); one live proposal per unit, award and year for a unit, per person, award and year for a person.
ALTER TABLE proposal ADD COLUMN person_id UUID, ADD COLUMN person_name VARCHAR(200);
ALTER TABLE proposal ADD CONSTRAINT proposal_person_named CHECK ((person_id IS NULL) = (person_name IS NULL));
DROP INDEX proposal_live;
CREATE UNIQUE INDEX proposal_live ON proposal (unit_code, award_type_code, year)
    WHERE person_id IS NULL AND status NOT IN ('REJECTED', 'REVOKED');
CREATE UNIQUE INDEX proposal_live_person ON proposal (person_id, award_type_code, year)
    WHERE person_id IS NOT NULL AND status NOT IN ('REJECTED', 'REVOKED');

-- The ledger keeps the person's id and name beside the unit that proposed them. One decision may name
-- several people of one unit, so a unit's entry is unique without a person, a person's per person.
ALTER TABLE ledger_entry ADD COLUMN person_id UUID, ADD COLUMN person_name VARCHAR(200);
DO $$
DECLARE unique_name TEXT;
BEGIN
    SELECT conname INTO unique_name FROM pg_constraint
    WHERE conrelid = 'ledger_entry'::regclass AND contype = 'u';
    EXECUTE format('ALTER TABLE ledger_entry DROP CONSTRAINT %I', unique_name);
END $$;
CREATE UNIQUE INDEX ledger_entry_unit_decision ON ledger_entry (unit_code, award_type_code, year, decision_number)
    WHERE person_id IS NULL;
CREATE UNIQUE INDEX ledger_entry_person_decision ON ledger_entry (person_id, award_type_code, year, decision_number)
    WHERE person_id IS NOT NULL;

-- A decision names each proposal once (several may be of people of one unit), with the person when it is one.
ALTER TABLE decision_unit DROP CONSTRAINT decision_unit_pkey;
ALTER TABLE decision_unit ADD PRIMARY KEY (decision_id, proposal_id);
ALTER TABLE decision_unit ADD COLUMN person_id UUID;
CREATE INDEX decision_unit_person ON decision_unit (person_id) WHERE person_id IS NOT NULL;
