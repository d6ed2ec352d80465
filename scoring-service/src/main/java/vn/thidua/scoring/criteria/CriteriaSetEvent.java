package vn.thidua.scoring.criteria;

import java.time.Instant;

/**
 * What happened to a criteria set, as its transitions return it: the service records it in the
 * set's audit trail ({@link CriteriaSetAudit}). {@code reason} is the written reason of a reopening.
 */
public record CriteriaSetEvent(long setId, String action, String reason, String actor, Instant at) {
    public static final String CREATED = "CREATED";
    public static final String COPIED = "COPIED";
    public static final String PUBLISHED = "PUBLISHED";
    public static final String CLOSED = "CLOSED";
    public static final String REOPENED = "REOPENED";
}
