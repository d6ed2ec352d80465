-- How the province's Council reviews an award's candidates is part of its rule set (CouncilReview, JSON):
-- null for a rule set whose awards are decided straight after the Board's appraisal.
ALTER TABLE rule_set ADD COLUMN council JSONB;
