-- The agencies' cross-check lists (law-2025.md §4): by 10/12 the police, tax office, social insurance,
-- inspectorate and others send the Board lists of collectives under discipline review, investigation,
-- inspection, audit or complaint verification (Decree 152/2025 Art. 4(4)). Each row becomes a
-- proceeding whose source is the sending agency and whose reference is its letter's number, so the
-- same list imported again records nothing twice.
ALTER TABLE proceeding ADD COLUMN reference VARCHAR(100);
CREATE UNIQUE INDEX proceeding_agency_reference ON proceeding (unit_code, source, reference) WHERE reference IS NOT NULL;
