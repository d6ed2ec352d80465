package vn.thidua.platform.domain;

import java.util.Set;

/**
 * The versions of a thing a caller based a change on, so that two officers editing the same thing cannot
 * silently overwrite each other. Read from a request by the web layer (platform-web's {@code Versions}, from
 * {@code If-Match}); services only ask it whether the stored version is one of them.
 */
public final class ExpectedVersion {
    private static final ExpectedVersion ANY = new ExpectedVersion(Set.of(), false, false, null, null);

    private final Set<Long> versions;
    private final boolean wildcard;
    /** Named as the one version a replacement is based on (its refusal says which it was and which is current). */
    private final boolean exact;
    /** As the caller wrote it, when it is exactly one version of ours; null otherwise. */
    private final Long single;
    private final String written;

    private ExpectedVersion(Set<Long> versions, boolean wildcard, boolean exact, Long single, String written) {
        this.versions = Set.copyOf(versions);
        this.wildcard = wildcard;
        this.exact = exact;
        this.single = single;
        this.written = written;
    }

    /** No version named: the change applies to whatever is current (commands that may be sent without reading first). */
    public static ExpectedVersion any() {
        return ANY;
    }

    /** Exactly this version. */
    public static ExpectedVersion exactly(long version) {
        return new ExpectedVersion(Set.of(version), false, true, version, Long.toString(version));
    }

    /**
     * As a caller named it: one version of ours ({@code single}), several, any at all ({@code wildcard}), or tags that
     * are not ours (which match no version). {@code written} is the caller's text, for a refusal to quote.
     */
    public static ExpectedVersion named(Set<Long> versions, boolean wildcard, boolean onlyOneOfOurs, String written) {
        Long single = onlyOneOfOurs && !wildcard && versions.size() == 1 ? versions.iterator().next() : null;
        return new ExpectedVersion(versions, wildcard, false, single, written);
    }

    /** Whether the caller named no version at all. */
    public boolean isAny() {
        return written == null;
    }

    /**
     * Refused unless the caller named exactly one version of ours: replacing what exists needs one (missing: the
     * version is required; several, {@code *} or a tag not ours: the request is invalid).
     */
    public void requireNamed() {
        if (isAny()) {
            throw new Refusal(Refusal.Nature.VERSION_REQUIRED, "if-match-required", "problem.if-match-required");
        }
        if (single == null) {
            throw Refusal.invalid("invalid-if-match", "problem.invalid-if-match", written);
        }
    }

    /** Refused (stale) unless {@code current} is a version the caller named, or the caller named none. */
    public void requireMatches(long current) {
        if (isAny() || wildcard || versions.contains(current)) {
            return;
        }
        if (exact) {
            throw Refusal.stale("stale-version", "problem.stale-version", single, current);
        }
        throw Refusal.stale("stale-version", "problem.stale-version.current", current);
    }

    @Override
    public String toString() {
        return isAny() ? "any" : written;
    }
}
