package vn.thidua.awards.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DeadlineStateTest {
    static final LocalDate DUE = LocalDate.of(2016, 12, 10);

    @Test
    void aStepIsMetOnTheLastDayLateAfterItAndOverdueWhileUndoneAfterIt() {
        assertEquals(DeadlineState.MET, DeadlineState.of(DUE, DUE, DUE.plusDays(30)));
        assertEquals(DeadlineState.LATE, DeadlineState.of(DUE, DUE.plusDays(1), DUE.plusDays(30)));
        assertEquals(DeadlineState.PENDING, DeadlineState.of(DUE, null, DUE));
        assertEquals(DeadlineState.OVERDUE, DeadlineState.of(DUE, null, DUE.plusDays(1)));
    }
}
