package vn.thidua.awards.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.thidua.awards.vote.VotingSessionMother.A;
import static vn.thidua.awards.vote.VotingSessionMother.B;
import static vn.thidua.awards.vote.VotingSessionMother.C;
import static vn.thidua.awards.vote.VotingSessionMother.NOW;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.thidua.awards.catalogue.RuleSetDefinition.VotingBasis;
import vn.thidua.awards.catalogue.RuleSetDefinition.VotingRules;
import vn.thidua.platform.domain.Refusal;

/** A voting session's life as its aggregate takes it, without Quarkus: each step checks itself and says what happened. */
class VotingSessionTransitionsTest {
    /** More than half of all members, two thirds quorum, runoff allowed. */
    static final VotingRules MAJORITY = new VotingRules(true, BigDecimal.valueOf(66.67), BigDecimal.valueOf(50), VotingBasis.ALL_MEMBERS,
            true, true);

    @Test
    void aScheduledSessionHasItsTimesInVietnamAndClosesAfterNow() {
        VotingSession session = VotingSessionMother.aVoteToLead().ranked(1, A, "97.50").build();
        assertEquals(SessionStatus.SCHEDULED, session.status);
        assertEquals(Instant.parse("2017-01-10T01:00:00Z"), session.opensAt);
        assertEquals(Instant.parse("2017-01-10T04:00:00Z"), session.closesAt);
        assertEquals(1, session.candidates.get(0).rankingRank);
        assertNull(session.candidates.get(1).rankingRank, "not in the ranking");

        Refusal backwards = assertThrows(Refusal.class, () -> VotingSession.schedule(UUID.randomUUID(), 3L, "CUM-1", "Cụm 1", "CLUSTER",
                2016, Purpose.LEAD_AND_PROPOSE, VotingSessionMother.CLOSES, VotingSessionMother.OPENS, "b", NOW));
        assertEquals("invalid-voting-session", backwards.type());
        assertEquals("voting.times.order", backwards.messageKey());
        Refusal past = assertThrows(Refusal.class, () -> VotingSession.schedule(UUID.randomUUID(), 3L, "CUM-1", "Cụm 1", "CLUSTER",
                2016, Purpose.LEAD_AND_PROPOSE, VotingSessionMother.OPENS, VotingSessionMother.CLOSES, "b", Instant.parse("2017-01-11T00:00:00Z")));
        assertEquals("voting.times.order", past.messageKey());
        assertEquals("voting.times.required", assertThrows(Refusal.class, () -> VotingSession.schedule(UUID.randomUUID(), 3L, "CUM-1",
                "Cụm 1", "CLUSTER", 2016, Purpose.LEAD_AND_PROPOSE, null, VotingSessionMother.CLOSES, "b", NOW)).messageKey());
    }

    @Test
    void placesAreBetweenOneAndTheCandidatesAndAnElectionLeadsThisYearOrTheNext() {
        assertEquals("voting.places.range", assertThrows(Refusal.class,
                () -> VotingSessionMother.aVoteToLead().candidates(A, B).places(3).build()).messageKey());
        assertEquals("voting.places.range", assertThrows(Refusal.class,
                () -> VotingSessionMother.aVoteToLead().places(0).build()).messageKey());
        VotingSession election = VotingSessionMother.anElection().build();
        assertEquals(2017, election.leadsYear, "the next year when not said");
        election.electLeadershipFor(2016);
        assertEquals(2016, election.leadsYear);
        assertEquals("voting.leads-year.range", assertThrows(Refusal.class, () -> election.electLeadershipFor(2018)).messageKey());
    }

    @Test
    void openingFixesTheRollOnlyFromScheduledBeforeTheClosingTimeAndWithMembers() {
        VotingSession session = VotingSessionMother.aVoteToLead().build();
        assertEquals("voting.no-members", assertThrows(Refusal.class, () -> session.open(List.of(), NOW)).messageKey());
        assertEquals("voting.closing-time-passed",
                assertThrows(Refusal.class, () -> session.open(List.of(A, B, C), session.closesAt)).messageKey());
        assertEquals(SessionStatus.SCHEDULED, session.status, "a refusal changes nothing");

        VotingSession.SessionMoved opened = session.open(List.of(A, B, C), NOW);
        assertEquals(new VotingSession.SessionMoved(session.id, SessionStatus.SCHEDULED, SessionStatus.OPEN, NOW), opened);
        assertEquals(NOW, session.openedAt);
        Refusal again = assertThrows(Refusal.class, () -> session.open(List.of(A), NOW));
        assertEquals(Refusal.Nature.STATE, again.nature());
        assertEquals("voting-session-state", again.type());
    }

    @Test
    void ballotsAreTakenOnlyWhileOpenAndBetweenTheTimes() {
        VotingSession session = VotingSessionMother.aVoteToLead().build();
        assertEquals("voting.not-open", assertThrows(Refusal.class, () -> session.requireOpenForBallotsAt(NOW)).messageKey());
        session.open(List.of(A, B, C), session.opensAt.minusSeconds(600));
        assertEquals("voting.not-yet-open",
                assertThrows(Refusal.class, () -> session.requireOpenForBallotsAt(session.opensAt.minusSeconds(1))).messageKey());
        session.requireOpenForBallotsAt(NOW);
        assertEquals("voting.not-open", assertThrows(Refusal.class, () -> session.requireOpenForBallotsAt(session.closesAt)).messageKey());
    }

    @Test
    void closingBeforeTheClosingTimeWaitsForTheWholeRollThenTheBallotsAreCounted() {
        VotingSession session = VotingSessionMother.aVoteToLead().build();
        assertEquals("voting-session-state", assertThrows(Refusal.class, () -> session.close(3, 3, List.of(), MAJORITY, NOW)).type());
        session.open(List.of(A, B, C), NOW);
        List<Ballot> ballots = ballots(session, A, A, B);
        Refusal early = assertThrows(Refusal.class, () -> session.close(3, 2, ballots.subList(0, 2), MAJORITY, NOW));
        assertEquals("voting-early-close", early.type());
        assertEquals(SessionStatus.OPEN, session.status);

        VotingSession.SessionMoved closed = session.close(3, 3, ballots, MAJORITY, NOW);
        assertEquals(SessionStatus.CLOSED, closed.to());
        assertEquals(NOW, session.closedAt);
        assertEquals(List.of(A), session.result.elected(Contest.LEAD));

        VotingSession late = VotingSessionMother.aVoteToLead().build();
        late.open(List.of(A, B, C), NOW);
        late.close(3, 1, ballots(late, A), MAJORITY, late.closesAt);
        assertEquals(SessionStatus.CLOSED, late.status, "after the closing time whoever voted is counted");
    }

    @Test
    void publishingTellsTheResultAndForAnElectionItsLeader() {
        VotingSession vote = closed(VotingSessionMother.aVoteToLead().build(), A, A, B);
        VotingSession.Published published = vote.publish("Luật Thi đua, khen thưởng 2022", List.of(A, B, C), Map.of(Contest.LEAD, A), NOW);
        assertEquals(SessionStatus.PUBLISHED, vote.status);
        assertEquals(NOW, vote.publishedAt);
        assertEquals(vote.id, published.concluded().votingSessionId());
        assertEquals("Luật Thi đua, khen thưởng 2022", published.concluded().legalBasis());
        assertEquals(vote.result, published.concluded().result());
        assertTrue(published.leaderElected().isEmpty(), "a vote to lead and propose elects no cluster leader");
        assertEquals("voting-session-state", assertThrows(Refusal.class, () -> vote.publish("x", List.of(), Map.of(), NOW)).type());

        VotingSession election = VotingSessionMother.anElection().candidates(A, B).build();
        election.open(List.of(A, B, C), NOW);
        election.close(3, 3, List.of(), MAJORITY, NOW);
        VotingSession.Published elected = election.publish("Quy chế cụm", List.of(A, B, C), Map.of(Contest.LEADER, B, Contest.DEPUTY, A), NOW);
        VotingEvents.ClusterLeaderElected leader = elected.leaderElected().orElseThrow();
        assertEquals(B, leader.leaderUnitCode());
        assertEquals(A, leader.deputyUnitCode());
        assertEquals(2017, leader.year());
    }

    @Test
    void aRunoffSettlesTheOpenPlacesWithoutThoseElectedAlready() {
        VotingSession vote = closed(VotingSessionMother.aVoteToLead().candidates(A, B, C).places(2).build(), A, A, B);
        assertEquals("voting-session-state", assertThrows(Refusal.class, vote::requireRunoffNeeded).type());
        vote.publish("x", List.of(A, B, C), Map.of(), NOW);
        assertEquals(VoteResult.Outcome.RUNOFF_NEEDED, vote.result.outcome());
        Map<UUID, VotingSession> stored = new HashMap<>(Map.of(vote.id, vote));

        VotingSession runoff = vote.runoff(UUID.randomUUID(), LocalDateTime.of(2017, 1, 12, 8, 0), LocalDateTime.of(2017, 1, 12, 11, 0),
                stored::get, List.of(), "board-officer", NOW);
        assertEquals(vote.id, runoff.runoffOf);
        assertEquals(SessionStatus.SCHEDULED, runoff.status);
        assertEquals(vote.ruleSetId, runoff.ruleSetId);
        assertEquals(1, runoff.leadPlaces, "one of two places was filled");
        assertTrue(runoff.candidates.stream().noneMatch(c -> c.unitCode.equals(A)), "A is elected already");

        VotingSession decided = closed(VotingSessionMother.aVoteToLead().build(), A, A, A);
        decided.publish("x", List.of(A, B, C), Map.of(), NOW);
        assertEquals("runoff-not-needed", assertThrows(Refusal.class, decided::requireRunoffNeeded).type());
    }

    @Test
    void theChainOfRunoffsElectsTheFirstOfEachContestAndNeverTheLeaderAsDeputy() {
        VotingSession first = VotingSessionMother.anElection().id(UUID.randomUUID()).build();
        first.result = result(Map.of(Contest.LEADER, List.of(A), Contest.DEPUTY, List.of()));
        VotingSession second = VotingSessionMother.anElection().id(UUID.randomUUID()).build();
        second.runoffOf = first.id;
        second.result = result(Map.of(Contest.DEPUTY, List.of(A)));
        Map<UUID, VotingSession> stored = Map.of(first.id, first, second.id, second);
        assertEquals(Map.of(Contest.LEADER, A), second.electedInChain(stored::get));
    }

    private static VotingSession closed(VotingSession session, String... choices) {
        session.open(List.of(A, B, C), NOW);
        session.close(3, choices.length, ballots(session, choices), MAJORITY, NOW);
        return session;
    }

    /** One ballot FOR each unit named, in the LEAD contest. */
    private static List<Ballot> ballots(VotingSession session, String... forUnits) {
        List<Ballot> ballots = new ArrayList<>();
        for (String unit : forUnits) {
            ballots.add(Ballot.mark(Map.of(Contest.LEAD.name(), Map.of(unit, "FOR")), session.paper()));
        }
        return ballots;
    }

    private static VoteResult result(Map<Contest, List<String>> elected) {
        List<VoteResult.ContestResult> contests = new ArrayList<>();
        elected.forEach((contest, units) -> contests.add(new VoteResult.ContestResult(contest, 1, List.of(), units, List.of())));
        return new VoteResult(3, 3, null, null, true, VotingBasis.ALL_MEMBERS, 3, null, null, true, VoteResult.Outcome.DECIDED, contests, 3);
    }
}
