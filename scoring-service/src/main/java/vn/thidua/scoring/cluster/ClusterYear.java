package vn.thidua.scoring.cluster;

import java.util.List;

/**
 * A cluster-year (cụm or khối thi đua in one emulation year) as scoring-service knows it from
 * {@code thidua.clusters.v1}. {@code id} is units-service's cluster-year id; {@code kind} is
 * {@code CLUSTER} or {@code BLOCK}; {@code members} are unit codes sorted by code; leader and
 * deputy are null until set. {@code version} is the producer's.
 */
public record ClusterYear(
        long id,
        String code,
        String name,
        String kind,
        int year,
        String leaderUnitCode,
        String deputyUnitCode,
        List<String> members,
        long version) {

    public ClusterYear {
        members = List.copyOf(members);
    }

    public boolean hasMember(String unitCode) {
        return unitCode != null && members.contains(unitCode);
    }
}
