-- A unit's year-end member statistics (Decree 152: the Excellent and Advanced Labour Collective
-- titles are conditioned on member shares), kept with its registration so that they share its
-- version: all six figures or none, and the Board's confirmation of them.
ALTER TABLE registration
    ADD COLUMN members                      INTEGER,
    ADD COLUMN completing_tasks             INTEGER,      -- members who completed their tasks
    ADD COLUMN advanced_labour              INTEGER,      -- holders of "Lao động tiên tiến"
    ADD COLUMN grassroots_fighters          INTEGER,      -- holders of "Chiến sĩ thi đua cơ sở"
    ADD COLUMN disciplined_warning_or_above INTEGER,      -- disciplined at "cảnh cáo" or above
    ADD COLUMN women                        INTEGER,
    ADD COLUMN statistics_confirmed_by      VARCHAR(100),
    ADD COLUMN statistics_confirmed_at      TIMESTAMPTZ,
    ADD CONSTRAINT registration_member_statistics CHECK (
        (members IS NULL AND completing_tasks IS NULL AND advanced_labour IS NULL AND grassroots_fighters IS NULL
             AND disciplined_warning_or_above IS NULL AND women IS NULL AND statistics_confirmed_at IS NULL)
        OR (members BETWEEN 1 AND 1000000
             AND completing_tasks BETWEEN 0 AND members AND advanced_labour BETWEEN 0 AND members
             AND grassroots_fighters BETWEEN 0 AND members AND disciplined_warning_or_above BETWEEN 0 AND members
             AND women BETWEEN 0 AND members)),
    ADD CONSTRAINT registration_statistics_confirmation CHECK ((statistics_confirmed_by IS NULL) = (statistics_confirmed_at IS NULL));

-- Decree 152 Art. 4(6): among equally qualified collectives, prefer one with at least this share
-- of women (70 % in 2025); the tie-break WOMEN_SHARE needs it, and a later decree may change it.
ALTER TABLE criteria_set
    ADD COLUMN women_share_threshold_percent NUMERIC(5, 2)
        CHECK (women_share_threshold_percent > 0 AND women_share_threshold_percent <= 100);
