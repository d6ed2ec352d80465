package vn.thidua.scoring.criteria;

import java.time.Clock;
import java.time.LocalDate;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.time.VietnamTime;

/** Deadlines are dates in Vietnam's time zone: a stage is open through the whole of its last day. */
public final class Deadlines {
    
    private Deadlines() {
    }

    public static boolean isPast(LocalDate deadline, Clock clock) {
        return deadline != null && LocalDate.now(clock.withZone(VietnamTime.ZONE)).isAfter(deadline);
    }

    /** 422 naming the deadline when the stage's last day is over. */
    public static void requireOpen(CriteriaSet set, Stage stage, Clock clock) {
        LocalDate deadline = set.deadline(stage);
        if (isPast(deadline, clock)) {
            throw Refusal.unprocessable("stage-deadline-passed", "sheet.deadline-passed", stage, deadline.toString());
        }
    }
}
