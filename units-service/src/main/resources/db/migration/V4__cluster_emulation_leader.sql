-- The units a cluster-year recognised as leading its emulation that year (đơn vị dẫn đầu cụm/khối thi
-- đua, voted by suy tôn): not the rotating chair (cụm trưởng, leader_unit_code). The Government flag
-- goes only to such units, at most 20 % of them province-wide, so each one says where it came from:
-- VOTE (awards-service's published vote, voting_session_id) or RECORDED (entered by the Board for a
-- cluster that voted on paper, reference = the minutes' number and date). position keeps the order
-- given (most votes first for a vote).
CREATE TABLE cluster_emulation_leader (
    cluster_year_id   BIGINT       NOT NULL REFERENCES cluster_year (id),
    position          INTEGER      NOT NULL,
    unit_code         VARCHAR(35)  NOT NULL REFERENCES unit (code),
    basis             VARCHAR(10)  NOT NULL,
    reference         VARCHAR(300),
    voting_session_id VARCHAR(100),
    PRIMARY KEY (cluster_year_id, position),
    CONSTRAINT cluster_emulation_leader_once UNIQUE (cluster_year_id, unit_code),
    CONSTRAINT cluster_emulation_leader_basis_known CHECK (basis IN ('VOTE', 'RECORDED')),
    CONSTRAINT cluster_emulation_leader_vote_has_session CHECK ((basis = 'VOTE') = (voting_session_id IS NOT NULL)),
    CONSTRAINT cluster_emulation_leader_recorded_has_reference CHECK (basis = 'VOTE' OR reference IS NOT NULL)
);

-- Every "lead and propose" vote (vn.thidua.awards.VoteConcluded) received, and the round it belongs
-- to: a runoff completes the session it follows, so its elected are added to that round's, while a
-- new first-round session starts over.
CREATE TABLE cluster_emulation_vote (
    voting_session_id VARCHAR(100) PRIMARY KEY,
    round_session_id  VARCHAR(100) NOT NULL,
    cluster_year_id   BIGINT       NOT NULL REFERENCES cluster_year (id),
    event_source      VARCHAR(255) NOT NULL,
    event_id          VARCHAR(64)  NOT NULL,
    received_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX cluster_emulation_vote_round ON cluster_emulation_vote (round_session_id);
