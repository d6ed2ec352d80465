-- Voting sessions of cluster-years (suy tôn, bình xét, bầu cụm trưởng / cụm phó) and their
-- secret ballots. Secrecy is a property of the storage, not only of the API (domain.md §3):
--   * voting_voter / ballot_cast say WHO voted (and when), ballot says WHAT was voted;
--   * ballot has no voter, no time, no sequence and no id that follows the order of casting: its key
--     is the voter's receipt (a SHA-256 of random bytes and the choices), and the service rewrites
--     a session's whole ballot box in a random order at every cast, so neither the row order
--     (ctid) nor the writing transaction (xmin) ties a ballot to a cast.
-- Rules that must hold even when two requests race live here, not only in the service: one
-- ballot per unit (primary key), no ballot unless the session is open and no change once it is
-- published (triggers).

CREATE TABLE voting_session (
    id                UUID          PRIMARY KEY,
    cluster_id        BIGINT        NOT NULL,            -- units-service's cluster-year id
    cluster_code      VARCHAR(20)   NOT NULL,
    cluster_name      VARCHAR(300)  NOT NULL,
    kind              VARCHAR(10)   NOT NULL,
    year              INTEGER       NOT NULL,            -- the emulation year the vote concludes
    purpose           VARCHAR(20)   NOT NULL CHECK (purpose IN ('LEAD_AND_PROPOSE', 'ELECT_LEADERSHIP')),
    award_type_code   VARCHAR(40)   REFERENCES award_type (code),
    rule_set_id       BIGINT        NOT NULL REFERENCES rule_set (id),   -- in force when the session was created
    leads_year        INTEGER,                           -- ELECT_LEADERSHIP: the year to be led
    lead_places       INTEGER       NOT NULL CHECK (lead_places BETWEEN 1 AND 10),
    runoff_of         UUID          REFERENCES voting_session (id),
    opens_at          TIMESTAMPTZ   NOT NULL,
    closes_at         TIMESTAMPTZ   NOT NULL,
    status            VARCHAR(12)   NOT NULL CHECK (status IN ('SCHEDULED', 'OPEN', 'CLOSED', 'PUBLISHED')),
    opened_at         TIMESTAMPTZ,
    closed_at         TIMESTAMPTZ,
    published_at      TIMESTAMPTZ,
    result            JSONB,                             -- totals only (VoteResult), set at closing
    version           BIGINT        NOT NULL,
    created_by        VARCHAR(100)  NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL,
    CHECK (closes_at > opens_at),
    CHECK ((purpose = 'LEAD_AND_PROPOSE') = (award_type_code IS NOT NULL)),
    CHECK ((purpose = 'ELECT_LEADERSHIP') = (leads_year IS NOT NULL)),
    CHECK ((status IN ('CLOSED', 'PUBLISHED')) = (result IS NOT NULL))
);
CREATE INDEX voting_session_cluster ON voting_session (cluster_id, year);
CREATE INDEX voting_session_year ON voting_session (year, cluster_code);

CREATE TABLE voting_candidate (
    session_id    UUID          NOT NULL REFERENCES voting_session (id),
    contest       VARCHAR(10)   NOT NULL CHECK (contest IN ('LEAD', 'LEADER', 'DEPUTY')),
    unit_code     VARCHAR(35)   NOT NULL,
    position      INTEGER       NOT NULL,              -- order on the ballot paper
    ranking_rank  INTEGER,                             -- from the finalized ranking, when taken from it
    ranking_total NUMERIC(8, 2),
    PRIMARY KEY (session_id, contest, unit_code)
);

-- The voter roll, fixed when the session opens: the member units of the cluster-year then.
CREATE TABLE voting_voter (
    session_id  UUID         NOT NULL REFERENCES voting_session (id),
    unit_code   VARCHAR(35)  NOT NULL,
    PRIMARY KEY (session_id, unit_code)
);

-- That a unit voted, and when: public to the Board (members present). Never what it voted.
CREATE TABLE ballot_cast (
    session_id  UUID         NOT NULL,
    unit_code   VARCHAR(35)  NOT NULL,
    cast_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (session_id, unit_code),                -- exactly one ballot per unit
    FOREIGN KEY (session_id, unit_code) REFERENCES voting_voter (session_id, unit_code)
);

-- What was voted: the ballot box. Deliberately without voter, time or serial number.
CREATE TABLE ballot (
    session_id  UUID         NOT NULL REFERENCES voting_session (id),
    receipt     CHAR(64)     NOT NULL,                  -- hex SHA-256, also the voter's receipt
    choices     JSONB        NOT NULL,                  -- {"LEAD": {"000.00.32.H56": "FOR", ...}}
    PRIMARY KEY (session_id, receipt)
);

CREATE FUNCTION voting_session_published_is_final() RETURNS trigger AS $$
BEGIN
    IF OLD.status = 'PUBLISHED' THEN
        RAISE EXCEPTION 'voting session % is published and cannot change', OLD.id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER voting_session_final BEFORE UPDATE OR DELETE ON voting_session
    FOR EACH ROW EXECUTE FUNCTION voting_session_published_is_final();

-- Ballots and casts change only while their session is open: none after closing.
CREATE FUNCTION ballot_only_while_open() RETURNS trigger AS $$
DECLARE
    session_status VARCHAR(12);
BEGIN
    SELECT status INTO session_status FROM voting_session
     WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.session_id ELSE NEW.session_id END;
    IF session_status IS DISTINCT FROM 'OPEN' THEN
        RAISE EXCEPTION 'voting session is not open' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER ballot_while_open BEFORE INSERT OR UPDATE OR DELETE ON ballot
    FOR EACH ROW EXECUTE FUNCTION ballot_only_while_open();
CREATE TRIGGER ballot_cast_while_open BEFORE INSERT OR UPDATE OR DELETE ON ballot_cast
    FOR EACH ROW EXECUTE FUNCTION ballot_only_while_open();
