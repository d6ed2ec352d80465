-- Cash awards (Decree 152/2025 Arts 49–54): the amount is the base salary (mức lương cơ sở) in force
-- on the decision date × the multiple of the rule set the award was judged under, rounded up to the
-- next 10,000 VND. The base salary is data with its legal basis and confidence tag, entered by the
-- Board when a decree changes it, never a constant in code.

-- Each row is in force from its day until the next row's.
CREATE TABLE base_salary (
    effective_from DATE          PRIMARY KEY,
    amount         BIGINT        NOT NULL CHECK (amount > 0),          -- VND a month, whole đồng
    legal_basis    VARCHAR(500)  NOT NULL,                             -- e.g. "Nghị định 161/2026/NĐ-CP"
    tag            VARCHAR(3)    CHECK (tag IN ('V', 'V2', 'M', '?')),
    version        BIGINT        NOT NULL,
    updated_by     VARCHAR(100)  NOT NULL,
    updated_at     TIMESTAMPTZ   NOT NULL
);

-- Who set or changed a base salary, when, and what it was before and after: append-only, so what a
-- decision was paid on can always be traced back even after a correction.
CREATE TABLE base_salary_audit (
    id             BIGSERIAL     PRIMARY KEY,
    effective_from DATE          NOT NULL REFERENCES base_salary (effective_from),
    before         JSONB,
    after          JSONB         NOT NULL,
    actor          VARCHAR(100)  NOT NULL,
    at             TIMESTAMPTZ   NOT NULL
);
CREATE INDEX base_salary_audit_day ON base_salary_audit (effective_from, id);

CREATE FUNCTION base_salary_audit_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'base_salary_audit is append-only' USING ERRCODE = 'integrity_constraint_violation';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER base_salary_audit_append_only BEFORE UPDATE OR DELETE ON base_salary_audit
    FOR EACH ROW EXECUTE FUNCTION base_salary_audit_is_append_only();

-- What a decided award pays, as computed when its decision was recorded: the base salary and the
-- multiple are kept beside the amount, so a later correction of either changes nothing already
-- decided. All three are null when the amount could not be computed (no multiple in the rule set, no
-- base salary in force on the decision date), and for entries imported or recorded before this.
ALTER TABLE ledger_entry
    ADD COLUMN cash_amount   BIGINT        CHECK (cash_amount >= 0),
    ADD COLUMN base_salary   BIGINT        CHECK (base_salary > 0),
    ADD COLUMN cash_multiple NUMERIC(6, 2) CHECK (cash_multiple >= 0),
    ADD CONSTRAINT ledger_entry_cash_whole
        CHECK ((cash_amount IS NULL) = (base_salary IS NULL) AND (cash_amount IS NULL) = (cash_multiple IS NULL));
