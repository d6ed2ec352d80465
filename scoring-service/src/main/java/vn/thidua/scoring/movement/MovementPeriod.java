package vn.thidua.scoring.movement;

import java.time.LocalDate;
import java.time.Period;

/**
 * A movement's period: both dates are Vietnamese calendar dates (Asia/Ho_Chi_Minh) and both days
 * belong to the movement.
 */
public record MovementPeriod(LocalDate start, LocalDate end) {

    /**
     * The whole years the movement lasts, its last day included: 1/1/2016–31/12/2020 is 5 years,
     * 1/1/2016–30/12/2020 only 4, one calendar year 1, a few months 0. Award rules that ask for a
     * movement of at least N years compare this number.
     */
    public int durationYears() {
        return Period.between(start, end.plusDays(1)).getYears();
    }

    /** Whether the movement runs on at least one day of that calendar year. */
    public boolean runsIn(int year) {
        return start.getYear() <= year && year <= end.getYear();
    }

    /** Whether the period lies within one calendar year, as a regular movement must. */
    public boolean withinOneYear() {
        return start.getYear() == end.getYear();
    }
}
