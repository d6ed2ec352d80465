package vn.thidua.awards.vote;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.thidua.awards.vote.Tally.Seats;
import vn.thidua.platform.domain.Refusal;

/**
 * What one ballot says: a choice on every candidate of every contest. It names no voter; who cast
 * it is recorded elsewhere ({@link BallotBox}) and the two are never joined.
 */
public record Ballot(Map<Contest, Map<String, Choice>> choices) {

    public Ballot {
        EnumMap<Contest, Map<String, Choice>> copy = new EnumMap<>(Contest.class);
        choices.forEach((contest, byUnit) -> copy.put(contest, Collections.unmodifiableMap(new TreeMap<>(byUnit))));
        choices = Collections.unmodifiableMap(copy);
    }

    public Map<String, Choice> choicesIn(Contest contest) {
        return choices.getOrDefault(contest, Map.of());
    }

    /**
     * Reads a voter's marks against the session's contests: every contest and candidate named must
     * be on the ballot paper, at most as many FOR as places in each contest, and never the same unit
     * FOR both leader and deputy. Candidates left unmarked abstain, so every stored ballot is complete.
     *
     * @throws Refusal a broken rule, listing every mistake
     */
    public static Ballot mark(Map<String, Map<String, String>> marks, Map<Contest, Seats> paper) {
        List<Refusal.Reason> problems = new ArrayList<>();
        EnumMap<Contest, Map<String, Choice>> choices = new EnumMap<>(Contest.class);
        paper.forEach((contest, seats) -> {
            Map<String, Choice> blank = new TreeMap<>();
            seats.candidates().forEach(unit -> blank.put(unit, Choice.ABSTAIN));
            choices.put(contest, blank);
        });
        if (marks == null || marks.isEmpty()) {
            throw Refusal.unprocessable("invalid-ballot", "ballot.empty");
        }
        marks.forEach((contestName, byUnit) -> {
            Contest contest = parse(Contest.class, contestName);
            if (contest == null || !paper.containsKey(contest)) {
                problems.add(new Refusal.Reason("choices." + contestName, "ballot.contest.unknown", contestName));
                return;
            }
            if (byUnit == null) {
                problems.add(new Refusal.Reason("choices." + contestName, "ballot.contest.empty", contestName));
                return;
            }
            byUnit.forEach((unit, choiceName) -> {
                String at = "choices." + contestName + "." + unit;
                Choice choice = parse(Choice.class, choiceName);
                if (!choices.get(contest).containsKey(unit)) {
                    problems.add(new Refusal.Reason(at, "ballot.candidate.unknown", unit, contestName));
                } else if (choice == null) {
                    problems.add(new Refusal.Reason(at, "ballot.choice.invalid", String.valueOf(choiceName)));
                } else {
                    choices.get(contest).put(unit, choice);
                }
            });
        });
        paper.forEach((contest, seats) -> {
            long votesFor = choices.get(contest).values().stream().filter(c -> c == Choice.FOR).count();
            if (votesFor > seats.places()) {
                problems.add(new Refusal.Reason("choices." + contest, "ballot.too-many", contest, seats.places()));
            }
        });
        if (choices.containsKey(Contest.LEADER) && choices.containsKey(Contest.DEPUTY)) {
            choices.get(Contest.LEADER).forEach((unit, choice) -> {
                if (choice == Choice.FOR && choices.get(Contest.DEPUTY).get(unit) == Choice.FOR) {
                    problems.add(new Refusal.Reason("choices.DEPUTY." + unit, "ballot.leader-and-deputy", unit));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw Refusal.unprocessable("invalid-ballot", "ballot.invalid", problems.size()).because(problems);
        }
        return new Ballot(choices);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        return null;
    }
}
