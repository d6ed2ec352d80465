-- Evidence (minh chứng) uploaded as files; a score names them by their link like any other evidence.
CREATE TABLE evidence_file (
    id            UUID          PRIMARY KEY,
    sheet_id      BIGINT        NOT NULL REFERENCES score_sheet (id),
    file_name     VARCHAR(255)  NOT NULL,
    content_type  VARCHAR(100)  NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    content       BYTEA         NOT NULL,
    uploaded_by   VARCHAR(100)  NOT NULL,
    uploaded_at   TIMESTAMPTZ   NOT NULL
);
CREATE INDEX evidence_file_sheet ON evidence_file (sheet_id);
