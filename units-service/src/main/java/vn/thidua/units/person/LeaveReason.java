package vn.thidua.units.person;

/** Why a membership ended. */
public enum LeaveReason { LEFT, RETIRED, MOVED, DECEASED }
