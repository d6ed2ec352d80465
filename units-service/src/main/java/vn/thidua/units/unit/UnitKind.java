package vn.thidua.units.unit;

/** What kind of collective a unit is. */
public enum UnitKind {
    /** Fatherland Front, Labour Federation, Farmers' Association, Women's Union, … */
    MASS_ORGANISATION,
    DEPARTMENT,
    DISTRICT,
    COMMUNE,
    ENTERPRISE,
    OTHER
}
