package vn.thidua.units.cluster;

import java.util.Optional;

/** Looks units up in the registry; an interface so that the cluster rules can be tested without it. */
public interface UnitDirectory {
    Optional<MemberUnit> find(String unitCode);
}
