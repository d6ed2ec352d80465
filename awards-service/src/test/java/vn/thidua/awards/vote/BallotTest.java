package vn.thidua.awards.vote;

import vn.thidua.platform.domain.Refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.thidua.awards.vote.Tally.Seats;

class BallotTest {
    static final String A = TallyTest.A;
    static final String B = TallyTest.B;

    static Map<Contest, Seats> election() {
        Map<Contest, Seats> paper = new EnumMap<>(Contest.class);
        paper.put(Contest.LEADER, new Seats(List.of(A, B), 1));
        paper.put(Contest.DEPUTY, new Seats(List.of(A, B), 1));
        return paper;
    }

    @Test
    void unmarkedCandidatesAbstainSoEveryBallotIsComplete() {
        Ballot ballot = Ballot.mark(Map.of("LEADER", Map.of(A, "FOR")), election());
        assertEquals(Map.of(A, Choice.FOR, B, Choice.ABSTAIN), ballot.choicesIn(Contest.LEADER));
        assertEquals(Map.of(A, Choice.ABSTAIN, B, Choice.ABSTAIN), ballot.choicesIn(Contest.DEPUTY));
    }

    @Test
    void everyMistakeIsListed() {
        Map<String, Map<String, String>> marks = new HashMap<>();
        marks.put("LEAD", Map.of(A, "FOR"));                          // not on this paper
        marks.put("LEADER", Map.of(A, "FOR", B, "FOR"));               // two FOR for one place
        marks.put("DEPUTY", Map.of(A, "FOR", "000.00.99.H56", "FOR", B, "MAYBE")); // leader too; not a candidate; no such choice
        Refusal problem = assertThrows(Refusal.class, () -> Ballot.mark(marks, election()));
        assertEquals(Refusal.Nature.RULE, problem.nature());
        assertEquals(5, problem.reasons().size());
    }

    @Test
    void aBlankBallotIsRefusedButAnAllAbstainBallotIsNot() {
        assertEquals(Refusal.Nature.RULE, assertThrows(Refusal.class, () -> Ballot.mark(Map.of(), election())).nature());
        assertEquals(Refusal.Nature.RULE, assertThrows(Refusal.class, () -> Ballot.mark(null, election())).nature());
        Ballot abstain = Ballot.mark(Map.of("LEADER", Map.of(A, "ABSTAIN")), election());
        assertEquals(Choice.ABSTAIN, abstain.choicesIn(Contest.LEADER).get(A));
    }
}
