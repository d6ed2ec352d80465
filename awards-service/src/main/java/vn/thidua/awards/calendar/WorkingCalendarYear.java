package vn.thidua.awards.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A year's working calendar as stored: replaced whole by the Board, each replacement audited. */
@Entity
@Table(name = "working_calendar")
public class WorkingCalendarYear extends PanacheEntityBase {

    @Id
    public Integer year;

    /** The days-of-week off, in week order. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "weekend_days", nullable = false)
    public List<DayOfWeek> weekendDays;

    /** Holidays and make-up working days, by date. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<StoredDay> days;

    @Column(nullable = false, length = 500)
    public String citation;

    /** Confidence in the source: V, V2, M or ?. */
    @Column(nullable = false, length = 3)
    public String tag;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "updated_by", nullable = false, length = 100)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** A listed day as kept in JSON: the date as ISO text, so the column reads the same to any client of the database. */
    public record StoredDay(String date, DayKind kind, String name) {
        static StoredDay of(CalendarDay day) {
            return new StoredDay(day.date().toString(), day.kind(), day.name());
        }

        CalendarDay day() {
            return new CalendarDay(LocalDate.parse(date), kind, name);
        }
    }

    public CalendarYear calendarYear() {
        return new CalendarYear(year, weekendDays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekendDays),
                days.stream().map(StoredDay::day).toList(), citation, tag);
    }
}
