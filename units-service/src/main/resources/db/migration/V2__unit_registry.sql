-- The full unit registry: kind, parent, area, contact, status with effective dates,
-- Vietnamese sort order and accent-insensitive search.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE unit
    ADD COLUMN short_name               VARCHAR(100),
    ADD COLUMN kind                     VARCHAR(30)  NOT NULL DEFAULT 'OTHER',
    ADD COLUMN parent_code              VARCHAR(35)  REFERENCES unit (code),
    ADD COLUMN administrative_area_code VARCHAR(10),
    ADD COLUMN contact_person           VARCHAR(200),
    ADD COLUMN contact_phone            VARCHAR(30),
    ADD COLUMN contact_email            VARCHAR(254),
    ADD COLUMN status                   VARCHAR(20)  NOT NULL DEFAULT 'ACTIVE',
    ADD COLUMN status_effective_from    DATE,
    ADD COLUMN merged_into_code         VARCHAR(35)  REFERENCES unit (code),
    -- ICU collation key of the name (Vietnamese rules): byte order is the Vietnamese alphabetical order
    ADD COLUMN sort_key                 BYTEA        NOT NULL DEFAULT '\x'::bytea,
    -- name, short name and code without diacritics, lower case: what search matches against
    ADD COLUMN search_text              TEXT         NOT NULL DEFAULT '';

ALTER TABLE unit ADD CONSTRAINT unit_kind_known
    CHECK (kind IN ('MASS_ORGANISATION', 'DEPARTMENT', 'DISTRICT', 'COMMUNE', 'ENTERPRISE', 'OTHER'));
ALTER TABLE unit ADD CONSTRAINT unit_status_known CHECK (status IN ('ACTIVE', 'MERGED', 'DISSOLVED'));
ALTER TABLE unit ADD CONSTRAINT unit_merged_has_target CHECK ((status = 'MERGED') = (merged_into_code IS NOT NULL));
ALTER TABLE unit ADD CONSTRAINT unit_not_own_parent CHECK (parent_code IS NULL OR parent_code <> code);

CREATE INDEX unit_sort_key ON unit (sort_key, code);
CREATE INDEX unit_search_text ON unit USING gin (search_text gin_trgm_ops);
CREATE INDEX unit_parent ON unit (parent_code);

-- Every status a unit has had, never overwritten.
CREATE TABLE unit_status_change (
    id               BIGSERIAL    PRIMARY KEY,
    unit_code        VARCHAR(35)  NOT NULL REFERENCES unit (code),
    status           VARCHAR(20)  NOT NULL,
    effective_from   DATE         NOT NULL,
    merged_into_code VARCHAR(35)  REFERENCES unit (code),
    reason           VARCHAR(1000),
    changed_by       VARCHAR(100) NOT NULL,
    changed_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX unit_status_change_unit ON unit_status_change (unit_code, id);

-- Hibernate takes unit ids in blocks of 50 so that bulk imports batch their inserts.
ALTER SEQUENCE unit_id_seq INCREMENT BY 50;
