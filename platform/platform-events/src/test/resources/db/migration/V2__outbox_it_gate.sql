-- OutboxRelayIT's gate: deleting an outbox row whose key is 'gate-<n>' waits while the test holds advisory
-- lock 4200 + n, as a slow database would. It lets the test stop a relay right after it sent that row, at a
-- moment the test chooses. Rows of every other key are not touched.
CREATE FUNCTION outbox_it_gate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(4200 + substr(OLD.message_key, 6)::int);
    RETURN OLD;
END
$$;

CREATE TRIGGER outbox_it_gate BEFORE DELETE ON outbox
    FOR EACH ROW WHEN (OLD.message_key LIKE 'gate-%') EXECUTE FUNCTION outbox_it_gate();
