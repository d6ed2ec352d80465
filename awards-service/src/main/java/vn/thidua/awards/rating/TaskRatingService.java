package vn.thidua.awards.rating;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.ProblemException;
import vn.thidua.platform.web.ProblemException.FieldProblem;
import vn.thidua.platform.web.Versions;

/** The Board records each unit's yearly rating (one at a time or imported); RATING_STREAK reads them. Changes are audited. */
@ApplicationScoped
public class TaskRatingService {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private final Clock clock = Clock.systemUTC();

    /** One rating as entered: by hand or from a row of an import. */
    public record Entry(String unitCode, Integer year, TaskRating.Level rating, String source) {
    }

    @Transactional
    public TaskRating record(Entry entry, String ifMatch, Caller caller) {
        caller.requireBoardOrAdmin();
        List<FieldProblem> problems = problems(entry);
        if (!problems.isEmpty()) {
            throw ProblemException.unprocessable("invalid-task-rating", "rating.invalid", problems.size()).withErrors(problems);
        }
        TaskRating.Key key = new TaskRating.Key(entry.unitCode(), entry.year());
        TaskRating rating = TaskRating.findById(key, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        String before = null;
        if (rating == null) {
            rating = new TaskRating();
            rating.key = key;
        } else {
            Versions.requireMatch(ifMatch, rating.version);
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

    /** What is wrong with an entry, field by field; empty when it can be recorded. */
    public List<FieldProblem> problems(Entry entry) {
        List<FieldProblem> problems = new ArrayList<>();
        int thisYear = LocalDate.now(clock.withZone(VIETNAM)).getYear();
        if (entry.year() == null || entry.year() < 1945 || entry.year() > thisYear) {
            problems.add(new FieldProblem("year", "rating.year", thisYear));
        }
        if (entry.rating() == null) {
            problems.add(new FieldProblem("rating", "rating.level"));
        }
        if (entry.source() == null) {
            problems.add(new FieldProblem("source", "problem.field.required", "source"));
        }
        return problems;
    }

    /** Anyone who may read awards reads ratings, but a unit's representative or cluster leader only its own unit's. */
    public List<TaskRating> of(String unitCode, Caller caller) {
        if (!caller.isBoardOrAdmin() && !caller.hasAnyRole(Roles.VIEWER) && !caller.actsFor(unitCode)) {
            throw new io.quarkus.security.ForbiddenException("ratings of " + unitCode);
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
