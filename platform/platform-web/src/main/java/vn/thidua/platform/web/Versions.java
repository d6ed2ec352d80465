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
        String value = unquote(ifMatch.strip());
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-if-match", "problem.invalid-if-match", ifMatch);
        }
    }

    /**
     * For commands that may be sent without reading first (add a member, assign a leader): no
     * {@code If-Match} means "apply to whatever is current"; one names the versions the client
     * accepts ({@code "3"}, {@code W/"3"}, a list, or {@code *}), and any other version is 412.
     */
    public static void requireMatch(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String currentTag = Long.toString(current);
        for (String tag : ifMatch.split(",")) {
            String value = unquote(tag.strip());
            if (value.equals("*") || value.equals(currentTag)) {
                return;
            }
        }
        throw new ProblemException(412, "stale-version", "problem.stale-version.current", current);
    }

    private static String unquote(String tag) {
        String value = tag.startsWith("W/") ? tag.substring(2) : tag;
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return value;
    }

    /** 412 unless the stored version is the one the client had. */
    public static void requireCurrent(long expected, long actual) {
        if (expected != actual) {
            throw new ProblemException(412, "stale-version", "problem.stale-version", expected, actual);
        }
    }
}
