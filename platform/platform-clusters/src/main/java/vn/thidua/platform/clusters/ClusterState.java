package vn.thidua.platform.clusters;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import vn.thidua.platform.events.MalformedEventException;

/**
 * The consuming service's tolerant reading of the data of units-service's cluster events
 * ({@code thidua.clusters.v1}, docs/events.md): only the fields the read model keeps; whatever else
 * the producer sends or adds later (leadership basis, agreement, roll-over origin, ...) is ignored.
 * {@code emulationLeaders} came later than the rest: absent (older events) reads as none.
 * Data of the wrong shape is refused at once with {@link MalformedEventException}, so the message
 * goes to the dead-letter topic instead of being retried.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ClusterState(Long id, String code, String name, String kind, Integer year, List<String> members,
                    String leaderUnitCode, String deputyUnitCode, List<String> emulationLeaders, Long version) {

    static final Set<String> KINDS = Set.of("CLUSTER", "BLOCK");
    static final int MIN_YEAR = ClusterYear.MIN_YEAR;
    static final int MAX_YEAR = ClusterYear.MAX_YEAR;
    static final int CODE_MAX_LENGTH = 20;
    static final int NAME_MAX_LENGTH = 300;
    static final int UNIT_CODE_MAX_LENGTH = 35;
    private static final Pattern UNIT_CODE = Pattern.compile("[0-9A-Z.]{1," + UNIT_CODE_MAX_LENGTH + "}");

    ClusterState {
        if (id == null || id < 1) {
            throw malformed("a positive id");
        }
        if (code == null || code.isBlank() || code.length() > CODE_MAX_LENGTH) {
            throw malformed("a code of at most " + CODE_MAX_LENGTH + " characters");
        }
        if (name == null || name.isBlank() || name.codePointCount(0, name.length()) > NAME_MAX_LENGTH) {
            throw malformed("a name of at most " + NAME_MAX_LENGTH + " characters");
        }
        if (kind == null || !KINDS.contains(kind)) {
            throw malformed("kind CLUSTER or BLOCK");
        }
        if (year == null || year < MIN_YEAR || year > MAX_YEAR) {
            throw malformed("a year from " + MIN_YEAR + " to " + MAX_YEAR);
        }
        if (members == null || members.stream().anyMatch(member -> !isUnitCode(member))) {
            throw malformed("members as an array of unit codes");
        }
        if (leaderUnitCode != null && !isUnitCode(leaderUnitCode) || deputyUnitCode != null && !isUnitCode(deputyUnitCode)) {
            throw malformed("leader and deputy as unit codes or null");
        }
        // events written before units-service kept emulation leaders have none: read as none
        if (emulationLeaders != null && emulationLeaders.stream().anyMatch(leader -> !isUnitCode(leader))) {
            throw malformed("emulationLeaders as an array of unit codes, or absent");
        }
        if (version == null || version < 0) {
            throw malformed("a non-negative version");
        }
        members = List.copyOf(members);
        emulationLeaders = emulationLeaders == null ? List.of() : List.copyOf(emulationLeaders);
    }

    /** The members as a set in code order: duplicates, if a producer ever sent any, collapse. */
    SortedSet<String> memberSet() {
        return new TreeSet<>(members);
    }

    /** The emulation leaders as a set in code order, like {@link #memberSet()}. */
    SortedSet<String> emulationLeaderSet() {
        return new TreeSet<>(emulationLeaders);
    }

    /** Whether this state should replace a stored one of {@code storedVersion}: only strictly newer news wins. */
    boolean isNewerThan(long storedVersion) {
        return version > storedVersion;
    }

    private static boolean isUnitCode(String value) {
        return value != null && UNIT_CODE.matcher(value).matches();
    }

    private static MalformedEventException malformed(String what) {
        return new MalformedEventException("A cluster event needs " + what);
    }
}
