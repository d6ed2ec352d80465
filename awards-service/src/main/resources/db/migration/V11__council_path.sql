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
