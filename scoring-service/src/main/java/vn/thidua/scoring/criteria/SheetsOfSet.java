package vn.thidua.scoring.criteria;

import java.util.List;

/**
 * What publishing a criteria set needs from the score sheets: a sheet for every member in every
 * stage the set has. The {@code sheet} feature implements it, so that {@code sheet} depends on
 * {@code criteria} and never the other way round.
 */
public interface SheetsOfSet {
    void openSheets(CriteriaSet set, List<String> members);
}
