package vn.thidua.platform.time;

import java.time.ZoneId;

/**
 * Vietnam's time zone: every calendar date the law counts (a deadline, a decision's date, a voting
 * session's opening) is a date there, whatever the servers' zone. Instants stay UTC.
 */
public final class VietnamTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {
    }
}
