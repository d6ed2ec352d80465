-- The provincial Emulation & Commendation Council (Hội đồng Thi đua – Khen thưởng tỉnh): its members for a
-- term, its sessions, what each session reviews (the agenda: award proposals) and its secret ballot.
-- The ballot is kept as the cluster's vote keeps its own (V4__voting.sql): council_ballot_cast says WHO voted,
-- council_ballot says WHAT was voted, with no voter, time or order, and the box is rewritten in random order
-- at every cast (vote.SecretBallotBox). One ballot per member is the primary key; ballots only while the
-- session is open and nothing after publication are triggers, so they hold even when requests race.

CREATE TABLE council_term (
    id               BIGSERIAL     PRIMARY KEY,
    name             VARCHAR(300)  NOT NULL,
    serves_from      DATE          NOT NULL,
    serves_to        DATE          NOT NULL,
    decision_number  VARCHAR(300)  NOT NULL,            -- the decision that set the Council up for the term
    decision_date    DATE          NOT NULL,
    created_by       VARCHAR(100)  NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL,
    CHECK (serves_to >= serves_from)
);

CREATE TABLE council_member (
    id            VARCHAR(36)   PRIMARY KEY,            -- the 'member' claim of a council-member token
    term_id       BIGINT        NOT NULL REFERENCES council_term (id),
    full_name     VARCHAR(200)  NOT NULL,
    position      VARCHAR(300),                         -- office held, e.g. "Giám đốc Sở Nội vụ"
    council_role  VARCHAR(20)   NOT NULL CHECK (council_role IN ('CHAIR', 'VICE_CHAIR', 'STANDING_MEMBER', 'SECRETARY', 'MEMBER')),
    standing      BOOLEAN       NOT NULL,               -- chair, vice-chairs and standing members
    created_by    VARCHAR(100)  NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL,
    CHECK (standing = (council_role IN ('CHAIR', 'VICE_CHAIR', 'STANDING_MEMBER')))
);
CREATE INDEX council_member_term ON council_member (term_id);

CREATE TABLE council_session (
    id            UUID          PRIMARY KEY,
    year          INTEGER       NOT NULL,               -- the emulation year whose candidates are reviewed
    term_id       BIGINT        NOT NULL REFERENCES council_term (id),
    body          VARCHAR(20)   NOT NULL CHECK (body IN ('COUNCIL', 'STANDING_MEMBERS')),
    held_on       DATE          NOT NULL,
    place         VARCHAR(300)  NOT NULL,
    status        VARCHAR(12)   NOT NULL CHECK (status IN ('SCHEDULED', 'OPEN', 'CLOSED', 'PUBLISHED')),
    opened_at     TIMESTAMPTZ,
    closed_at     TIMESTAMPTZ,
    published_at  TIMESTAMPTZ,
    result        JSONB,                                -- totals only (CouncilResult), set at closing
    minutes_pdf   BYTEA,                                -- the minutes as published: never rendered again
    version       BIGINT        NOT NULL,
    created_by    VARCHAR(100)  NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL,
    CHECK ((status IN ('CLOSED', 'PUBLISHED')) = (result IS NOT NULL)),
    CHECK ((status = 'PUBLISHED') = (minutes_pdf IS NOT NULL))
);
CREATE INDEX council_session_year ON council_session (year, held_on);

-- The candidates: each a proposal, as it stood when put on the agenda (the minutes show this).
CREATE TABLE council_agenda_item (
    session_id       UUID          NOT NULL REFERENCES council_session (id),
    proposal_id      BIGINT        NOT NULL REFERENCES proposal (id),
    position         INTEGER       NOT NULL,
    unit_code        VARCHAR(35)   NOT NULL,
    award_type_code  VARCHAR(40)   NOT NULL,
    rule_set_id      BIGINT        NOT NULL REFERENCES rule_set (id),
    cluster_id       BIGINT        NOT NULL,
    cluster_code     VARCHAR(20)   NOT NULL,
    cluster_name     VARCHAR(300),
    ranking_rank     INTEGER,
    ranking_total    NUMERIC(8, 2),
    PRIMARY KEY (session_id, proposal_id)
);
CREATE INDEX council_agenda_item_proposal ON council_agenda_item (proposal_id);

-- Who the Board records as present, and who answered in writing (absent members' written opinions).
CREATE TABLE council_attendance (
    session_id  UUID         NOT NULL REFERENCES council_session (id),
    member_id   VARCHAR(36)  NOT NULL REFERENCES council_member (id),
    attendance  VARCHAR(10)  NOT NULL CHECK (attendance IN ('PRESENT', 'WRITTEN')),
    PRIMARY KEY (session_id, member_id)
);

-- The roll, fixed when the session opens: the term's members then (only the standing ones for STANDING_MEMBERS).
CREATE TABLE council_roll (
    session_id  UUID         NOT NULL REFERENCES council_session (id),
    member_id   VARCHAR(36)  NOT NULL REFERENCES council_member (id),
    PRIMARY KEY (session_id, member_id)
);

-- That a member voted (or that the Board recorded its written opinion), and when. Never what.
CREATE TABLE council_ballot_cast (
    session_id  UUID         NOT NULL,
    member_id   VARCHAR(36)  NOT NULL,
    cast_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (session_id, member_id),                -- exactly one ballot per member
    FOREIGN KEY (session_id, member_id) REFERENCES council_roll (session_id, member_id)
);

-- What was voted: {"<proposalId>": "FOR" | "AGAINST" | "ABSTAIN", ...}. Deliberately without member, time or serial.
CREATE TABLE council_ballot (
    session_id  UUID         NOT NULL REFERENCES council_session (id),
    receipt     CHAR(64)     NOT NULL,
    choices     JSONB        NOT NULL,
    PRIMARY KEY (session_id, receipt)
);

CREATE FUNCTION council_session_published_is_final() RETURNS trigger AS $$
BEGIN
    IF OLD.status = 'PUBLISHED' THEN
        RAISE EXCEPTION 'council session % is published and cannot change', OLD.id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER council_session_final BEFORE UPDATE OR DELETE ON council_session
    FOR EACH ROW EXECUTE FUNCTION council_session_published_is_final();

CREATE FUNCTION council_ballot_only_while_open() RETURNS trigger AS $$
DECLARE
    session_status VARCHAR(12);
BEGIN
    SELECT status INTO session_status FROM council_session
     WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.session_id ELSE NEW.session_id END;
    IF session_status IS DISTINCT FROM 'OPEN' THEN
        RAISE EXCEPTION 'council session is not open' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER council_ballot_while_open BEFORE INSERT OR UPDATE OR DELETE ON council_ballot
    FOR EACH ROW EXECUTE FUNCTION council_ballot_only_while_open();
CREATE TRIGGER council_ballot_cast_while_open BEFORE INSERT OR UPDATE OR DELETE ON council_ballot_cast
    FOR EACH ROW EXECUTE FUNCTION council_ballot_only_while_open();
