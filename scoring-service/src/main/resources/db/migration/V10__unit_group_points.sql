-- What each scored unit of a set has in each group, split by the kind of criterion: its final
-- points (the Board's value, else the peers' (trimmed) mean, else its own value, per criterion)
-- and the sum of each stage. A ranking reads these rows (about 180 for a cluster of 30 units)
-- instead of applying the final rule to 1,800 cells at every request (issue 10: a computed ranking
-- took 22 ms, most of it that rule). They are rewritten with the stage summary, for the one unit
-- whose sheet is submitted or reopened, and written as zeros when a set's sheets are opened. The
-- rule reads only what a published set can no longer change (its criteria and peer trim), so the
-- rows cannot go stale. The sums keep every digit of the peers' mean, as the rule gives them; they
-- are rounded where they are read, as before.
CREATE TABLE unit_group_points (
    set_id        BIGINT       NOT NULL REFERENCES criteria_set (id),
    unit_code     VARCHAR(35)  NOT NULL,
    group_id      BIGINT       NOT NULL REFERENCES criteria_group (id) ON DELETE CASCADE,
    kind          VARCHAR(20)  NOT NULL CHECK (kind IN ('STANDARD', 'BONUS', 'PENALTY')),
    final_points  NUMERIC      NOT NULL,
    self_points   NUMERIC      NOT NULL,
    peer_points   NUMERIC      NOT NULL,
    board_points  NUMERIC      NOT NULL,
    PRIMARY KEY (set_id, unit_code, group_id, kind)
);
CREATE INDEX unit_group_points_group ON unit_group_points (group_id);

-- the sets whose sheets were opened before this table existed: what the rule gives from their
-- stage summary (ScoreQueries.PER_CRITERION, for every set at once)
INSERT INTO unit_group_points (set_id, unit_code, group_id, kind, final_points, self_points, peer_points, board_points)
SELECT set_id, unit_code, group_id, kind,
       sum(COALESCE(board_points, peer_points, self_points, 0)),
       sum(COALESCE(self_points, 0)), sum(COALESCE(peer_points, 0)), sum(COALESCE(board_points, 0))
FROM (
    SELECT u.set_id, u.unit_code, g.id AS group_id, c.kind,
           own.total AS self_points,
           CASE WHEN peers.submitted IS NULL THEN NULL
                WHEN cs.peer_trim_extremes AND peers.submitted >= 3
                     THEN (peers.total - peers.highest - peers.lowest) / (peers.submitted::bigint - 2)
                ELSE peers.total / peers.submitted::bigint END AS peer_points,
           board.total AS board_points
    FROM (SELECT DISTINCT set_id, unit_code FROM score_sheet) u
    JOIN criteria_set cs ON cs.id = u.set_id
    JOIN criteria_group g ON g.set_id = u.set_id
    JOIN criterion c ON c.group_id = g.id
    LEFT JOIN criterion_stage_summary own ON own.set_id = u.set_id AND own.unit_code = u.unit_code
         AND own.criterion_id = c.id AND own.stage = 'SELF'
    LEFT JOIN criterion_stage_summary peers ON peers.set_id = u.set_id AND peers.unit_code = u.unit_code
         AND peers.criterion_id = c.id AND peers.stage = 'PEER'
    LEFT JOIN criterion_stage_summary board ON board.set_id = u.set_id AND board.unit_code = u.unit_code
         AND board.criterion_id = c.id AND board.stage = 'BOARD'
) per_criterion
GROUP BY set_id, unit_code, group_id, kind;
