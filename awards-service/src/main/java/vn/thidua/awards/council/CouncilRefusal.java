package vn.thidua.awards.council;

import vn.thidua.platform.domain.Refusal;

/**
 * The Council's rules refuse a step: a stable problem type and a message key with its arguments, looked up in the
 * caller's language. It carries no HTTP status: a refusal because the session (or its ballot box) is not in a state
 * to take the step is a {@link Refusal.Nature#STATE} one, every other a {@link Refusal.Nature#RULE} one
 * ({@link CouncilProblems}); the web layer answers both as problem+json.
 */
public class CouncilRefusal extends Refusal {

    public CouncilRefusal(String problemType, String messageKey, Object... args) {
        super(CouncilProblems.natureOf(problemType), problemType, messageKey, args);
    }

    public String problemType() {
        return type();
    }
}
