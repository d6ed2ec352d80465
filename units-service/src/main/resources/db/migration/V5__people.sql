-- The people of the units (issue 22): who they are, which unit they belonged to when, and what each
-- year brought them. Personal data is the least the titles need (docs/security.md, "Personal data").
CREATE TABLE person (
    id          UUID          PRIMARY KEY,
    full_name   VARCHAR(200)  NOT NULL,
    -- the conditions that prefer women (Decree 152 Art. 4(6)) and the member statistics' women count need it
    gender      VARCHAR(10)   NOT NULL CHECK (gender IN ('FEMALE', 'MALE')),
    birth_year  INTEGER       CHECK (birth_year BETWEEN 1900 AND 2100),
    version     BIGINT        NOT NULL,
    created_by  VARCHAR(100)  NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    updated_by  VARCHAR(100)  NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL
);

-- Which unit a person belonged to, from when until when. Rows are never deleted: leaving or moving
-- closes the row, so a person's history across units is kept.
CREATE TABLE person_membership (
    id              BIGSERIAL     PRIMARY KEY,
    person_id       UUID          NOT NULL REFERENCES person (id),
    unit_code       VARCHAR(35)   NOT NULL REFERENCES unit (code),
    -- the unit's own number for the person (số hiệu cán bộ); what an import matches rows by
    personnel_code  VARCHAR(40),
    position        VARCHAR(200),
    joined_on       DATE          NOT NULL,
    left_on         DATE,
    leave_reason    VARCHAR(20)   CHECK (leave_reason IN ('LEFT', 'RETIRED', 'MOVED', 'DECEASED')),
    CONSTRAINT person_membership_period CHECK (left_on IS NULL OR left_on >= joined_on),
    CONSTRAINT person_membership_reason CHECK ((left_on IS NULL) = (leave_reason IS NULL))
);
-- a person is a current member of one unit at most: the database refuses a second one
CREATE UNIQUE INDEX person_membership_one_current ON person_membership (person_id) WHERE left_on IS NULL;
-- a personnel code names one current member of a unit
CREATE UNIQUE INDEX person_membership_personnel_code ON person_membership (unit_code, personnel_code)
    WHERE left_on IS NULL AND personnel_code IS NOT NULL;
CREATE INDEX person_membership_unit ON person_membership (unit_code, joined_on);
CREATE INDEX person_membership_person ON person_membership (person_id, joined_on);

-- A person's result of a year as the unit recorded it: task rating, the titles conferred at the
-- unit's level, the heaviest discipline in force, with evidence.
CREATE TABLE person_year (
    person_id     UUID          NOT NULL REFERENCES person (id),
    year          INTEGER       NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    unit_code     VARCHAR(35)   NOT NULL REFERENCES unit (code),
    task_rating   VARCHAR(20)   NOT NULL CHECK (task_rating IN ('EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED')),
    titles        JSONB         NOT NULL DEFAULT '[]'::jsonb,
    discipline    VARCHAR(30)   NOT NULL CHECK (discipline IN ('NONE', 'REPRIMAND', 'WARNING', 'SALARY_DOWNGRADE', 'DEMOTION',
                                                              'DISMISSAL_FROM_POST', 'DISMISSAL')),
    evidence      JSONB         NOT NULL DEFAULT '[]'::jsonb,
    note          VARCHAR(1000),
    version       BIGINT        NOT NULL,
    recorded_by   VARCHAR(100)  NOT NULL,
    recorded_at   TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (person_id, year)
);
CREATE INDEX person_year_unit ON person_year (unit_code, year);

-- Every read of a person's record by someone other than the person's own unit (the Board, the
-- Council, a cluster leader): who, as what, when, and what was read. Never updated or deleted.
CREATE TABLE person_read (
    id           BIGSERIAL     PRIMARY KEY,
    person_id    UUID          NOT NULL REFERENCES person (id),
    unit_code    VARCHAR(35)   NOT NULL,
    reader       VARCHAR(100)  NOT NULL,
    reader_roles VARCHAR(200)  NOT NULL,
    reader_unit  VARCHAR(35),
    purpose      VARCHAR(20)   NOT NULL CHECK (purpose IN ('RECORD', 'LIST', 'EXPORT')),
    view         VARCHAR(20)   NOT NULL CHECK (view IN ('FULL', 'CLUSTER')),
    read_at      TIMESTAMPTZ   NOT NULL
);
CREATE INDEX person_read_unit ON person_read (unit_code, read_at);
CREATE INDEX person_read_person ON person_read (person_id, read_at);

-- The version of a unit's computed member statistics per year, so that its events can be ordered.
CREATE TABLE member_statistics_version (
    unit_code  VARCHAR(35)  NOT NULL REFERENCES unit (code),
    year       INTEGER      NOT NULL,
    members                      INTEGER NOT NULL,
    completing_tasks             INTEGER NOT NULL,
    advanced_labour              INTEGER NOT NULL,
    grassroots_fighters          INTEGER NOT NULL,
    disciplined_warning_or_above INTEGER NOT NULL,
    women                        INTEGER NOT NULL,
    without_result               INTEGER NOT NULL,
    version    BIGINT       NOT NULL,
    PRIMARY KEY (unit_code, year)
);

-- Initiatives (sáng kiến): registered by a person or a group of a unit, recognised by Initiative
-- Councils at a level, each recognition with its decision and the scope of its effect.
CREATE TABLE initiative (
    id             UUID          PRIMARY KEY,
    unit_code      VARCHAR(35)   NOT NULL REFERENCES unit (code),
    title          VARCHAR(500)  NOT NULL,
    summary        VARCHAR(4000),
    registered_on  DATE          NOT NULL,
    version        BIGINT        NOT NULL,
    created_by     VARCHAR(100)  NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL,
    updated_by     VARCHAR(100)  NOT NULL,
    updated_at     TIMESTAMPTZ   NOT NULL
);
CREATE INDEX initiative_unit ON initiative (unit_code, registered_on);

CREATE TABLE initiative_author (
    initiative_id  UUID  NOT NULL REFERENCES initiative (id),
    position       INTEGER NOT NULL,
    person_id      UUID  NOT NULL REFERENCES person (id),
    PRIMARY KEY (initiative_id, position),
    CONSTRAINT initiative_author_once UNIQUE (initiative_id, person_id)
);
CREATE INDEX initiative_author_person ON initiative_author (person_id);

CREATE TABLE initiative_recognition (
    initiative_id    UUID          NOT NULL REFERENCES initiative (id),
    level            VARCHAR(20)   NOT NULL CHECK (level IN ('GRASSROOTS', 'PROVINCE', 'NATIONAL')),
    scope            VARCHAR(20)   NOT NULL CHECK (scope IN ('UNIT', 'PROVINCE', 'NATIONAL')),
    issuer           VARCHAR(300)  NOT NULL,
    decision_number  VARCHAR(60)   NOT NULL,
    decided_on       DATE          NOT NULL,
    recorded_by      VARCHAR(100)  NOT NULL,
    recorded_at      TIMESTAMPTZ   NOT NULL,
    -- recognised once at a level: a second recognition at the same level is refused
    PRIMARY KEY (initiative_id, level)
);
