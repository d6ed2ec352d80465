package vn.thidua.platform.domain;

import java.util.Arrays;

/**
 * An aggregate's "no": thrown by domain code when a transition may not happen, with no notion of HTTP.
 * It says what kind of no it is ({@link Nature}), a stable problem type, and a message key with its
 * arguments; the web layer (platform-web's problem mappers) turns it into {@code application/problem+json}
 * in the caller's language.
 */
public class Refusal extends RuntimeException {
    private final Nature nature;
    private final String type;
    private final String messageKey;
    private final transient Object[] args;
    private final transient java.util.List<Reason> reasons;

    /** One of several reasons behind the refusal, for a field or item (e.g. each unmet condition). */
    public record Reason(String field, String messageKey, Object... args) {
    }

    /** Why the answer is no. */
    public enum Nature {
        /** The thing is not in a state that allows it (e.g. deciding what was never recommended). */
        STATE,
        /** The request breaks a rule of the domain (e.g. over the quota, or a document missing). */
        RULE
    }

    public Refusal(Nature nature, String type, String messageKey, Object... args) {
        super(messageKey + Arrays.toString(args));
        this.nature = nature;
        this.type = type;
        this.messageKey = messageKey;
        this.args = args.clone();
        this.reasons = java.util.List.of();
    }

    private Refusal(Refusal refusal, java.util.List<Reason> reasons) {
        super(refusal.getMessage() + reasons);
        this.nature = refusal.nature;
        this.type = refusal.type;
        this.messageKey = refusal.messageKey;
        this.args = refusal.args;
        this.reasons = java.util.List.copyOf(reasons);
    }

    /** The same refusal, listing every reason. */
    public Refusal because(java.util.List<Reason> reasons) {
        return new Refusal(this, reasons);
    }

    public java.util.List<Reason> reasons() {
        return reasons;
    }

    public static Refusal state(String type, String messageKey, Object... args) {
        return new Refusal(Nature.STATE, type, messageKey, args);
    }

    public static Refusal rule(String type, String messageKey, Object... args) {
        return new Refusal(Nature.RULE, type, messageKey, args);
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
