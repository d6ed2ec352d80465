package vn.thidua.units.cluster;

/** What the cluster rules need to know about a unit of the registry. */
public record MemberUnit(String code, String name, boolean active, String status) {
}
