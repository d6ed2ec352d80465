package vn.thidua.awards.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A decision as the API shows it: the units it names, each with its name and the proposal it decided. */
public record DecisionView(long id, String number, LocalDate date, String authority, String awardTypeCode, String awardName, int year,
                           List<UnitView> units, String recordedBy, Instant recordedAt) {

    public record UnitView(String unitCode, String unitName, long proposalId) {
    }
}
