-- The law as data that succeeds itself (issue 16): a rule set is ended, once, when the next decree
-- applies; it says how it applies in transition; the cash multiple is the rule set's (a new decree
-- must not rewrite what an earlier one paid); votes and proposals keep which rule set judged them
-- and why; ledger entries keep it forever.

ALTER TABLE award_type
    ADD COLUMN kind VARCHAR(20) NOT NULL DEFAULT 'MERIT' CHECK (kind IN ('MERIT', 'AD_HOC', 'THEMATIC', 'CONTRIBUTION'));

ALTER TABLE rule_set
    ADD COLUMN legal_basis_tag  VARCHAR(3)    CHECK (legal_basis_tag IN ('V', 'V2', 'M', '?')),
    ADD COLUMN transition       VARCHAR(30)   NOT NULL DEFAULT 'DOSSIER_RECEIVED_ON'
                                              CHECK (transition IN ('DOSSIER_RECEIVED_ON', 'ACHIEVEMENT_YEAR')),
    ADD COLUMN transition_tag   VARCHAR(3)    NOT NULL DEFAULT '?' CHECK (transition_tag IN ('V', 'V2', 'M', '?')),
    ADD COLUMN cash_multiple    NUMERIC(6, 2) CHECK (cash_multiple >= 0),
    ADD COLUMN cash_citation    VARCHAR(300),
    ADD COLUMN cash_tag         VARCHAR(3)    CHECK (cash_tag IN ('V', 'V2', 'M', '?')),
    ADD COLUMN version          BIGINT        NOT NULL DEFAULT 0,
    ADD COLUMN ended_by         VARCHAR(100),
    ADD COLUMN ended_at         TIMESTAMPTZ,
    ADD COLUMN end_reason       VARCHAR(2000);

-- the multiple each award had is the one its existing rule sets paid under
UPDATE rule_set r SET cash_multiple = t.cash_multiple FROM award_type t WHERE t.code = r.award_type_code;
ALTER TABLE award_type DROP COLUMN cash_multiple;

-- Who created or ended a rule set, when, and what it was before and after: append-only.
CREATE TABLE rule_set_audit (
    id           BIGSERIAL     PRIMARY KEY,
    rule_set_id  BIGINT        NOT NULL REFERENCES rule_set (id),
    action       VARCHAR(10)   NOT NULL CHECK (action IN ('CREATED', 'ENDED')),
    before       JSONB,
    after        JSONB         NOT NULL,
    reason       VARCHAR(2000),
    actor        VARCHAR(100)  NOT NULL,
    at           TIMESTAMPTZ   NOT NULL
);
CREATE INDEX rule_set_audit_rule_set ON rule_set_audit (rule_set_id, id);

-- Why a vote's or proposal's rule set was chosen ({ruleSetId, transition, receivedOn (the day the
-- vote was held or the dossier received), achievementYear, judgedOn, governingRuleSetId}); a
-- proposal also keeps the day its dossier was received once it is; null for rows from before.
ALTER TABLE voting_session
    ADD COLUMN rule_set_chosen_because  JSONB;
ALTER TABLE proposal
    ADD COLUMN received_on              DATE,
    ADD COLUMN rule_set_chosen_because  JSONB;
-- what was judged under a rule set, before it may be ended
CREATE INDEX voting_session_rule_set ON voting_session (rule_set_id);
CREATE INDEX proposal_rule_set ON proposal (rule_set_id);

ALTER TABLE ledger_entry ADD COLUMN rule_set_id BIGINT REFERENCES rule_set (id);
UPDATE ledger_entry l SET rule_set_id = p.rule_set_id FROM proposal p WHERE p.id = l.proposal_id;

-- The Board's findings on conditions only people can judge (ATTESTED), per proposal: append-only,
-- the latest finding of a key is the one that counts.
CREATE TABLE proposal_attestation (
    id           BIGSERIAL     PRIMARY KEY,
    proposal_id  BIGINT        NOT NULL REFERENCES proposal (id),
    key          VARCHAR(40)   NOT NULL,
    holds        BOOLEAN       NOT NULL,
    basis        VARCHAR(2000) NOT NULL,
    actor        VARCHAR(100)  NOT NULL,
    at           TIMESTAMPTZ   NOT NULL
);
CREATE INDEX proposal_attestation_proposal ON proposal_attestation (proposal_id, key, id);
