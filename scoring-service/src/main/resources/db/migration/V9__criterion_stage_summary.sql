-- What the submitted sheets of one stage give one criterion of one scored unit: how many values,
-- their sum, the highest and the lowest. That is all the final rule needs (self value, board
-- value, peers' mean with or without the extremes), so a ranking reads one row per unit, criterion
-- and stage instead of every score (issue 10: 1,800 rows instead of 55,800 for 30 units × 60
-- criteria). SheetService rewrites a (set, unit, stage)'s rows in the transaction that submits or
-- reopens one of its sheets; scores change only while their sheet is open, so nothing else can
-- make these rows stale. A cell with no submitted value has no row, as it had no score before.
CREATE TABLE criterion_stage_summary (
    set_id        BIGINT         NOT NULL REFERENCES criteria_set (id),
    unit_code     VARCHAR(35)    NOT NULL,
    criterion_id  BIGINT         NOT NULL REFERENCES criterion (id),
    stage         VARCHAR(10)    NOT NULL CHECK (stage IN ('SELF', 'PEER', 'BOARD')),
    submitted     INTEGER        NOT NULL CHECK (submitted > 0),
    total         NUMERIC(12, 2) NOT NULL,
    highest       NUMERIC(9, 2)  NOT NULL,
    lowest        NUMERIC(9, 2)  NOT NULL,
    PRIMARY KEY (set_id, unit_code, criterion_id, stage)
);
CREATE INDEX criterion_stage_summary_criterion ON criterion_stage_summary (criterion_id);

-- the sheets submitted before this table existed
INSERT INTO criterion_stage_summary (set_id, unit_code, criterion_id, stage, submitted, total, highest, lowest)
SELECT s.set_id, s.unit_code, sc.criterion_id, s.stage, count(*), sum(sc.points), max(sc.points), min(sc.points)
FROM score_sheet s JOIN score sc ON sc.sheet_id = s.id
WHERE s.status = 'SUBMITTED'
GROUP BY s.set_id, s.unit_code, sc.criterion_id, s.stage;
