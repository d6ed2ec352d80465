package vn.thidua.awards.condition;

/**
 * What an award rewards. Ad-hoc and thematic awards are not a basis for merit awards (Decree
 * 152/2025 Art. 4(3), [V2]), so conditions that count earlier awards count only {@link #MERIT} ones.
 */
public enum AwardKind {
    /** For the year's merit (khen thưởng theo công trạng và thành tích). */
    MERIT,
    /** For an outstanding ad-hoc achievement (khen thưởng đột xuất). */
    AD_HOC,
    /** For a thematic movement (khen thưởng theo chuyên đề). */
    THEMATIC,
    /** For a contribution (khen thưởng quá trình cống hiến, đối ngoại, ...). */
    CONTRIBUTION
}
