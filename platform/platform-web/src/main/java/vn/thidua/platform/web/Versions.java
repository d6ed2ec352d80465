package vn.thidua.platform.web;

import jakarta.ws.rs.core.EntityTag;
import java.util.HashSet;
import java.util.Set;
import vn.thidua.platform.domain.ExpectedVersion;

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

    /** The version an {@code If-Match} header must name, as the services take it. */
    public static ExpectedVersion requiredVersion(String ifMatch) {
        return ExpectedVersion.exactly(required(ifMatch));
    }

    /**
     * For commands that may be sent without reading first (add a member, assign a leader): no
     * {@code If-Match} means "apply to whatever is current"; one names the versions the client
     * accepts ({@code "3"}, {@code W/"3"}, a list, or {@code *}), and any other version is 412.
     */
    public static ExpectedVersion expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return ExpectedVersion.any();
        }
        Set<Long> versions = new HashSet<>();
        boolean wildcard = false;
        boolean allOurs = true;
        String[] tags = ifMatch.split(",");
        for (String tag : tags) {
            String value = unquote(tag.strip());
            if (value.equals("*")) {
                wildcard = true;
            } else if (!value.isEmpty() && value.length() < 19 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                versions.add(Long.parseLong(value));
            } else {
                allOurs = false;
            }
        }
        return ExpectedVersion.named(versions, wildcard, allOurs && tags.length == 1, ifMatch);
    }

    /** 412 unless {@code current} is a version {@code If-Match} names (none named: any). */
    public static void requireMatch(String ifMatch, long current) {
        expected(ifMatch).requireMatches(current);
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
        ExpectedVersion.exactly(expected).requireMatches(actual);
    }
}
