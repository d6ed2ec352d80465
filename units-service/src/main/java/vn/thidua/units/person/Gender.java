package vn.thidua.units.person;

/** Kept because member statistics count women (Decree 152/2025 Art. 4(6) prefers collectives of mostly women). */
public enum Gender { FEMALE, MALE }
