package vn.thidua.scoring.movement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MovementPeriodTest {

    static MovementPeriod period(String start, String end) {
        return new MovementPeriod(LocalDate.parse(start), LocalDate.parse(end));
    }

    @Test
    void fiveCalendarYearsAreFiveWholeYears() {
        assertEquals(5, period("2016-01-01", "2020-12-31").durationYears());
    }

    @Test
    void oneDayShortOfFiveYearsIsFour() {
        assertEquals(4, period("2016-01-01", "2020-12-30").durationYears());
        assertEquals(5, period("2016-03-27", "2021-03-26").durationYears());
        assertEquals(4, period("2016-03-27", "2021-03-25").durationYears());
    }

    @Test
    void oneCalendarYearIsOneAndAFewMonthsNone() {
        assertEquals(1, period("2016-01-01", "2016-12-31").durationYears());
        assertEquals(0, period("2016-03-01", "2016-12-31").durationYears());
        assertEquals(0, period("2016-05-19", "2016-05-19").durationYears());
    }

    @Test
    void aLeapDayStartStillCountsWholeYears() {
        assertEquals(4, period("2016-02-29", "2020-02-28").durationYears());
    }

    @Test
    void runsInEveryYearItTouches() {
        MovementPeriod period = period("2016-11-01", "2018-02-15");
        assertFalse(period.runsIn(2015));
        assertTrue(period.runsIn(2016));
        assertTrue(period.runsIn(2017));
        assertTrue(period.runsIn(2018));
        assertFalse(period.runsIn(2019));
        assertFalse(period.withinOneYear());
        assertTrue(period("2016-01-01", "2016-12-31").withinOneYear());
    }
}
