package vn.thidua.awards.catalogue;

/** Who confers an award: the State (Prime Minister, President), the province, or a department. */
public enum AwardLevel {
    STATE, PROVINCIAL, DEPARTMENT
}
