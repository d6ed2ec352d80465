package vn.thidua.awards.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.thidua.awards.catalogue.RuleSetDefinition.VotingBasis;
import vn.thidua.awards.catalogue.RuleSetDefinition.VotingRules;
import vn.thidua.awards.vote.Tally.Seats;
import vn.thidua.awards.vote.VoteResult.Outcome;

class TallyTest {
    static final String A = "000.00.31.H56";
    static final String B = "000.00.32.H56";
    static final String C = "000.00.33.H56";

    /** More than half of all members, two thirds quorum, runoff allowed: a common provincial regulation. */
    static final VotingRules MAJORITY = rules(VotingBasis.ALL_MEMBERS, 50, true, 66.67, true);

    static VotingRules rules(VotingBasis basis, double threshold, boolean strictlyAbove, double quorum, boolean runoff) {
        return new VotingRules(true, BigDecimal.valueOf(quorum), BigDecimal.valueOf(threshold), basis, runoff, strictlyAbove);
    }

    static Map<Contest, Seats> lead(int places, String... candidates) {
        Map<Contest, Seats> paper = new EnumMap<>(Contest.class);
        paper.put(Contest.LEAD, new Seats(List.of(candidates), places));
        return paper;
    }

    /** {@code count} ballots for {@code unit} in the contest (everyone else on the paper abstains). */
    static List<Ballot> ballots(int count, Contest contest, String unit, Map<Contest, Seats> paper) {
        List<Ballot> ballots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Map<String, String>> marks = new TreeMap<>();
            marks.put(contest.name(), unit == null ? Map.of() : Map.of(unit, "FOR"));
            ballots.add(Ballot.mark(marks, paper));
        }
        return ballots;
    }

    static List<Ballot> concat(List<Ballot> first, List<Ballot> second) {
        List<Ballot> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    @Test
    void aCandidateWithMoreThanHalfOfAllMembersLeads() {
        var paper = lead(1, A, B);
        VoteResult result = Tally.count(paper, 6, concat(ballots(4, Contest.LEAD, A, paper), ballots(2, Contest.LEAD, B, paper)), MAJORITY);
        assertEquals(Outcome.DECIDED, result.outcome());
        assertEquals(List.of(A), result.elected(Contest.LEAD));
        var a = result.find(Contest.LEAD).orElseThrow().candidates().get(0);
        assertEquals(4, a.votesFor());
        assertEquals(2, a.abstentions());
        assertEquals(new BigDecimal("66.67"), a.percentFor());
    }

    @Test
    void exactlyHalfIsNotMoreThanHalfButIsAtLeastHalf() {
        var paper = lead(1, A, B);
        List<Ballot> split = concat(ballots(3, Contest.LEAD, A, paper), ballots(3, Contest.LEAD, null, paper));
        assertEquals(List.of(), Tally.count(paper, 6, split, MAJORITY).elected(Contest.LEAD));
        assertEquals(List.of(A), Tally.count(paper, 6, split, rules(VotingBasis.ALL_MEMBERS, 50, false, 50, true)).elected(Contest.LEAD));
    }

    @Test
    void twoThirdsIsComparedExactlyNotAfterRounding() {
        var paper = lead(1, A);
        // 4 of 6 is 66.666...%: reaches "from 66.66%", misses "from 66.67%"
        List<Ballot> four = ballots(4, Contest.LEAD, A, paper);
        assertEquals(List.of(A), Tally.count(paper, 6, four, rules(VotingBasis.ALL_MEMBERS, 66.66, false, 0, false)).elected(Contest.LEAD));
        assertEquals(List.of(), Tally.count(paper, 6, four, rules(VotingBasis.ALL_MEMBERS, 66.67, false, 0, false)).elected(Contest.LEAD));
    }

    @Test
    void aRegulationOfTwoThirdsIsExactWhereNoPercentageIs() {
        var paper = lead(1, A);
        VotingRules twoThirds = new VotingRules(true, null, null, VotingBasis.ALL_MEMBERS, false, false, "2/3", "2/3");
        // 4 of 6 is exactly two thirds: quorum met and elected; 3 of 6 is neither
        VoteResult four = Tally.count(paper, 6, ballots(4, Contest.LEAD, A, paper), twoThirds);
        assertTrue(four.quorumMet());
        assertEquals(List.of(A), four.elected(Contest.LEAD));
        assertEquals("2/3", four.thresholdFraction());
        VoteResult three = Tally.count(paper, 6, ballots(3, Contest.LEAD, A, paper), twoThirds);
        assertFalse(three.quorumMet());
        assertEquals(Outcome.NO_QUORUM, three.outcome());
        // "more than two thirds" needs 5 of 6
        VotingRules moreThan = new VotingRules(true, BigDecimal.ZERO, null, VotingBasis.ALL_MEMBERS, false, true, null, "2/3");
        assertEquals(List.of(), Tally.count(paper, 6, ballots(4, Contest.LEAD, A, paper), moreThan).elected(Contest.LEAD));
        assertEquals(List.of(A), Tally.count(paper, 6, ballots(5, Contest.LEAD, A, paper), moreThan).elected(Contest.LEAD));
    }

    @Test
    void theBasisDecidesWhatPercentagesAreOf() {
        var paper = lead(1, A, B);
        // 3 of 4 present, but only 3 of 8 members
        List<Ballot> cast = concat(ballots(3, Contest.LEAD, A, paper), ballots(1, Contest.LEAD, B, paper));
        VoteResult ofAll = Tally.count(paper, 8, cast, rules(VotingBasis.ALL_MEMBERS, 50, true, 50, false));
        VoteResult ofPresent = Tally.count(paper, 8, cast, rules(VotingBasis.PRESENT, 50, true, 50, false));
        assertEquals(List.of(), ofAll.elected(Contest.LEAD));
        assertEquals(Outcome.UNDECIDED, ofAll.outcome());
        assertEquals(List.of(A), ofPresent.elected(Contest.LEAD));
        assertEquals(4, ofPresent.basisCount());
        assertEquals(8, ofAll.basisCount());
    }

    @Test
    void withoutQuorumNobodyIsElectedWhateverTheVotes() {
        var paper = lead(1, A, B);
        VoteResult result = Tally.count(paper, 6, ballots(3, Contest.LEAD, A, paper), rules(VotingBasis.PRESENT, 50, true, 66.67, true));
        assertFalse(result.quorumMet());
        assertEquals(Outcome.NO_QUORUM, result.outcome());
        assertEquals(List.of(), result.elected(Contest.LEAD));
        // and nothing per candidate: three ballots short of the quorum are no count to read choices from
        assertEquals(List.of(), result.contests());
        assertFalse(result.countsShown());
    }

    @Test
    void fewerBallotsThanTheMinimumShowNoCountPerCandidate() {
        var paper = lead(1, A, B);
        VotingRules lowQuorum = rules(VotingBasis.PRESENT, 50, true, 10, false);
        // quorum met by two of six, but two ballots' count would be those two units' choices
        VoteResult two = Tally.count(paper, 6, ballots(2, Contest.LEAD, A, paper), lowQuorum);
        assertTrue(two.quorumMet());
        assertEquals(Outcome.TOO_FEW_BALLOTS, two.outcome());
        assertEquals(2, two.ballotsCast());
        assertEquals(3, two.minimumBallotsForCounts());
        assertEquals(List.of(), two.contests());
        assertEquals(List.of(), two.elected(Contest.LEAD));
        // three are counted
        VoteResult three = Tally.count(paper, 6, ballots(3, Contest.LEAD, A, paper), lowQuorum);
        assertEquals(Outcome.DECIDED, three.outcome());
        assertEquals(3, three.find(Contest.LEAD).orElseThrow().candidates().get(0).votesFor());
        // the minimum is the rule set's: 1 counts a single ballot, 5 holds back four
        VotingRules one = new VotingRules(true, BigDecimal.TEN, BigDecimal.valueOf(50), VotingBasis.PRESENT, false, true, null, null, 1);
        assertEquals(Outcome.DECIDED, Tally.count(paper, 6, ballots(1, Contest.LEAD, A, paper), one).outcome());
        VotingRules five = new VotingRules(true, BigDecimal.TEN, BigDecimal.valueOf(50), VotingBasis.PRESENT, false, true, null, null, 5);
        assertEquals(Outcome.TOO_FEW_BALLOTS, Tally.count(paper, 6, ballots(4, Contest.LEAD, A, paper), five).outcome());
        assertEquals(Outcome.DECIDED, Tally.count(paper, 6, ballots(5, Contest.LEAD, A, paper), five).outcome());
    }

    @Test
    void aTieForTheLastPlaceFillsNothingAndGoesToARunoff() {
        var paper = lead(1, A, B, C);
        // two places' worth of FOR per ballot is not allowed with one place, so: 3 for A, 3 for B of 6, threshold 50% "at least"
        List<Ballot> cast = concat(ballots(3, Contest.LEAD, A, paper), ballots(3, Contest.LEAD, B, paper));
        VoteResult result = Tally.count(paper, 6, cast, rules(VotingBasis.ALL_MEMBERS, 50, false, 50, true));
        assertEquals(List.of(), result.elected(Contest.LEAD));
        assertEquals(Outcome.RUNOFF_NEEDED, result.outcome());
        assertEquals(List.of(A, B), result.find(Contest.LEAD).orElseThrow().runoffCandidates());
        assertTrue(result.find(Contest.LEAD).orElseThrow().candidates().get(0).reachedThreshold());
    }

    @Test
    void whenNobodyReachesTheThresholdTheTwoLeadingGoToTheRunoff() {
        var paper = lead(1, A, B, C);
        List<Ballot> cast = concat(concat(ballots(3, Contest.LEAD, A, paper), ballots(2, Contest.LEAD, B, paper)),
                ballots(1, Contest.LEAD, C, paper));
        VoteResult result = Tally.count(paper, 6, cast, MAJORITY);
        assertEquals(Outcome.RUNOFF_NEEDED, result.outcome());
        assertEquals(List.of(A, B), result.find(Contest.LEAD).orElseThrow().runoffCandidates());
        VoteResult noRunoff = Tally.count(paper, 6, cast, rules(VotingBasis.ALL_MEMBERS, 50, true, 66.67, false));
        assertEquals(Outcome.UNDECIDED, noRunoff.outcome());
        assertEquals(List.of(), noRunoff.find(Contest.LEAD).orElseThrow().runoffCandidates());
    }

    @Test
    void severalPlacesGoToTheQualifiedWithMostVotes() {
        var paper = lead(2, A, B, C);
        List<Ballot> cast = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cast.add(Ballot.mark(Map.of("LEAD", Map.of(A, "FOR", i < 5 ? B : C, "FOR")), paper));
        }
        VoteResult result = Tally.count(paper, 6, cast, MAJORITY);
        assertEquals(List.of(A, B), result.elected(Contest.LEAD));
        assertEquals(Outcome.DECIDED, result.outcome());
    }

    @Test
    void theLeaderCannotAlsoBeDeputyTheNextQualifiedIs() {
        Map<Contest, Seats> paper = new EnumMap<>(Contest.class);
        paper.put(Contest.LEADER, new Seats(List.of(A, B), 1));
        paper.put(Contest.DEPUTY, new Seats(List.of(A, B, C), 1));
        List<Ballot> cast = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // every ballot: A leader; deputy split between B (4) and C (2); the same unit twice is refused per ballot
            cast.add(Ballot.mark(Map.of("LEADER", Map.of(A, "FOR"), "DEPUTY", Map.of(i < 4 ? B : C, "FOR")), paper));
        }
        VoteResult result = Tally.count(paper, 6, cast, MAJORITY);
        assertEquals(List.of(A), result.elected(Contest.LEADER));
        assertEquals(List.of(B), result.elected(Contest.DEPUTY));
        assertEquals(Outcome.DECIDED, result.outcome());
    }

    @Test
    void noBallotsNoWinnerEvenOnAZeroQuorum() {
        var paper = lead(1, A);
        VoteResult result = Tally.count(paper, 6, List.of(), rules(VotingBasis.PRESENT, 50, true, 0, false));
        assertTrue(result.quorumMet());
        assertEquals(List.of(), result.elected(Contest.LEAD));
        // no ballot is fewer than the minimum for counts: nothing per candidate
        assertEquals(Outcome.TOO_FEW_BALLOTS, result.outcome());
        assertEquals(List.of(), result.contests());
    }
}
