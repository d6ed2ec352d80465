package vn.thidua.awards.condition;

/**
 * Who receives an award: a collective (the unit proposed) or a person of it (cá nhân). Conditions speak of one or the
 * other, so a rule set may use only the kinds that speak of its award's recipient.
 */
public enum Recipient {
    UNIT, PERSON
}
