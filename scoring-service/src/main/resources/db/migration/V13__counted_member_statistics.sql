-- Member statistics counted from a unit's people in units-service (thidua.member-statistics.v1, issue 22):
-- the latest announcement per unit and year, and on the registration whether its statistics were
-- declared by the unit or counted from its people. Counted ones replace the declared; the declared stay
-- only where no people are registered.
CREATE TABLE counted_member_statistics (
    unit_code                    VARCHAR(35)  NOT NULL,
    year                         INTEGER      NOT NULL,
    members                      INTEGER      NOT NULL CHECK (members >= 0),
    completing_tasks             INTEGER      NOT NULL CHECK (completing_tasks BETWEEN 0 AND members),
    advanced_labour              INTEGER      NOT NULL CHECK (advanced_labour BETWEEN 0 AND members),
    grassroots_fighters          INTEGER      NOT NULL CHECK (grassroots_fighters BETWEEN 0 AND members),
    disciplined_warning_or_above INTEGER      NOT NULL CHECK (disciplined_warning_or_above BETWEEN 0 AND members),
    women                        INTEGER      NOT NULL CHECK (women BETWEEN 0 AND members),
    without_result               INTEGER      NOT NULL CHECK (without_result BETWEEN 0 AND members),
    version                      BIGINT       NOT NULL,
    received_at                  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (unit_code, year)
);

ALTER TABLE registration
    ADD COLUMN statistics_source VARCHAR(10) NOT NULL DEFAULT 'DECLARED' CHECK (statistics_source IN ('DECLARED', 'COUNTED'));
