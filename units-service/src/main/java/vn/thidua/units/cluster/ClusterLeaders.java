package vn.thidua.units.cluster;

/**
 * Which units a cluster leader answers for: the members of the cluster-years its unit leads. People
 * and initiatives ask it, since a leader reads what the cluster's review needs of its members' people.
 */
public final class ClusterLeaders {
    private ClusterLeaders() {
    }

    /** Whether the leader unit leads a cluster-year of one of those years in which the member unit is (still) a member. */
    public static boolean leadsClusterOf(String leaderUnitCode, String memberUnitCode, int fromYear, int toYear) {
        return ClusterYear.count("""
                from ClusterYear c where c.leaderUnitCode = ?1 and c.year between ?3 and ?4 and exists (
                    select 1 from ClusterMembership m where m.clusterYearId = c.id and m.unitCode = ?2 and m.leftAt is null)""",
                leaderUnitCode, memberUnitCode, fromYear, toYear) > 0;
    }
}
