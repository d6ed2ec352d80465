package vn.thidua.units.cluster;

import java.util.Objects;

/** Leader (cụm trưởng) and deputy (cụm phó) of a cluster-year, as unit codes; either may be absent. */
public record Leadership(String leaderUnitCode, String deputyUnitCode) {
    public static final Leadership NONE = new Leadership(null, null);

    public boolean isLeaderOrDeputy(String unitCode) {
        return Objects.equals(leaderUnitCode, unitCode) || Objects.equals(deputyUnitCode, unitCode);
    }

    public boolean isNone() {
        return leaderUnitCode == null && deputyUnitCode == null;
    }
}
