-- The effect InboxProbe's handler writes in the inbox's transaction: one row per application of an event.
CREATE TABLE inbox_it_effect (
    id       BIGSERIAL    PRIMARY KEY,
    event_id VARCHAR(64)  NOT NULL,
    note     VARCHAR(200) NOT NULL
);
