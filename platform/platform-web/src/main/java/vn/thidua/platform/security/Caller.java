package vn.thidua.platform.security;

import io.quarkus.security.ForbiddenException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as the verified token says: subject, roles and, for unit representatives and
 * cluster leaders, the unit they act for. A role alone never lets a unit's representative touch
 * another unit; the ownership checks here say so in one place.
 */
public record Caller(String subject, Set<String> roles, Optional<String> unit) {

    public Caller {
        roles = Set.copyOf(roles);
        unit = unit == null ? Optional.empty() : unit.filter(u -> !u.isBlank());
    }

    public boolean hasAnyRole(String... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    /** Admins and Board officers manage everything. */
    public boolean isBoardOrAdmin() {
        return hasAnyRole(Roles.ADMIN, Roles.BOARD);
    }

    /** Whether this caller acts for exactly that unit (its token's {@code unit} claim). */
    public boolean actsFor(String unitCode) {
        return unit.isPresent() && unit.get().equals(unitCode);
    }

    /** Refuses (403) unless the caller is Board or admin, or acts for that unit. */
    public void requireBoardOrActsFor(String unitCode) {
        if (!isBoardOrAdmin() && !actsFor(unitCode)) {
            throw new ForbiddenException("acts for " + unit.orElse("no unit") + ", not " + unitCode);
        }
    }

    public void requireBoardOrAdmin() {
        if (!isBoardOrAdmin()) {
            throw new ForbiddenException("board or admin only");
        }
    }
}
