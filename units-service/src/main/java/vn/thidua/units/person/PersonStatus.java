package vn.thidua.units.person;

/** Whether a person belongs to a unit now. */
public enum PersonStatus { ACTIVE, LEFT }
