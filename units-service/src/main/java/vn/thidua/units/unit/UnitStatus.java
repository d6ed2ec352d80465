package vn.thidua.units.unit;

/** Where a unit stands: active, merged into another unit, or dissolved. */
public enum UnitStatus {
    ACTIVE, MERGED, DISSOLVED
}
