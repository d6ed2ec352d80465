-- awards-service's own copy of the units, fed by thidua.units.v1
CREATE TABLE known_unit (
    code        VARCHAR(35)  PRIMARY KEY,
    name        VARCHAR(300) NOT NULL,
    version     BIGINT       NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);
