-- Emulation movements (phong trào thi đua): launched by the Board or by one cluster-year, for listed
-- cluster-years or the whole province, contributing to criteria sets.

CREATE TABLE movement (
    id                    BIGSERIAL     PRIMARY KEY,
    name                  VARCHAR(300)  NOT NULL,
    kind                  VARCHAR(20)   NOT NULL CHECK (kind IN ('REGULAR', 'THEMATIC')),
    launched_by           VARCHAR(10)   NOT NULL CHECK (launched_by IN ('BOARD', 'CLUSTER')),
    launching_cluster_id  BIGINT,                               -- units-service's cluster-year id
    all_clusters          BOOLEAN       NOT NULL,
    start_date            DATE          NOT NULL,               -- Vietnamese calendar dates, both included
    end_date              DATE          NOT NULL,
    goals                 JSONB         NOT NULL,               -- ["goal", ...], in the order given
    version               BIGINT        NOT NULL,
    created_at            TIMESTAMPTZ   NOT NULL,
    created_by            VARCHAR(100)  NOT NULL,
    updated_at            TIMESTAMPTZ   NOT NULL,
    updated_by            VARCHAR(100)  NOT NULL,
    CHECK (end_date >= start_date),
    CHECK ((launched_by = 'BOARD') = (launching_cluster_id IS NULL)),
    CHECK (kind <> 'REGULAR' OR EXTRACT(YEAR FROM start_date) = EXTRACT(YEAR FROM end_date))
);
CREATE INDEX movement_period ON movement (start_date, end_date);
CREATE INDEX movement_launching_cluster ON movement (launching_cluster_id);

CREATE TABLE movement_participant (
    movement_id  BIGINT  NOT NULL REFERENCES movement (id) ON DELETE CASCADE,
    cluster_id   BIGINT  NOT NULL,                              -- units-service's cluster-year id
    PRIMARY KEY (movement_id, cluster_id)
);
CREATE INDEX movement_participant_cluster ON movement_participant (cluster_id);

CREATE TABLE movement_criteria_set (
    movement_id      BIGINT  NOT NULL REFERENCES movement (id) ON DELETE CASCADE,
    criteria_set_id  BIGINT  NOT NULL REFERENCES criteria_set (id),
    PRIMARY KEY (movement_id, criteria_set_id)
);
CREATE INDEX movement_criteria_set_set ON movement_criteria_set (criteria_set_id);
