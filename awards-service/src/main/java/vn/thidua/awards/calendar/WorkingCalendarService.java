package vn.thidua.awards.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.thidua.platform.domain.ExpectedVersion;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;

/** The working calendars by year: the Board enters each year whole (audited); deadlines read them. */
@ApplicationScoped
public class WorkingCalendarService {
    @Inject
    Clock clock;
    private final ObjectMapper mapper;

    public WorkingCalendarService(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Transactional
    public WorkingCalendarYear get(int year) {
        WorkingCalendarYear found = WorkingCalendarYear.findById(year);
        if (found == null) {
            throw Refusal.notFound("working-calendar-not-found", "calendar.not-found", year);
        }
        return found;
    }

    /**
     * Replaces the whole year at once: a year not entered yet is created; one entered before needs the
     * version it was read at ({@code If-Match}: 428 without, 412 when stale). Sending the same year
     * again changes nothing and audits nothing.
     */
    @Transactional
    public WorkingCalendarYear replace(int year, WorkingCalendarRequest request, ExpectedVersion expected, Caller caller) {
        caller.requireBoardOrAdmin();
        CalendarYear entered = request.check(year);
        // two officers entering the same new year at once: the second waits, then needs the first's version
        WorkingCalendarYear.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "working-calendar/" + year).getSingleResult();
        WorkingCalendarYear stored = WorkingCalendarYear.findById(year);
        WorkingCalendarView before = null;
        List<WorkingCalendarYear.StoredDay> days = entered.days().stream().map(WorkingCalendarYear.StoredDay::of).toList();
        List<DayOfWeek> weekend = new ArrayList<>(entered.weekendDays());
        if (stored == null) {
            stored = new WorkingCalendarYear();
            stored.year = year;
        } else {
            expected.requireNamed();
            expected.requireMatches(stored.version);
            if (stored.weekendDays.equals(weekend) && stored.days.equals(days) && stored.citation.equals(entered.citation())
                    && stored.tag.equals(entered.tag())) {
                return stored;
            }
            before = WorkingCalendarView.of(stored);
        }
        stored.weekendDays = weekend;
        stored.days = days;
        stored.citation = entered.citation();
        stored.tag = entered.tag();
        stored.updatedBy = caller.subject();
        stored.updatedAt = Instant.now(clock);
        stored.persistAndFlush();
        audit(year, before, WorkingCalendarView.of(stored));
        return stored;
    }

    /** The calendar over the years {@code first} to {@code last}, as entered; years nobody entered fall back to weekends only. */
    public WorkingCalendar calendar(int first, int last) {
        List<WorkingCalendarYear> years = WorkingCalendarYear.list("year between ?1 and ?2", Math.min(first, last), Math.max(first, last));
        return new WorkingCalendar(years.stream().map(WorkingCalendarYear::calendarYear).toList());
    }

    private void audit(int year, WorkingCalendarView before, WorkingCalendarView after) {
        try {
            WorkingCalendarYear.getEntityManager().createNativeQuery("""
                            INSERT INTO working_calendar_audit (year, before, after, actor, at)
                            VALUES (?1, CAST(?2 AS jsonb), CAST(?3 AS jsonb), ?4, ?5)""")
                    .setParameter(1, year).setParameter(2, before == null ? null : mapper.writeValueAsString(before))
                    .setParameter(3, mapper.writeValueAsString(after)).setParameter(4, after.updatedBy()).setParameter(5, after.updatedAt())
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A working calendar's view is plain JSON", e);
        }
    }
}
