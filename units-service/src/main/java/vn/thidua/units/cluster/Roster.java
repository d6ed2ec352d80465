package vn.thidua.units.cluster;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import vn.thidua.platform.domain.Refusal;

/**
 * The current members of one cluster-year and its leadership, with the rules that guard them.
 * Plain Java: the service loads a roster, asks it, then persists what it allowed.
 *
 * <p>What needs the database (a unit in at most one cluster of a kind per year) is checked by
 * the service and by a unique index; what needs the registry goes through {@link UnitDirectory}.
 */
public final class Roster {
    private final Set<String> members;
    private final Leadership leadership;

    public Roster(Collection<String> members, Leadership leadership) {
        this.members = Collections.unmodifiableSet(new LinkedHashSet<>(members));
        this.leadership = leadership == null ? Leadership.NONE : leadership;
    }

    public Set<String> members() {
        return members;
    }

    public Leadership leadership() {
        return leadership;
    }

    public boolean contains(String unitCode) {
        return members.contains(unitCode);
    }

    /** A unit may join if it is not a member already and the registry knows it as active. */
    public void requireCanAdd(String unitCode, UnitDirectory units) {
        if (contains(unitCode)) {
            throw Refusal.unprocessable("cluster-member-already", "cluster.member.already", unitCode);
        }
        requireEligible(unitCode, units);
    }

    /** A leader or deputy cannot leave until the leadership changes. */
    public void requireCanRemove(String unitCode) {
        if (!contains(unitCode)) {
            throw Refusal.notFound("cluster-member-not-found", "cluster.member.not-found", unitCode);
        }
        if (unitCode.equals(leadership.leaderUnitCode())) {
            throw Refusal.unprocessable("cluster-member-leads", "cluster.member.is-leader", unitCode);
        }
        if (unitCode.equals(leadership.deputyUnitCode())) {
            throw Refusal.unprocessable("cluster-member-leads", "cluster.member.is-deputy", unitCode);
        }
    }

    /** Leader and deputy must be members this year, be two different units, and still be active. */
    public void requireValid(Leadership proposed, UnitDirectory units) {
        String leader = proposed.leaderUnitCode();
        String deputy = proposed.deputyUnitCode();
        if (leader == null) {
            throw Refusal.invalid("invalid-cluster-leadership", "cluster.leadership.leader-required");
        }
        if (leader.equals(deputy)) {
            throw Refusal.unprocessable("cluster-leadership-same-unit", "cluster.leadership.same-unit", leader);
        }
        if (!contains(leader)) {
            throw Refusal.unprocessable("cluster-leadership-not-member", "cluster.leadership.leader-not-member", leader);
        }
        if (deputy != null && !contains(deputy)) {
            throw Refusal.unprocessable("cluster-leadership-not-member", "cluster.leadership.deputy-not-member", deputy);
        }
        requireEligible(leader, units);
        if (deputy != null) {
            requireEligible(deputy, units);
        }
    }

    /** Members are units the registry knows and that are still active (not merged, not dissolved). */
    public static MemberUnit requireEligible(String unitCode, UnitDirectory units) {
        MemberUnit unit = units.find(unitCode).orElseThrow(() ->
                Refusal.unprocessable("cluster-member-unknown", "cluster.member.unknown", unitCode));
        if (!unit.active()) {
            throw Refusal.unprocessable("cluster-member-inactive", "cluster.member.inactive", unitCode,
                    Objects.toString(unit.status(), "?"));
        }
        return unit;
    }
}
