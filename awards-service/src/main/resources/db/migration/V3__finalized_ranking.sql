-- The finalized rankings of cluster-years, as scoring-service publishes them: the ground that
-- votes and proposals stand on (candidates, "ranks first", minimum points).
CREATE TABLE finalized_ranking (
    cluster_id            BIGINT        PRIMARY KEY,       -- units-service's cluster-year id
    cluster_code          VARCHAR(20)   NOT NULL,
    cluster_name          VARCHAR(300)  NOT NULL,
    kind                  VARCHAR(10)   NOT NULL,
    year                  INTEGER       NOT NULL,
    criteria_set_id       BIGINT        NOT NULL,
    criteria_set_version  BIGINT        NOT NULL,          -- a newer finalization replaces an older one
    finalized_at          TIMESTAMPTZ   NOT NULL,
    ranking               JSONB         NOT NULL           -- [{rank, unitCode, total, band, tieBreak}]
);
CREATE INDEX finalized_ranking_year ON finalized_ranking (year, cluster_code);
