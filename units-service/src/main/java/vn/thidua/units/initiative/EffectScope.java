package vn.thidua.units.initiative;

/** The scope of an initiative's effect as a recognition found it (phạm vi ảnh hưởng); narrowest first. */
public enum EffectScope { UNIT, PROVINCE, NATIONAL }
