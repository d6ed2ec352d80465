package vn.thidua.awards.council;

import java.util.Set;
import vn.thidua.platform.domain.Refusal;

/**
 * The kinds of the Council's refusals: a state one when the request is fine but the session (or the ballot box)
 * is not in a state to take it (answered 409), a rule one for everything the request itself gets wrong (422).
 */
final class CouncilProblems {
    static final String STATE = "council-session-state";
    static final String ALREADY_VOTED = "council-ballot-already-cast";
    static final String ELSEWHERE = "council-candidate-elsewhere";
    static final String AFTER_BALLOTS = "council-attendance-after-ballots";

    private static final Set<String> CONFLICTS = Set.of(STATE, ALREADY_VOTED, ELSEWHERE, AFTER_BALLOTS);

    private CouncilProblems() {
    }

    static Refusal.Nature natureOf(String problemType) {
        return CONFLICTS.contains(problemType) ? Refusal.Nature.STATE : Refusal.Nature.RULE;
    }
}
