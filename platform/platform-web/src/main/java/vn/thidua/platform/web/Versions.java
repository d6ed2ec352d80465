package vn.thidua.platform.web;

import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic concurrency over HTTP: a resource's version is its strong {@code ETag}; an update
 * must name the version it was based on in {@code If-Match}, so two officers editing the same
 * thing cannot silently overwrite each other.
 */
public final class Versions {
    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an {@code If-Match} header names: 428 when it is missing, 400 when it is not ours. */
    public static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "if-match-required", "problem.if-match-required");
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-if-match", "problem.invalid-if-match", ifMatch);
        }
    }

    /** 412 unless the stored version is the one the client had. */
    public static void requireCurrent(long expected, long actual) {
        if (expected != actual) {
            throw new ProblemException(412, "stale-version", "problem.stale-version", expected, actual);
        }
    }
}
