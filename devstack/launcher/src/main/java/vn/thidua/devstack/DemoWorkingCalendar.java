package vn.thidua.devstack;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's working calendars (2016, 2017, 2025, 2026, 2027) and the procedure's time limits, entered
 * through awards-service's API (via the gateway) as the Board would: {@code PUT
 * /api/awards/working-calendars/{year}} and {@code POST /api/awards/procedure-limits}.
 *
 * <p>Tags as in /work/shared/law-2025.md: [V] the cited text says it; [V2] a secondary copy says it;
 * [M] background knowledge, unverified; [?] uncertain. Nobody here read the government's yearly
 * holiday notices, so no calendar is [V] or [V2]: the statutory holidays (Labour Code 2019 Art. 112:
 * New Year, Tết, Hùng Kings' day 10/3 lunar, 30/4, 1/5, 2/9 and a day next to it) and the days off in
 * lieu (nghỉ bù) when one falls on a weekend are [M] for 2016, 2017 and 2025, whose days are past and
 * widely known; 2026 and 2027 are [?] (which day beside 2/9, any swap of days around New Year and Tết,
 * and for 2027 Tết's exact days). Weekend: Saturday and Sunday for public bodies [M]. Not wired into the demo run here: {@link #load} is called by whoever adds it.
 */
final class DemoWorkingCalendar {
    private static final List<String> WEEKEND = List.of("SATURDAY", "SUNDAY");
    private static final String HOLIDAYS_BASIS = "Bộ luật Lao động 2019, Điều 112 (trước 2021: Bộ luật Lao động 2012, Điều 115); "
            + "thông báo lịch nghỉ Tết và các ngày lễ của năm (chưa đối chiếu văn bản)";
    private static final String NEW_YEAR = "Tết Dương lịch";
    private static final String TET = "Tết Nguyên đán";
    private static final String HUNG_KINGS = "Giỗ Tổ Hùng Vương (10/3 âm lịch)";
    private static final String REUNIFICATION = "Ngày Chiến thắng (30/4)";
    private static final String LABOUR = "Ngày Quốc tế Lao động (1/5)";
    private static final String NATIONAL = "Quốc khánh (2/9)";
    private static final String NATIONAL_NEXT = "Quốc khánh (ngày liền kề 2/9)";

    /** One listed day: a date, HOLIDAY or MAKE_UP_WORKDAY, a name. */
    record Day(String date, String kind, String name) {
        static Day off(String date, String name) {
            return new Day(date, "HOLIDAY", name);
        }

        static Day inLieu(String date, String of) {
            return new Day(date, "HOLIDAY", "Nghỉ bù " + of);
        }

        static Day worked(String date, String name) {
            return new Day(date, "MAKE_UP_WORKDAY", name);
        }
    }

    record Year(int year, String tag, String note, List<Day> days) {
    }

    /** The weekdays of a run of days off (Tết), weekends left to the weekend. */
    private static List<Day> weekdaysOff(String first, String last, String name) {
        List<Day> days = new ArrayList<>();
        for (LocalDate day = LocalDate.parse(first); !day.isAfter(LocalDate.parse(last)); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() <= 5) {
                days.add(Day.off(day.toString(), name));
            }
        }
        return days;
    }

    private static List<Day> days(Object... parts) {
        List<Day> days = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof Day day) {
                days.add(day);
            } else {
                @SuppressWarnings("unchecked")
                List<Day> run = (List<Day>) part;
                days.addAll(run);
            }
        }
        return days;
    }

    static final List<Year> YEARS = List.of(
            // 2016 [M]: Tết Bính Thân (mùng 1 = 8/2) off from Saturday 6/2 to Sunday 14/2; 10/3 lunar on Saturday 16/4,
            // 30/4 and 1/5 on a weekend, each off on the next working day
            new Year(2016, "M", "2016 [M]", days(Day.off("2016-01-01", NEW_YEAR), weekdaysOff("2016-02-08", "2016-02-12", TET),
                    Day.inLieu("2016-04-18", HUNG_KINGS), Day.inLieu("2016-05-02", REUNIFICATION), Day.inLieu("2016-05-03", LABOUR),
                    Day.off("2016-09-02", NATIONAL))),
            // 2017 [M]: 1/1 on Sunday; Tết Đinh Dậu (mùng 1 = 28/1) off Thursday 26/1 to Wednesday 1/2; 10/3 lunar Thursday 6/4;
            // 30/4 on Sunday; 2/9 on Saturday
            new Year(2017, "M", "2017 [M]", days(Day.inLieu("2017-01-02", NEW_YEAR), weekdaysOff("2017-01-26", "2017-02-01", TET),
                    Day.off("2017-04-06", HUNG_KINGS), Day.inLieu("2017-05-02", REUNIFICATION), Day.off("2017-05-01", LABOUR),
                    Day.inLieu("2017-09-04", NATIONAL))),
            // 2025 [M]: Tết Ất Tỵ (mùng 1 = 29/1) off Saturday 25/1 to Sunday 2/2; 10/3 lunar Monday 7/4; Friday 2/5 off in exchange
            // for Saturday 26/4 worked; 2/9 with Monday 1/9 beside it
            new Year(2025, "M", "2025 [M]", days(Day.off("2025-01-01", NEW_YEAR), weekdaysOff("2025-01-27", "2025-01-31", TET),
                    Day.off("2025-04-07", HUNG_KINGS), Day.worked("2025-04-26", "Làm bù cho thứ Sáu 02/5"), Day.off("2025-04-30", REUNIFICATION),
                    Day.off("2025-05-01", LABOUR), Day.off("2025-05-02", "Nghỉ hoán đổi (làm bù thứ Bảy 26/4)"),
                    Day.off("2025-09-01", NATIONAL_NEXT), Day.off("2025-09-02", NATIONAL))),
            // 2026 [?]: Tết Bính Ngọ (mùng 1 = 17/2) off Saturday 14/2 to Sunday 22/2 [M]; 10/3 lunar on Sunday 26/4, off Monday 27/4;
            // the day beside 2/9 (Wednesday) taken as Tuesday 1/9 [?]; no swap around New Year entered [?]
            new Year(2026, "?", "2026 [?]", days(Day.off("2026-01-01", NEW_YEAR), weekdaysOff("2026-02-16", "2026-02-20", TET),
                    Day.inLieu("2026-04-27", HUNG_KINGS), Day.off("2026-04-30", REUNIFICATION), Day.off("2026-05-01", LABOUR),
                    Day.off("2026-09-01", NATIONAL_NEXT), Day.off("2026-09-02", NATIONAL))),
            // 2027 [?]: Tết Đinh Mùi (mùng 1 = Saturday 6/2) taken as Thursday 4/2 to Wednesday 10/2 [?]; 10/3 lunar taken as
            // Friday 16/4 [?]; 1/5 on Saturday, off Monday 3/5; 2/9 (Thursday) with Friday 3/9 beside it [?]
            new Year(2027, "?", "2027 [?]", days(Day.off("2027-01-01", NEW_YEAR), weekdaysOff("2027-02-04", "2027-02-10", TET),
                    Day.off("2027-04-16", HUNG_KINGS), Day.off("2027-04-30", REUNIFICATION), Day.inLieu("2027-05-03", LABOUR),
                    Day.off("2027-09-02", NATIONAL), Day.off("2027-09-03", NATIONAL_NEXT))));

    /** A procedure limit as the Board enters it. */
    record Limit(String code, String kind, Object value, String effectiveFrom, String citation, String tag) {
    }

    /**
     * law-2025.md §4: "Year-end dossiers reach Sở Nội vụ by 10/12" — provincial practice, Bắc Ninh
     * 86/2025/QĐ-UBND (in force 15/12/2025) as the typical example [V2 T5], so in force from that day
     * (the achievement year 2026 on: the due date of a year is the one in force on its 1 January).
     * The national Board's limits [V2 T7]: QĐ 311/QĐ-BNV (2025) — its own date not known here, so taken
     * from 01/07/2025, when Decree 152 applied.
     */
    static final List<Limit> LIMITS = List.of(
            new Limit("YEAR_END_DOSSIER_DUE", "DAY_OF_YEAR", "12-10", "2025-12-15",
                    "QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh (ví dụ thực tiễn cấp tỉnh theo Nghị định 152/2025/NĐ-CP): hồ sơ cuối năm gửi Sở Nội vụ "
                            + "trước ngày 10/12", "V2"),
            new Limit("NATIONAL_RETURN_FAULTY", "WORKING_DAYS", 5, "2025-07-01",
                    "QĐ 311/QĐ-BNV (2025): Ban Thi đua – Khen thưởng Trung ương trả hồ sơ không đúng quy định trong 05 ngày làm việc", "V2"),
            new Limit("NATIONAL_SUBMIT_TO_PM", "WORKING_DAYS", 20, "2025-07-01",
                    "QĐ 311/QĐ-BNV (2025): trình Thủ tướng Chính phủ trong 20 ngày làm việc", "V2"),
            new Limit("NATIONAL_CONSULTATION_EXTRA", "WORKING_DAYS", 10, "2025-07-01",
                    "QĐ 311/QĐ-BNV (2025): thêm 10 ngày làm việc khi lấy ý kiến cơ quan liên quan", "V2"));

    private DemoWorkingCalendar() {
    }

    /** Enters the calendars (replacing a year entered before, with the version read) and the limits not entered yet; the Board's token. */
    static void load(GatewayClient gateway, String board) {
        for (Year year : YEARS) {
            String path = "/api/awards/working-calendars/" + year.year();
            HttpResponse<String> current = gateway.get(path, board);
            String ifMatch = current.statusCode() == 200 ? current.headers().firstValue("ETag").orElse(null) : null;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("weekendDays", WEEKEND);
            body.put("days", year.days());
            body.put("citation", HOLIDAYS_BASIS + "; " + year.note());
            body.put("tag", year.tag());
            expect(gateway.putJson(path, board, body, ifMatch), "working calendar " + year.year());
        }
        for (Limit limit : LIMITS) {
            HttpResponse<String> entered = expect(gateway.get("/api/awards/procedure-limits?code=" + limit.code(), board),
                    "procedure limits " + limit.code());
            if (GatewayClient.read(entered.body()).size() > 0) {
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", limit.code());
            body.put("kind", limit.kind());
            body.put("value", limit.value());
            body.put("effectiveFrom", limit.effectiveFrom());
            body.put("citation", limit.citation());
            body.put("tag", limit.tag());
            expect(gateway.postJson("/api/awards/procedure-limits", board, body), "procedure limit " + limit.code());
        }
        System.out.println("Demo working calendars: " + YEARS.stream().map(Year::note).toList() + "; procedure limits: "
                + LIMITS.stream().map(l -> l.code() + "=" + l.value() + " [" + l.tag() + "]").toList());
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Demo working calendar refused (" + what + "): " + response.statusCode() + " " + response.body());
        }
        return response;
    }
}
