package vn.thidua.units.cluster;

/**
 * The rule that needs the other cluster-years: a unit is in at most one cluster of a kind per
 * year. {@link ClusterChanges} checks it in the database (where a unique index backs it up); the
 * plain tests give a map.
 */
@FunctionalInterface
interface OtherClusters {
    void requireNotElsewhere(String unitCode, ClusterKind kind, int year);
}
