package vn.thidua.awards.council;

import java.util.Set;
import vn.thidua.platform.web.ProblemException;

/**
 * How the service answers the Council's refusals: 409 when the request is fine but the session (or the
 * ballot box) is not in a state to take it, 422 for everything the request itself gets wrong.
 */
final class CouncilProblems {
    static final String STATE = "council-session-state";
    static final String ALREADY_VOTED = "council-ballot-already-cast";
    static final String ELSEWHERE = "council-candidate-elsewhere";
    static final String AFTER_BALLOTS = "council-attendance-after-ballots";

    private static final Set<String> CONFLICTS = Set.of(STATE, ALREADY_VOTED, ELSEWHERE, AFTER_BALLOTS);

    private CouncilProblems() {
    }

    static ProblemException toProblem(CouncilRefusal refusal) {
        int status = CONFLICTS.contains(refusal.problemType()) ? 409 : 422;
        return new ProblemException(status, refusal.problemType(), refusal.messageKey(), refusal.args());
    }
}
