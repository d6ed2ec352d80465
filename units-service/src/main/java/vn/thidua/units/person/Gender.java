package vn.thidua.units.person;

/** Kept because member statistics count women (a rule set may prefer collectives of mostly women: docs/rules.md). */
public enum Gender { FEMALE, MALE }
