-- Awards for persons (issue 22): an award type goes to a unit (collective) or to a person; a proposal,
-- a decision's line, and a ledger entry of a person award name the person, with the unit that proposed them.

ALTER TABLE award_type ADD COLUMN recipient VARCHAR(10) NOT NULL DEFAULT 'UNIT' CHECK (recipient IN ('UNIT', 'PERSON'));
