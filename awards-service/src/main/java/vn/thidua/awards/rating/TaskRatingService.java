package vn.thidua.awards.rating;

import io.quarkus.security.ForbiddenException;
import jakarta.persistence.LockModeType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import vn.thidua.platform.domain.ExpectedVersion;
import vn.thidua.platform.domain.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import vn.thidua.awards.imports.Imports;
import vn.thidua.awards.unit.UnitCodes;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.time.VietnamTime;
import vn.thidua.platform.units.KnownUnit;
import vn.thidua.platform.web.SheetFile;
import vn.thidua.platform.web.Text;
import vn.thidua.platform.security.Roles;

/** The Board records each unit's yearly rating (one at a time or imported); RATING_STREAK reads them. Changes are audited. */
@ApplicationScoped
public class TaskRatingService {
    @Inject
    Clock clock;

    /** One rating as entered: by hand or from a row of an import. */
    public record Entry(String unitCode, Integer year, TaskRating.Level rating, String source) {
    }

    /** What became of one row of an import: its rating recorded, changed, already so, or refused and why. */
    public enum Outcome { CREATED, CHANGED, UNCHANGED, REFUSED }

    public record RowResult(int row, String unitCode, String year, String rating, Outcome outcome, String reason) {
    }

    public record Report(int rows, Map<Outcome, Long> counts, List<RowResult> results) {
    }

    @Transactional
    public TaskRating record(Entry entry, ExpectedVersion expected, Caller caller) {
        caller.requireBoardOrAdmin();
        List<Refusal.Reason> problems = problems(entry, code -> KnownUnit.findById(code) != null);
        if (!problems.isEmpty()) {
            throw Refusal.unprocessable("invalid-task-rating", "rating.invalid", problems.size()).because(problems);
        }
        TaskRating.Key key = new TaskRating.Key(entry.unitCode(), entry.year());
        TaskRating rating = TaskRating.findById(key, LockModeType.PESSIMISTIC_WRITE);
        if (rating != null) {
            expected.requireMatches(rating.version);
        }
        return write(entry, rating, caller);
    }

    /**
     * Ratings from a spreadsheet ({@code unit_code, year, rating, source}), in one transaction: a bad row is
     * refused with its reason and does not stop the others; a unit must be known to this service.
     */
    @Transactional
    public Report importRows(List<SheetFile.Row> rows, Locale locale, Caller caller) {
        caller.requireBoardOrAdmin();
        // one import at a time; the units it names and their ratings are read once, not row by row
        Imports.oneAtATime("task-rating-import");
        Set<String> named = new HashSet<>();
        for (SheetFile.Row row : rows) {
            try {
                if (row.get("unit_code") != null) {
                    named.add(UnitCodes.parse(row.get("unit_code")));
                }
            } catch (Refusal notACode) {
                // refused with its row below
            }
        }
        Set<String> known = KnownUnit.namesOf(named).keySet();
        Map<TaskRating.Key, TaskRating> recorded = new HashMap<>();
        if (!known.isEmpty()) {
            TaskRating.<TaskRating>find("key.unitCode in ?1", known).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                    .forEach(rating -> recorded.put(rating.key, rating));
        }
        List<RowResult> results = new ArrayList<>();
        for (SheetFile.Row row : rows) {
            String unit = row.get("unit_code");
            String year = row.get("year");
            String level = row.get("rating");
            try {
                Entry entry = new Entry(unit == null ? null : UnitCodes.parse(unit), wholeYear(year), level(level),
                        Text.clean(row.get("source"), 500, "source", false));
                List<Refusal.Reason> problems = problems(entry, known::contains);
                if (!problems.isEmpty()) {
                    results.add(new RowResult(row.number(), unit, year, level, Outcome.REFUSED, Imports.reasons(locale, problems)));
                    continue;
                }
                TaskRating.Key key = new TaskRating.Key(entry.unitCode(), entry.year());
                TaskRating before = recorded.get(key);
                if (before != null && before.rating == entry.rating() && before.source.equals(entry.source())) {
                    results.add(new RowResult(row.number(), unit, year, level, Outcome.UNCHANGED, null));
                    continue;
                }
                recorded.put(key, write(entry, before, caller));
                results.add(new RowResult(row.number(), unit, year, level, before == null ? Outcome.CREATED : Outcome.CHANGED, null));
            } catch (Refusal problem) {
                results.add(new RowResult(row.number(), unit, year, level, Outcome.REFUSED, Imports.reason(locale, problem)));
            }
        }
        return new Report(rows.size(), Imports.counts(Outcome.class, results, RowResult::outcome), results);
    }

    private static Integer wholeYear(String raw) {
        try {
            return raw == null ? null : Integer.valueOf(raw.strip());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    private static TaskRating.Level level(String raw) {
        try {
            return raw == null ? null : TaskRating.Level.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** Records the entry over {@code rating} (null: none yet, a new row), and its audit. */
    private TaskRating write(Entry entry, TaskRating rating, Caller caller) {
        TaskRating.Key key = new TaskRating.Key(entry.unitCode(), entry.year());
        String before = null;
        if (rating == null) {
            rating = new TaskRating();
            rating.key = key;
        } else {
            before = rating.rating.name();
        }
        rating.rating = entry.rating();
        rating.source = entry.source();
        rating.recordedBy = caller.subject();
        rating.recordedAt = Instant.now(clock);
        rating.persistAndFlush();
        TaskRating.getEntityManager().createNativeQuery("""
                        INSERT INTO task_rating_audit (unit_code, year, before, after, source, actor, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, key.unitCode).setParameter(2, key.year).setParameter(3, before).setParameter(4, rating.rating.name())
                .setParameter(5, rating.source).setParameter(6, rating.recordedBy).setParameter(7, rating.recordedAt).executeUpdate();
        return rating;
    }

    /** What is wrong with an entry, field by field; empty when it can be recorded. {@code known}: whether awards-service knows a unit. */
    private List<Refusal.Reason> problems(Entry entry, Predicate<String> known) {
        List<Refusal.Reason> problems = new ArrayList<>();
        if (entry.unitCode() == null) {
            problems.add(new Refusal.Reason("unit_code", "problem.field.required", "unit_code"));
        } else if (!known.test(entry.unitCode())) {
            // a typo must not rate a unit that does not exist
            problems.add(new Refusal.Reason("unitCode", "unit.not-known", entry.unitCode()));
        }
        int thisYear = LocalDate.now(clock.withZone(VietnamTime.ZONE)).getYear();
        if (entry.year() == null || entry.year() < 1945 || entry.year() > thisYear) {
            problems.add(new Refusal.Reason("year", "rating.year", thisYear));
        }
        if (entry.rating() == null) {
            problems.add(new Refusal.Reason("rating", "rating.level"));
        }
        if (entry.source() == null) {
            problems.add(new Refusal.Reason("source", "problem.field.required", "source"));
        }
        return problems;
    }

    /** Anyone who may read awards reads ratings, but a unit's representative or cluster leader only its own unit's. */
    public List<TaskRating> of(String unitCode, Caller caller) {
        if (!caller.isBoardOrAdmin() && !caller.hasAnyRole(Roles.VIEWER) && !caller.actsFor(unitCode)) {
            throw new ForbiddenException("ratings of " + unitCode);
        }
        return TaskRating.list("key.unitCode = ?1 order by key.year desc", unitCode);
    }

    /** The unit's rating by year, as conditions see them. Joins the caller's transaction. */
    public Map<Integer, String> yearsOf(String unitCode) {
        Map<Integer, String> years = new TreeMap<>();
        for (TaskRating rating : TaskRating.<TaskRating>list("key.unitCode", unitCode)) {
            years.put(rating.key.year, rating.rating.name());
        }
        return years;
    }
}
