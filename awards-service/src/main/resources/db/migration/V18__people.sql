-- The people of the units, their yearly results and their initiatives, as units-service announces them on
-- thidua.people.v1 (issue 22): what person awards are proposed for and judged on. Each subject keeps its
-- highest version. Results and initiatives name people by id without a foreign key: events of different
-- subjects may arrive in any order. Only what the awards need (no gender, birth year or contact).

CREATE TABLE known_person (
    id         UUID          PRIMARY KEY,
    full_name  VARCHAR(200)  NOT NULL,
    unit_code  VARCHAR(35)   NOT NULL,            -- the open membership's unit, or the last one's when LEFT
    position   VARCHAR(200),
    status     VARCHAR(10)   NOT NULL CHECK (status IN ('ACTIVE', 'LEFT')),
    version    BIGINT        NOT NULL
);
CREATE INDEX known_person_unit ON known_person (unit_code);

CREATE TABLE known_person_membership (
    person_id  UUID          NOT NULL REFERENCES known_person (id) ON DELETE CASCADE,
    unit_code  VARCHAR(35)   NOT NULL,
    position   VARCHAR(200),
    joined_on  DATE          NOT NULL,
    left_on    DATE,
    PRIMARY KEY (person_id, joined_on),
    CHECK (left_on IS NULL OR left_on >= joined_on)
);
CREATE INDEX known_person_membership_unit ON known_person_membership (unit_code);

-- A removed result stays as a row marked removed, so that an older state arriving late cannot bring it back.
CREATE TABLE person_year_result (
    person_id    UUID          NOT NULL,
    year         INTEGER       NOT NULL,
    unit_code    VARCHAR(35)   NOT NULL,
    task_rating  VARCHAR(20)   CHECK (task_rating IN ('EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED')),
    titles       JSONB         NOT NULL,          -- award type codes conferred at the unit's level for the year
    discipline   VARCHAR(30)   NOT NULL,
    removed      BOOLEAN       NOT NULL,
    version      BIGINT        NOT NULL,
    PRIMARY KEY (person_id, year)
);

CREATE TABLE initiative (
    id             UUID          PRIMARY KEY,
    title          VARCHAR(500)  NOT NULL,
    unit_code      VARCHAR(35)   NOT NULL,
    registered_on  DATE,
    version        BIGINT        NOT NULL
);

CREATE TABLE initiative_author (
    initiative_id  UUID          NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
    person_id      UUID          NOT NULL,
    full_name      VARCHAR(200),
    PRIMARY KEY (initiative_id, person_id)
);
CREATE INDEX initiative_author_person ON initiative_author (person_id);

-- At most one recognition per level; the scope is what that recognition found.
CREATE TABLE initiative_recognition (
    initiative_id    UUID          NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
    level            VARCHAR(20)   NOT NULL CHECK (level IN ('GRASSROOTS', 'PROVINCE', 'NATIONAL')),
    scope            VARCHAR(20)   NOT NULL CHECK (scope IN ('UNIT', 'PROVINCE', 'NATIONAL')),
    issuer           VARCHAR(300),
    decision_number  VARCHAR(100),
    decided_on       DATE          NOT NULL,
    PRIMARY KEY (initiative_id, level)
);
