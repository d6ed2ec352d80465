package vn.thidua.platform.clusters;

import java.util.List;

/**
 * A cluster-year (cụm or khối thi đua in one emulation year) as the consuming service knows it from
 * {@code thidua.clusters.v1}. {@code id} is units-service's cluster-year id; {@code kind} is
 * {@code CLUSTER} or {@code BLOCK}; {@code members} are unit codes sorted by code; leader and
 * deputy (the rotating chair, cụm trưởng and cụm phó) are null until set. {@code emulationLeaders}
 * are the units the cluster-year recognised as leading its emulation (đơn vị dẫn đầu, by vote),
 * sorted by code, empty until recorded: the units a Government flag may go to.
 * {@code version} is the producer's.
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
        List<String> emulationLeaders,
        long version) {

    /** The first emulation year the read model takes; events of earlier years are refused. */
    public static final int MIN_YEAR = 2000;
    /** The last emulation year the read model takes; events of later years are refused. */
    public static final int MAX_YEAR = 2100;

    public ClusterYear {
        members = List.copyOf(members);
        emulationLeaders = emulationLeaders == null ? List.of() : List.copyOf(emulationLeaders);
    }

    /** A cluster-year without recorded emulation leaders. */
    public ClusterYear(long id, String code, String name, String kind, int year, String leaderUnitCode,
                       String deputyUnitCode, List<String> members, long version) {
        this(id, code, name, kind, year, leaderUnitCode, deputyUnitCode, members, List.of(), version);
    }

    /** Whether the unit is recorded as leading this cluster-year's emulation (false for null). */
    public boolean ledEmulation(String unitCode) {
        return unitCode != null && emulationLeaders.contains(unitCode);
    }

    /** Whether the unit is one of the members (false for null). */
    public boolean hasMember(String unitCode) {
        return unitCode != null && members.contains(unitCode);
    }
}
