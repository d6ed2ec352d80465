package vn.thidua.awards.vote;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.thidua.awards.catalogue.RuleSetDefinition.VotingBasis;
import vn.thidua.awards.catalogue.RuleSetDefinition.VotingRules;
import vn.thidua.awards.vote.VoteResult.CandidateResult;
import vn.thidua.awards.vote.VoteResult.ContestResult;
import vn.thidua.awards.vote.VoteResult.Outcome;

/**
 * Counts the ballots of a session under its rule set (domain.md §3): quorum on the voter roll;
 * a candidate wins when its votes for reach the threshold of the basis and it is among the
 * places to fill; a tie for the last place fills nobody, and a place left open goes to a runoff
 * when the rules allow one. Without the quorum, or with fewer ballots than the rules' minimum for counts,
 * nothing is counted per candidate (see {@link VoteResult}). Contests are decided in {@link Purpose} order, so a unit elected
 * leader cannot also be deputy. Plain Java: every rule is tested without a database.
 */
public final class Tally {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Tally() {
    }

    /**
     * @param contests   the candidates of each contest, in ballot order, with the places to fill
     * @param electorate the units on the voter roll
     * @param ballots    every ballot cast, each complete (one choice per candidate)
     */
    public static VoteResult count(Map<Contest, Seats> contests, int electorate, List<Ballot> ballots, VotingRules rules) {
        int cast = ballots.size();
        boolean quorumMet = rules.quorum().reachedBy(cast, electorate, false);
        int minimum = rules.minimumBallots();
        boolean strictlyAbove = Boolean.TRUE.equals(rules.strictlyAbove());
        if (!quorumMet || cast < minimum) {
            // too few ballots to count without telling who chose what: the totals of ballots only, no per-candidate figure
            int basis = rules.basis() == VotingBasis.ALL_MEMBERS ? electorate : cast;
            return new VoteResult(electorate, cast, rules.quorumPercent(), rules.quorumFraction(), quorumMet, rules.basis(), basis,
                    rules.thresholdPercent(), rules.thresholdFraction(), strictlyAbove, quorumMet ? Outcome.TOO_FEW_BALLOTS : Outcome.NO_QUORUM,
                    List.of(), minimum);
        }
        int basisCount = rules.basis() == VotingBasis.ALL_MEMBERS ? electorate : cast;
        Set<String> electedElsewhere = new HashSet<>();
        List<ContestResult> results = new ArrayList<>();
        for (Contest contest : Contest.values()) {
            Seats seats = contests.get(contest);
            if (seats == null) {
                continue;
            }
            Map<String, int[]> counts = new LinkedHashMap<>();
            seats.candidates().forEach(unit -> counts.put(unit, new int[3]));
            for (Ballot ballot : ballots) {
                ballot.choicesIn(contest).forEach((unit, choice) -> {
                    int[] count = counts.get(unit);
                    if (count != null) {
                        count[choice.ordinal()]++;
                    }
                });
            }
            List<String> qualified = new ArrayList<>();
            counts.forEach((unit, count) -> {
                if (quorumMet && !electedElsewhere.contains(unit)
                        && rules.threshold().reachedBy(count[Choice.FOR.ordinal()], basisCount, strictlyAbove)) {
                    qualified.add(unit);
                }
            });
            Comparator<String> mostVotesFirst = Comparator.comparingInt((String unit) -> -counts.get(unit)[Choice.FOR.ordinal()]);
            qualified.sort(mostVotesFirst);
            List<String> elected = fillPlaces(qualified, seats.places(), unit -> counts.get(unit)[Choice.FOR.ordinal()]);
            electedElsewhere.addAll(elected);
            List<String> runoff = List.of();
            if (quorumMet && elected.size() < seats.places() && Boolean.TRUE.equals(rules.runoffAllowed())) {
                List<String> others = new ArrayList<>(counts.keySet());
                others.removeAll(electedElsewhere);
                others.sort(mostVotesFirst);
                runoff = leading(others, seats.places() - elected.size() + 1, unit -> counts.get(unit)[Choice.FOR.ordinal()]);
            }
            List<CandidateResult> candidates = new ArrayList<>();
            counts.forEach((unit, count) -> candidates.add(new CandidateResult(unit, count[Choice.FOR.ordinal()],
                    count[Choice.AGAINST.ordinal()], count[Choice.ABSTAIN.ordinal()], percent(count[Choice.FOR.ordinal()], basisCount),
                    qualified.contains(unit), elected.contains(unit))));
            results.add(new ContestResult(contest, seats.places(), candidates, elected, runoff));
        }
        Outcome outcome;
        if (results.stream().allMatch(ContestResult::filled)) {
            outcome = Outcome.DECIDED;
        } else {
            outcome = Boolean.TRUE.equals(rules.runoffAllowed()) ? Outcome.RUNOFF_NEEDED : Outcome.UNDECIDED;
        }
        return new VoteResult(electorate, cast, rules.quorumPercent(), rules.quorumFraction(), quorumMet, rules.basis(), basisCount,
                rules.thresholdPercent(), rules.thresholdFraction(), strictlyAbove, outcome, results, minimum);
    }

    /** A contest's candidates and how many of them are to be elected. */
    public record Seats(List<String> candidates, int places) {
        public Seats {
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * The first {@code places} of the qualified (most votes first), except that candidates tied
     * for the last place are all left out: the vote did not choose between them.
     */
    private static List<String> fillPlaces(List<String> qualified, int places, java.util.function.ToIntFunction<String> votes) {
        if (qualified.size() <= places) {
            return List.copyOf(qualified);
        }
        int tiedVotes = votes.applyAsInt(qualified.get(places));
        return qualified.stream().limit(places).filter(unit -> votes.applyAsInt(unit) > tiedVotes).toList();
    }

    /** The first {@code count} (most votes first) and everyone tied with the last of them. */
    private static List<String> leading(List<String> sorted, int count, java.util.function.ToIntFunction<String> votes) {
        if (sorted.size() <= count) {
            return List.copyOf(sorted);
        }
        int cutOff = votes.applyAsInt(sorted.get(count - 1));
        return sorted.stream().filter(unit -> votes.applyAsInt(unit) >= cutOff).toList();
    }

    private static BigDecimal percent(int part, int whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
