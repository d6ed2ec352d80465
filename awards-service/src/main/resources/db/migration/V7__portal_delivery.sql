-- Deliveries of proposals to the Department of Home Affairs portal (docs/portal.md): one row for
-- each step that goes there (SUBMITTED, FORWARDED), written in the step's own transaction and sent
-- afterwards under its own idempotency key, retried with backoff until the portal has it.

CREATE TABLE portal_delivery (
    id                BIGSERIAL     PRIMARY KEY,
    proposal_id       BIGINT        NOT NULL REFERENCES proposal (id),
    transition_id     BIGINT        NOT NULL UNIQUE REFERENCES proposal_transition (id),
    from_status       VARCHAR(20),
    to_status         VARCHAR(20)   NOT NULL CHECK (to_status IN ('SUBMITTED', 'FORWARDED')),
    moved_at          TIMESTAMPTZ   NOT NULL,
    idempotency_key   UUID          NOT NULL UNIQUE,
    proposal          JSONB         NOT NULL,          -- the proposal as it stood at the step
    files             JSONB         NOT NULL,          -- its dossier's files then: id, kind, name, sha256, size
    state             VARCHAR(10)   NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts          INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at   TIMESTAMPTZ   NOT NULL,          -- PENDING: due then; while an attempt runs, its lease ends then
    claim             UUID,                            -- the attempt in flight, if any
    last_attempt_at   TIMESTAMPTZ,
    last_status       INTEGER,                         -- the portal's HTTP status; null when it did not answer
    last_error        VARCHAR(2000),
    delivered_at      TIMESTAMPTZ,
    portal_reference  VARCHAR(200),                    -- the portal's own reference for the dossier
    retried_by        VARCHAR(100),                    -- the Board officer who last sent a FAILED delivery again
    retried_at        TIMESTAMPTZ,
    created_at        TIMESTAMPTZ   NOT NULL,
    CHECK ((state = 'DELIVERED') = (delivered_at IS NOT NULL))
);
-- what the deliverer claims: due PENDING rows, oldest first
CREATE INDEX portal_delivery_due ON portal_delivery (next_attempt_at, id) WHERE state = 'PENDING';
CREATE INDEX portal_delivery_proposal ON portal_delivery (proposal_id, id);
