package vn.thidua.awards.council;

import java.util.Arrays;

/**
 * The Council's rules refuse a step: a stable problem type (the last part of the problem+json {@code type})
 * and a message key with its arguments, looked up in the caller's language. It carries no HTTP status: the
 * service layer decides how a refusal is answered ({@link CouncilProblems}).
 */
public class CouncilRefusal extends RuntimeException {
    private final String problemType;
    private final String messageKey;
    private final transient Object[] args;

    public CouncilRefusal(String problemType, String messageKey, Object... args) {
        super(problemType + ": " + messageKey + Arrays.toString(args));
        this.problemType = problemType;
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String problemType() {
        return problemType;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
