package vn.thidua.platform.domain;

import java.util.Arrays;
import java.util.List;

/**
 * A "no" from domain or application code, with no notion of HTTP: it says what kind of no it is
 * ({@link Nature}), a stable problem type, and a message key with its arguments. The web layer
 * (platform-web's problem mappers) turns it into {@code application/problem+json} in the caller's
 * language, choosing the status from the nature.
 */
public class Refusal extends RuntimeException {
    private final Nature nature;
    private final String type;
    private final String messageKey;
    private final transient Object[] args;
    private final transient List<Reason> reasons;

    /** One of several reasons behind the refusal, for a field or item (e.g. each unmet condition). */
    public record Reason(String field, String messageKey, Object... args) {
    }

    /** Why the answer is no. */
    public enum Nature {
        /** The request itself is malformed: a value that can never be right, whatever the state. */
        INVALID,
        /** The caller may not do this, or may not see the thing. */
        FORBIDDEN,
        /** The thing asked for does not exist (or is hidden from the caller). */
        NOT_FOUND,
        /** The thing is not in a state that allows it (e.g. deciding what was never recommended, a duplicate). */
        STATE,
        /** The caller's view of the thing is out of date: the version it names is not the current one. */
        STALE,
        /** The caller must name the version it changes, and did not. */
        VERSION_REQUIRED,
        /** The request breaks a rule of the domain (e.g. over the quota, or a document missing). */
        RULE,
        /** The content is larger than allowed. */
        TOO_LARGE,
        /** The content is of a kind that is not taken. */
        UNSUPPORTED,
        /** Not now: the work cannot be taken at the moment and may be tried again later. */
        BUSY
    }

    public Refusal(Nature nature, String type, String messageKey, Object... args) {
        super(messageKey + Arrays.toString(args));
        this.nature = nature;
        this.type = type;
        this.messageKey = messageKey;
        this.args = args.clone();
        this.reasons = List.of();
    }

    /** A copy of {@code refusal} with other reasons, for subclasses that keep their own fields. */
    protected Refusal(Refusal refusal, List<Reason> reasons) {
        super(refusal.getMessage() + reasons);
        this.nature = refusal.nature;
        this.type = refusal.type;
        this.messageKey = refusal.messageKey;
        this.args = refusal.args;
        this.reasons = List.copyOf(reasons);
    }

    /** The same refusal, listing every reason. */
    public Refusal because(List<Reason> reasons) {
        return new Refusal(this, reasons);
    }

    public List<Reason> reasons() {
        return reasons;
    }

    public static Refusal invalid(String type, String messageKey, Object... args) {
        return new Refusal(Nature.INVALID, type, messageKey, args);
    }

    public static Refusal forbidden(String type, String messageKey, Object... args) {
        return new Refusal(Nature.FORBIDDEN, type, messageKey, args);
    }

    public static Refusal notFound(String type, String messageKey, Object... args) {
        return new Refusal(Nature.NOT_FOUND, type, messageKey, args);
    }

    /** Not in a state that allows it: a conflict with what is there. */
    public static Refusal state(String type, String messageKey, Object... args) {
        return new Refusal(Nature.STATE, type, messageKey, args);
    }

    /** The same as {@link #state}: read where a duplicate or a clash, rather than a lifecycle, is the reason. */
    public static Refusal conflict(String type, String messageKey, Object... args) {
        return state(type, messageKey, args);
    }

    public static Refusal stale(String type, String messageKey, Object... args) {
        return new Refusal(Nature.STALE, type, messageKey, args);
    }

    public static Refusal rule(String type, String messageKey, Object... args) {
        return new Refusal(Nature.RULE, type, messageKey, args);
    }

    /** The same as {@link #rule}: read where the request is well formed but cannot be processed as it is. */
    public static Refusal unprocessable(String type, String messageKey, Object... args) {
        return rule(type, messageKey, args);
    }

    public Nature nature() {
        return nature;
    }

    public String type() {
        return type;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
