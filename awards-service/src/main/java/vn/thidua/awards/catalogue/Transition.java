package vn.thidua.awards.catalogue;

/**
 * How a rule set applies while the law changes: which rule set judges a vote or a proposal when
 * the achievement lies under one text and the dossier arrives under another. The rule set in force
 * on the day the dossier is received (or the vote is held) says which, by its own transition clause.
 */
public enum Transition {
    /** The rules in force on the day the dossier is received (or the vote held) judge it. */
    DOSSIER_RECEIVED_ON,
    /** The rules in force at the end of the achievement year judge it, whenever the dossier arrives. */
    ACHIEVEMENT_YEAR
}
