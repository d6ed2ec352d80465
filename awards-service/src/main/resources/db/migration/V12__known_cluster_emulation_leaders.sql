-- platform-clusters' read model: the units each known cluster-year recognised as leading its emulation
-- (đơn vị dẫn đầu cụm/khối; thidua.clusters.v1 field emulationLeaders), replaced as a whole with every
-- newer event. Here rather than in db/clusters: a platform migration numbered below this service's
-- already-applied ones would be refused as out of order on an existing database.
CREATE TABLE known_cluster_emulation_leader (
    cluster_id  BIGINT      NOT NULL REFERENCES known_cluster (id) ON DELETE CASCADE,
    unit_code   VARCHAR(35) NOT NULL,
    PRIMARY KEY (cluster_id, unit_code)
);

-- "did this unit lead its cluster's emulation that year?"
CREATE INDEX known_cluster_emulation_leader_unit_code ON known_cluster_emulation_leader (unit_code);
