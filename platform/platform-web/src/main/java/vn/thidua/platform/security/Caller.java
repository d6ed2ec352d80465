package vn.thidua.platform.security;

import io.quarkus.security.ForbiddenException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as the verified token says: subject, roles and, for unit representatives and
 * cluster leaders, the unit they act for; for Council members, the member they are. A role alone never lets a unit's representative touch
 * another unit; the ownership checks here say so in one place.
 */
public record Caller(String subject, Set<String> roles, Optional<String> unit, Optional<String> member) {

    public Caller {
        roles = Set.copyOf(roles);
        unit = unit == null ? Optional.empty() : unit.filter(u -> !u.isBlank());
        member = member == null ? Optional.empty() : member.filter(m -> !m.isBlank());
    }

    /** A caller whose token names no Council member. */
    public Caller(String subject, Set<String> roles, Optional<String> unit) {
        this(subject, roles, unit, Optional.empty());
    }

    /**
     * The Council member this caller is, if it holds the council-member role and its token names the member: as with
     * units, the claim alone (on a viewer's token, say) makes nobody a member.
     */
    public Optional<String> councilMember() {
        return hasAnyRole(Roles.COUNCIL_MEMBER) ? member : Optional.empty();
    }

    public boolean hasAnyRole(String... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    /** Admins and Board officers manage everything. */
    public boolean isBoardOrAdmin() {
        return hasAnyRole(Roles.ADMIN, Roles.BOARD);
    }

    /**
     * Whether this caller acts for exactly that unit: it holds a role that acts for a unit (unit-rep or
     * cluster-leader) and its token's {@code unit} claim names that unit. The role matters: a viewer's or
     * the portal's token that happens to carry a {@code unit} claim reads what its role reads, but acts
     * for no unit.
     */
    public boolean actsFor(String unitCode) {
        return actingUnit().filter(own -> own.equals(unitCode)).isPresent();
    }

    /** The unit this caller acts for, if it holds a unit-bound role and names its unit; empty otherwise. */
    public Optional<String> actingUnit() {
        return hasAnyRole(Roles.UNIT_REP, Roles.CLUSTER_LEADER) ? unit : Optional.empty();
    }

    /**
     * Whether this caller leads the cluster-year whose leader unit is {@code leaderUnitCode}: a
     * cluster-leader token acts for its leader unit, so leadership is known from the cluster's leader
     * (units-service keeps it; the other services learn it from {@code thidua.clusters.v1}). A cluster
     * without a leader (null) is led by nobody.
     */
    public boolean leadsClusterLedBy(String leaderUnitCode) {
        return leaderUnitCode != null && hasAnyRole(Roles.CLUSTER_LEADER) && actsFor(leaderUnitCode);
    }

    /** Admins, Board officers and viewers read every cluster-year; the others only those of the unit they act for. */
    public boolean readsEveryCluster() {
        return isBoardOrAdmin() || hasAnyRole(Roles.VIEWER);
    }

    /**
     * Whether the caller may read a cluster-year with these members (and what belongs to it: its
     * criteria, its ranking, its votes): it reads every cluster-year, or the unit it acts for is a
     * member. A cluster leader is a member of the cluster-year it leads, so it reads that one.
     */
    public boolean readsClusterOf(Collection<String> members) {
        return readsEveryCluster() || actingUnit().filter(members::contains).isPresent();
    }

    /** Refuses (403) unless the caller is Board or admin, or leads the cluster-year led by that unit. */
    public void requireBoardOrLeadsClusterLedBy(String leaderUnitCode) {
        if (!isBoardOrAdmin() && !leadsClusterLedBy(leaderUnitCode)) {
            throw new ForbiddenException("acts for " + unit.orElse("no unit") + ", which does not lead this cluster-year");
        }
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
