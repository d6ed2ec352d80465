-- Shared by every service that publishes or consumes events; each service runs it in its own database.
-- Versions 0.x are the platform's; a service's own migrations start at 1.

-- Events written in the same transaction as the change they announce; the relay moves them to Kafka
-- and deletes them. A row here is an event not yet acknowledged by the broker.
CREATE TABLE outbox (
    id          BIGSERIAL    PRIMARY KEY,
    event_id    VARCHAR(64)  NOT NULL UNIQUE,
    event_type  VARCHAR(200) NOT NULL,
    topic       VARCHAR(249) NOT NULL,
    message_key VARCHAR(255) NOT NULL,
    payload     TEXT         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Events already applied by this service; a redelivery finds its id here and changes nothing.
-- CloudEvents are unique by source and id.
CREATE TABLE inbox (
    source      VARCHAR(255) NOT NULL,
    event_id    VARCHAR(64)  NOT NULL,
    event_type  VARCHAR(200) NOT NULL,
    handled_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (source, event_id)
);
