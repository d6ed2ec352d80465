package vn.thidua.awards.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.thidua.awards.catalogue.CouncilReview;
import vn.thidua.awards.catalogue.RuleSetDefinition.VotingBasis;
import vn.thidua.awards.council.CouncilCount.Participation;
import vn.thidua.awards.council.CouncilCount.Rules;
import vn.thidua.awards.council.CouncilResult.CandidateResult;
import vn.thidua.awards.council.CouncilResult.Outcome;
import vn.thidua.awards.vote.Choice;

/** Quorum and counting of the Council's ballot, without Quarkus, database or broker. */
class CouncilCountTest {
    /** Bắc Ninh's award sessions: 80 % of the members take part (written opinions count), more than half of all members. */
    static final CouncilReview AWARD_SESSION = review("80", null, "50", null, VotingBasis.ALL_MEMBERS, true, true);
    /** Two thirds take part in person, from two thirds of those taking part. */
    static final CouncilReview TWO_THIRDS_PRESENT = review(null, "2/3", null, "2/3", VotingBasis.PRESENT, false, false);

    static CouncilReview review(String quorum, String quorumFraction, String threshold, String thresholdFraction, VotingBasis basis,
                                boolean strictly, boolean written) {
        return new CouncilReview(CouncilReview.Body.COUNCIL, quorum == null ? null : new BigDecimal(quorum), quorumFraction,
                threshold == null ? null : new BigDecimal(threshold), thresholdFraction, basis, strictly, written, "Quy chế", "V2");
    }

    @Test
    void writtenOpinionsTakePartOnlyWhereTheRulesCountThem() {
        Participation participation = new Participation(10, 7, 1);
        assertEquals(8, participation.takingPart(AWARD_SESSION));
        assertTrue(participation.quorumMet(AWARD_SESSION));
        assertEquals(7, participation.takingPart(TWO_THIRDS_PRESENT));
        assertTrue(participation.quorumMet(TWO_THIRDS_PRESENT));
        Participation six = new Participation(10, 6, 3);
        assertFalse(six.quorumMet(TWO_THIRDS_PRESENT), "6 of 10 is short of two thirds; written opinions do not help");
        assertTrue(six.quorumMet(AWARD_SESSION));
        assertEquals(TWO_THIRDS_PRESENT, CouncilCount.shortOfQuorum(List.of(AWARD_SESSION, TWO_THIRDS_PRESENT), six).orElseThrow());
    }

    @Test
    void aFractionIsKeptExactAndTheNeededVotesFollowTheBasis() {
        // two thirds of 6 is exactly 4: "from 2/3" takes it, which 66.67 % would refuse
        assertEquals(4, CouncilCount.needed(TWO_THIRDS_PRESENT, 6));
        // more than half of 10: 6; of 5: 3
        assertEquals(6, CouncilCount.needed(AWARD_SESSION, 10));
        assertEquals(3, CouncilCount.needed(AWARD_SESSION, 5));
        // nobody taking part: nothing reaches any share
        assertEquals(1, CouncilCount.needed(AWARD_SESSION, 0));
        assertEquals("2/3", CouncilCount.quorumText(TWO_THIRDS_PRESENT));
        assertEquals("80%", CouncilCount.quorumText(AWARD_SESSION));
    }

    @Test
    void eachCandidateIsCountedUnderItsOwnRules() {
        Map<Long, Rules> candidates = new LinkedHashMap<>();
        candidates.put(1L, new Rules(11, AWARD_SESSION));
        candidates.put(2L, new Rules(12, TWO_THIRDS_PRESENT));
        // six present and one written opinion, of a roll of 8 (7 of 8 take part in the flag's sense, 6 in the other's); the written opinion holds no choice on candidate 2
        List<Map<Long, Choice>> ballots = List.of(
                Map.of(1L, Choice.FOR, 2L, Choice.FOR), Map.of(1L, Choice.FOR, 2L, Choice.FOR), Map.of(1L, Choice.FOR, 2L, Choice.FOR),
                Map.of(1L, Choice.FOR, 2L, Choice.AGAINST), Map.of(1L, Choice.AGAINST, 2L, Choice.FOR), Map.of(1L, Choice.ABSTAIN, 2L, Choice.ABSTAIN),
                Map.of(1L, Choice.FOR));
        CouncilResult result = CouncilCount.count(candidates, new Participation(8, 6, 1), ballots);
        CandidateResult first = result.of(1).orElseThrow();
        assertEquals(List.of(5, 1, 1, 8, 5), List.of(first.votesFor(), first.votesAgainst(), first.abstentions(), first.basisCount(), first.needed()));
        assertEquals(Outcome.RECOMMENDED, first.outcome());
        CandidateResult second = result.of(2).orElseThrow();
        // two thirds of the 6 taking part (the written opinion does not): 4 needed, 4 FOR
        assertEquals(List.of(4, 1, 1, 6, 4), List.of(second.votesFor(), second.votesAgainst(), second.abstentions(), second.basisCount(),
                second.needed()));
        assertEquals(Outcome.RECOMMENDED, second.outcome());
        assertEquals("Đồng ý 4/6 (cần 4: từ 2/3 số thành viên tham gia); không đồng ý 1; không biểu thị 1 - đề nghị khen thưởng", second.tally());
    }

    @Test
    void withoutQuorumNobodyIsRecommended() {
        CouncilResult result = CouncilCount.count(Map.of(1L, new Rules(11, AWARD_SESSION)), new Participation(10, 5, 0),
                List.of(Map.of(1L, Choice.FOR), Map.of(1L, Choice.FOR), Map.of(1L, Choice.FOR), Map.of(1L, Choice.FOR), Map.of(1L, Choice.FOR)));
        assertEquals(Outcome.NO_QUORUM, result.of(1).orElseThrow().outcome());
        assertEquals(null, result.of(1).orElseThrow().votesFor());
    }

    @Test
    void fewerBallotsThanTheRulesMinimumShowNoCountAndRecommendNobody() {
        // quorum 50 % of a roll of 4 is met by two members, but two ballots' count is those two members' choices
        CouncilReview half = new CouncilReview(CouncilReview.Body.STANDING_MEMBERS, new BigDecimal("50"), null, new BigDecimal("50"), null,
                VotingBasis.PRESENT, false, false, "Quy chế", AWARD_SESSION.tag());
        CouncilResult two = CouncilCount.count(Map.of(1L, new Rules(11, half)), new Participation(4, 2, 0),
                List.of(Map.of(1L, Choice.FOR), Map.of(1L, Choice.FOR)));
        CandidateResult result = two.of(1).orElseThrow();
        assertEquals(Outcome.TOO_FEW_BALLOTS, result.outcome());
        assertEquals(java.util.Arrays.asList(null, null, null), java.util.Arrays.asList(result.votesFor(), result.votesAgainst(), result.abstentions()));
        assertEquals(2, result.ballotsCounted());
        assertEquals(3, result.minimumBallotsForCounts());
        assertFalse(result.tally().contains("Đồng ý"), result.tally());
        // k is the rule set's: with 2 the same ballots are counted
        CouncilReview two2 = new CouncilReview(CouncilReview.Body.STANDING_MEMBERS, new BigDecimal("50"), null, new BigDecimal("50"), null,
                VotingBasis.PRESENT, false, false, "Quy chế", AWARD_SESSION.tag(), 2);
        CandidateResult counted = CouncilCount.count(Map.of(1L, new Rules(11, two2)), new Participation(4, 2, 0),
                List.of(Map.of(1L, Choice.FOR), Map.of(1L, Choice.FOR))).of(1).orElseThrow();
        assertEquals(Outcome.RECOMMENDED, counted.outcome());
        assertEquals(2, counted.votesFor());
    }
}
