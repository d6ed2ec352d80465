-- The award catalogue and its rule sets: rules are data with their legal basis and effective dates,
-- never constants in code (domain.md §0, §1, §3).

CREATE TABLE award_type (
    code               VARCHAR(40)   PRIMARY KEY,         -- e.g. CO_THI_DUA_CHINH_PHU
    name               VARCHAR(300)  NOT NULL,
    level              VARCHAR(20)   NOT NULL CHECK (level IN ('STATE', 'PROVINCIAL', 'DEPARTMENT')),
    deciding_authority VARCHAR(300)  NOT NULL,            -- who decides, e.g. "Thủ tướng Chính phủ"
    cash_multiple      NUMERIC(6, 2) NOT NULL CHECK (cash_multiple >= 0),  -- × the base salary (mức lương cơ sở)
    version            BIGINT        NOT NULL,
    updated_by         VARCHAR(100)  NOT NULL,
    updated_at         TIMESTAMPTZ   NOT NULL
);

CREATE TABLE rule_set (
    id                 BIGSERIAL     PRIMARY KEY,
    award_type_code    VARCHAR(40)   NOT NULL REFERENCES award_type (code),
    legal_basis        VARCHAR(500)  NOT NULL,            -- document numbers, e.g. "Luật 06/2022/QH15; Nghị định 98/2023/NĐ-CP"
    legal_basis_date   DATE          NOT NULL,            -- date of the main document
    effective_from     DATE          NOT NULL,
    effective_to       DATE,                              -- inclusive; null while in force
    eligibility        JSONB         NOT NULL,            -- [{kind, value}]
    voting             JSONB         NOT NULL,            -- {secret, quorumPercent, thresholdPercent, basis, runoffAllowed}
    provincial_choices JSONB         NOT NULL,            -- which values the province chose (not national law)
    created_by         VARCHAR(100)  NOT NULL,
    created_at         TIMESTAMPTZ   NOT NULL,
    CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
CREATE INDEX rule_set_award_type ON rule_set (award_type_code, effective_from);
