package vn.thidua.platform.web;

import java.util.Arrays;
import java.util.List;

/**
 * Thrown by domain or application code to refuse a request with a known, documented problem.
 * The message is looked up by {@code messageKey} in the service's and the platform's bundles,
 * in the caller's language, and formatted with {@code args}.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String typeSlug;
    private final String messageKey;
    private final transient Object[] args;
    private final transient List<FieldProblem> errors;
    private final int retryAfterSeconds;

    /** One of several reasons a request is refused, for a field or item of it. */
    public record FieldProblem(String field, String messageKey, Object... args) {
    }

    public ProblemException(int status, String typeSlug, String messageKey, Object... args) {
        super(messageKey + Arrays.toString(args));
        this.status = status;
        this.typeSlug = typeSlug;
        this.messageKey = messageKey;
        this.args = args.clone();
        this.errors = List.of();
        this.retryAfterSeconds = 0;
    }

    private ProblemException(ProblemException problem, List<FieldProblem> errors, int retryAfterSeconds) {
        super(problem.getMessage() + errors);
        this.status = problem.status;
        this.typeSlug = problem.typeSlug;
        this.messageKey = problem.messageKey;
        this.args = problem.args;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The same problem, telling the caller to try again after that many seconds ({@code Retry-After}). */
    public ProblemException retryAfter(int seconds) {
        return new ProblemException(this, errors, seconds);
    }

    /** Seconds for {@code Retry-After}, 0 when the answer carries none. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The same problem, listing every reason (each shown in the caller's language). */
    public ProblemException withErrors(List<FieldProblem> reasons) {
        return new ProblemException(this, reasons, retryAfterSeconds);
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public static ProblemException badRequest(String typeSlug, String messageKey, Object... args) {
        return new ProblemException(400, typeSlug, messageKey, args);
    }

    public static ProblemException notFound(String typeSlug, String messageKey, Object... args) {
        return new ProblemException(404, typeSlug, messageKey, args);
    }

    public static ProblemException conflict(String typeSlug, String messageKey, Object... args) {
        return new ProblemException(409, typeSlug, messageKey, args);
    }

    public static ProblemException unprocessable(String typeSlug, String messageKey, Object... args) {
        return new ProblemException(422, typeSlug, messageKey, args);
    }

    public int status() {
        return status;
    }

    public String typeSlug() {
        return typeSlug;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
