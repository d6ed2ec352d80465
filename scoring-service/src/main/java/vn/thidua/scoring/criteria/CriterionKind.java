package vn.thidua.scoring.criteria;

/** Standard points (điểm chuẩn), bonus points (điểm thưởng, capped per set) or a penalty (điểm trừ, deducted). */
public enum CriterionKind {
    STANDARD, BONUS, PENALTY
}
