package vn.thidua.scoring.criteria;

/**
 * How a criterion's self-scored points follow from the registered targets that feed it (by
 * criterion code), weighted by the targets' weights:
 * TARGET_ATTAINMENT (a standard criterion): the maximum × attainment, at most the maximum — full
 * points at 100 %, linear below; TARGET_EXCESS (a bonus criterion): pointsPerPercent for every
 * percent above 100 %, up to the criterion's maximum.
 */
public enum ComputedFrom {
    TARGET_ATTAINMENT, TARGET_EXCESS,
    /** A bonus criterion: pointsPerItem for each of the unit's models recognised by the Board that year, up to the maximum. */
    RECOGNISED_MODELS,
    /** A bonus criterion: pointsPerItem for each adoption of the unit's models by other units that year, up to the maximum. */
    MODEL_REPLICATIONS;

    public boolean countsModels() {
        return this == RECOGNISED_MODELS || this == MODEL_REPLICATIONS;
    }
}
