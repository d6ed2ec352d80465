package vn.thidua.platform.web;

import java.util.List;
import vn.thidua.platform.domain.Refusal;

/**
 * A refusal made at the web edge, where the answer's HTTP status is what is being decided: reading
 * parameters, preconditions on headers, upload limits, a busy service with {@code Retry-After}. Domain
 * and service code throw a plain {@link Refusal} instead, whose nature the mappers turn into a status.
 */
public class ProblemException extends Refusal {
    private final int status;
    private final int retryAfterSeconds;

    public ProblemException(int status, String typeSlug, String messageKey, Object... args) {
        super(natureOf(status), typeSlug, messageKey, args);
        this.status = status;
        this.retryAfterSeconds = 0;
    }

    private ProblemException(ProblemException problem, List<Reason> reasons, int retryAfterSeconds) {
        super(problem, reasons);
        this.status = problem.status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The same problem, telling the caller to try again after that many seconds ({@code Retry-After}). */
    public ProblemException retryAfter(int seconds) {
        return new ProblemException(this, reasons(), seconds);
    }

    /** Seconds for {@code Retry-After}, 0 when the answer carries none. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The same problem, listing every reason (each shown in the caller's language). */
    @Override
    public ProblemException because(List<Reason> reasons) {
        return new ProblemException(this, reasons, retryAfterSeconds);
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

    /** The HTTP status that answers a refusal of this nature. */
    public static int statusOf(Nature nature) {
        return switch (nature) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case STATE -> 409;
            case STALE -> 412;
            case TOO_LARGE -> 413;
            case UNSUPPORTED -> 415;
            case RULE -> 422;
            case VERSION_REQUIRED -> 428;
            case BUSY -> 503;
        };
    }

    private static Nature natureOf(int status) {
        for (Nature nature : Nature.values()) {
            if (statusOf(nature) == status) {
                return nature;
            }
        }
        throw new IllegalArgumentException("No refusal answers with HTTP " + status);
    }
}
