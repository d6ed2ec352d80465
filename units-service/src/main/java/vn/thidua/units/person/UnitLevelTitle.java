package vn.thidua.units.person;

/**
 * The titles a unit's head confers on its own people for a year, named by their award-type codes in
 * awards-service's catalogue, so that a person-level condition there reads them as it reads its own
 * awards. These are what the member statistics count; a new one needs a new measure there as well.
 */
public enum UnitLevelTitle {
    /** "Lao động tiên tiến" (its conditions are a rule set's data: docs/rules.md). */
    LAO_DONG_TIEN_TIEN,
    /** "Chiến sĩ thi đua cơ sở" (likewise). */
    CHIEN_SI_THI_DUA_CO_SO
}
