-- platform-clusters: the consuming service's own copy of the cluster-years (cụm / khối thi đua per
-- year), fed by thidua.clusters.v1. Each service that uses it adds db/clusters to quarkus.flyway.locations.
-- id is units-service's cluster-year id; version is the producer's, so older events are ignored.
CREATE TABLE known_cluster (
    id                BIGINT       PRIMARY KEY,
    code              VARCHAR(20)  NOT NULL,
    name              VARCHAR(300) NOT NULL,
    kind              VARCHAR(10)  NOT NULL CHECK (kind IN ('CLUSTER', 'BLOCK')),
    year              INTEGER      NOT NULL,
    leader_unit_code  VARCHAR(35),
    deputy_unit_code  VARCHAR(35),
    version           BIGINT       NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL
);

-- the list: by year, in code order
CREATE INDEX known_cluster_year_code ON known_cluster (year, code);

-- current members, replaced as a whole with every newer event
CREATE TABLE known_cluster_member (
    cluster_id  BIGINT      NOT NULL REFERENCES known_cluster (id) ON DELETE CASCADE,
    unit_code   VARCHAR(35) NOT NULL,
    PRIMARY KEY (cluster_id, unit_code)
);

-- "which cluster-year is this unit in?"
CREATE INDEX known_cluster_member_unit_code ON known_cluster_member (unit_code);
