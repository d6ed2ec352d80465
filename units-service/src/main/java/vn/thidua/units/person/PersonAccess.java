package vn.thidua.units.person;

import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Roles;

/**
 * Who reads and changes a unit's people (docs/security.md, "Personal data"). The unit itself, the
 * Board and the Council read the whole record; the leader of a cluster the unit is in reads what the
 * cluster's review needs (names, positions, titles); nobody else reads anything: not another unit, not
 * a viewer, not the portal. Only the unit and the Board change them. Every read by someone other than
 * the unit itself is written down ({@link PersonReads}).
 */
public final class PersonAccess {
    /** What a reader sees of a person. */
    public enum View {
        /** Everything kept. */
        FULL,
        /** Name, position, status and the titles of the years: no gender, year of birth, personnel code, rating or discipline. */
        CLUSTER
    }

    private PersonAccess() {
    }

    /**
     * The view the caller gets of the unit's people. {@code leadsClusterOfUnit} is asked only for a
     * cluster leader of another unit (it costs a query).
     */
    public static View viewOf(Caller caller, String unitCode, java.util.function.BooleanSupplier leadsClusterOfUnit) {
        if (caller.actsFor(unitCode) || caller.isBoardOrAdmin() || caller.councilMember().isPresent()) {
            return View.FULL;
        }
        if (caller.hasAnyRole(Roles.CLUSTER_LEADER) && caller.actingUnit().isPresent() && leadsClusterOfUnit.getAsBoolean()) {
            return View.CLUSTER;
        }
        throw Refusal.forbidden("people-of-another-unit", "person.read.forbidden", unitCode);
    }

    /** Whether a read by this caller is written down: any reader but the unit itself. */
    public static boolean audited(Caller caller, String unitCode) {
        return !caller.actsFor(unitCode);
    }

    /** Refuses a change by anyone but the unit itself and the Board. */
    public static void requireChange(Caller caller, String unitCode) {
        if (!caller.isBoardOrAdmin() && !caller.actsFor(unitCode)) {
            throw Refusal.forbidden("people-of-another-unit", "person.change.forbidden", unitCode);
        }
    }
}
