package vn.thidua.awards.vote;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.thidua.awards.ranking.RankingFinalized;

/** Voting sessions in memory, as plain tests need them: a cluster-year's vote to lead and propose, changed where a test says. */
final class VotingSessionMother {
    static final String A = "000.00.31.H56";
    static final String B = "000.00.32.H56";
    static final String C = "000.00.33.H56";
    /** 09:00 on 10 January 2017 in Vietnam: the session opens at 08:00 and closes at 11:00 that day. */
    static final Instant NOW = Instant.parse("2017-01-10T02:00:00Z");
    static final LocalDateTime OPENS = LocalDateTime.of(2017, 1, 10, 8, 0);
    static final LocalDateTime CLOSES = LocalDateTime.of(2017, 1, 10, 11, 0);

    private UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private Purpose purpose = Purpose.LEAD_AND_PROPOSE;
    private List<String> candidates = List.of(A, B);
    private int places = 1;
    private Integer leadsYear;
    private List<RankingFinalized.Entry> ranking = new ArrayList<>();
    private SessionStatus status = SessionStatus.SCHEDULED;

    private VotingSessionMother() {
    }

    static VotingSessionMother aVoteToLead() {
        return new VotingSessionMother();
    }

    static VotingSessionMother anElection() {
        VotingSessionMother mother = new VotingSessionMother();
        mother.purpose = Purpose.ELECT_LEADERSHIP;
        return mother;
    }

    VotingSessionMother id(UUID id) {
        this.id = id;
        return this;
    }

    VotingSessionMother candidates(String... units) {
        this.candidates = List.of(units);
        return this;
    }

    VotingSessionMother places(int places) {
        this.places = places;
        return this;
    }

    VotingSessionMother ranked(int rank, String unit, String total) {
        ranking.add(new RankingFinalized.Entry(rank, unit, new java.math.BigDecimal(total), null, null));
        return this;
    }

    VotingSessionMother in(SessionStatus status) {
        this.status = status;
        return this;
    }

    VotingSession build() {
        VotingSession session = VotingSession.schedule(id, 3L, "CUM-1", "Cụm thi đua số 1", "CLUSTER", 2016, purpose, OPENS, CLOSES,
                "board-officer", NOW.minusSeconds(86_400));
        if (purpose == Purpose.LEAD_AND_PROPOSE) {
            session.leadAndPropose("CO_THI_DUA_CHINH_PHU", candidates, places, ranking);
        } else {
            session.electLeadershipFor(leadsYear);
            session.addCandidates(Contest.LEADER, candidates, ranking);
        }
        session.ruleSetId = 11L;
        session.status = status;
        return session;
    }
}
