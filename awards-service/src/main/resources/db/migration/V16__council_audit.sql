-- Who changed a Council session, when, and how it stood before and after each step (created, agenda, attendance,
-- opened, closed, published): append-only. The ballots themselves are not here: council_ballot_cast keeps who voted
-- and when, council_ballot what was voted, and nothing joins the two.
CREATE TABLE council_session_audit (
    id          BIGSERIAL     PRIMARY KEY,
    session_id  UUID          NOT NULL REFERENCES council_session (id),
    action      VARCHAR(12)   NOT NULL CHECK (action IN ('CREATED', 'AGENDA', 'ATTENDANCE', 'OPENED', 'CLOSED', 'PUBLISHED')),
    before      JSONB,
    after       JSONB         NOT NULL,
    actor       VARCHAR(100)  NOT NULL,
    at          TIMESTAMPTZ   NOT NULL
);
CREATE INDEX council_session_audit_session ON council_session_audit (session_id, id);

CREATE FUNCTION council_session_audit_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the Council''s audit trail is append-only' USING ERRCODE = 'integrity_constraint_violation';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER council_session_audit_append_only BEFORE UPDATE OR DELETE ON council_session_audit
    FOR EACH ROW EXECUTE FUNCTION council_session_audit_is_append_only();
