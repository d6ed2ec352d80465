package vn.thidua.awards.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import vn.thidua.awards.vote.SessionStatus;
import vn.thidua.platform.domain.Refusal;

/** A Council session published, as its aggregate takes it, without Quarkus: what it tells the others. */
class CouncilSessionTransitionsTest {
    static final byte[] MINUTES = {'%', 'P', 'D', 'F'};

    @Test
    void onlyAClosedSessionIsPublishedAndThenItTellsEachCandidatesTotals() {
        CouncilSession open = CouncilSessionMother.open();
        Refusal notClosed = assertThrows(Refusal.class, open::requirePublishable);
        assertEquals(CouncilProblems.STATE, notClosed.type());
        assertEquals(SessionStatus.OPEN, open.status, "a refusal changes nothing");

        CouncilSession closed = CouncilSessionMother.closed(4);
        closed.requirePublishable();
        assertThrows(Refusal.class, closed::concludedEvent, "nothing is told before it is published");
        CouncilConcluded concluded = closed.publish(MINUTES, CouncilSessionMother.NOW, "board-officer");
        assertEquals(SessionStatus.PUBLISHED, closed.status);
        assertEquals(CouncilResult.Outcome.RECOMMENDED, concluded.candidates().get(0).outcome());

        CouncilEvents.CouncilSessionConcluded event = closed.concludedEvent();
        assertEquals(closed.id, event.councilSessionId());
        assertEquals(CouncilSessionMother.NOW, event.publishedAt());
        assertEquals(5, event.roll());
        CouncilEvents.CandidateTotals totals = event.candidates().get(0);
        assertEquals(CouncilSessionMother.PROPOSAL, totals.proposalId());
        assertEquals(Integer.valueOf(4), totals.votesFor());
        assertEquals(Integer.valueOf(1), totals.votesAgainst());
        assertEquals(CouncilResult.Outcome.RECOMMENDED, totals.outcome());
        assertThrows(Refusal.class, closed::requirePublishable, "published once");
    }

    @Test
    void aCandidateWithoutMoreThanHalfOfTheCouncilIsNotRecommended() {
        CouncilSession closed = CouncilSessionMother.closed(2);
        closed.publish(MINUTES, CouncilSessionMother.NOW, "board-officer");
        assertEquals(CouncilResult.Outcome.NOT_RECOMMENDED, closed.concludedEvent().candidates().get(0).outcome());
    }
}
