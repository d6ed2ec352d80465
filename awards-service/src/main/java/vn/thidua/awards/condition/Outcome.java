package vn.thidua.awards.condition;

import java.util.List;

/** A condition holds, does not hold, or cannot be told yet from what the system knows. */
public enum Outcome {
    PASS, FAIL, UNKNOWN;

    /** All must hold: one failure fails, else one unknown leaves it unknown. */
    static Outcome all(List<Outcome> outcomes) {
        return outcomes.contains(FAIL) ? FAIL : outcomes.contains(UNKNOWN) ? UNKNOWN : PASS;
    }

    /** Any one suffices: one pass passes, else one unknown leaves it unknown. */
    static Outcome any(List<Outcome> outcomes) {
        return outcomes.contains(PASS) ? PASS : outcomes.contains(UNKNOWN) ? UNKNOWN : FAIL;
    }

    static Outcome of(boolean holds) {
        return holds ? PASS : FAIL;
    }
}
