package vn.thidua.awards.proceeding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import vn.thidua.awards.condition.Facts;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.ProblemException;
import vn.thidua.platform.web.ProblemException.FieldProblem;
import vn.thidua.platform.web.Versions;

/** The Board records proceedings against units and closes them; conditions and decisions ask which are open. */
@ApplicationScoped
public class ProceedingService {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private final Clock clock = Clock.systemUTC();

    public record Opening(Proceeding.Kind kind, LocalDate openedOn, String source, String note) {
    }

    @Transactional
    public Proceeding open(String unitCode, Opening opening, Caller caller) {
        caller.requireBoardOrAdmin();
        List<FieldProblem> problems = new ArrayList<>();
        if (opening.kind() == null) {
            problems.add(new FieldProblem("kind", "proceeding.kind"));
        }
        requirePastDate(opening.openedOn(), "openedOn", problems);
        if (opening.source() == null) {
            problems.add(new FieldProblem("source", "problem.field.required", "source"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.unprocessable("invalid-proceeding", "proceeding.invalid", problems.size()).withErrors(problems);
        }
        Proceeding proceeding = new Proceeding();
        proceeding.unitCode = unitCode;
        proceeding.kind = opening.kind();
        proceeding.openedOn = opening.openedOn();
        proceeding.source = opening.source();
        proceeding.note = opening.note();
        proceeding.recordedBy = caller.subject();
        proceeding.recordedAt = Instant.now(clock);
        proceeding.persistAndFlush();
        return proceeding;
    }

    @Transactional
    public Proceeding close(String unitCode, long id, LocalDate closedOn, String source, String ifMatch, Caller caller) {
        caller.requireBoardOrAdmin();
        Proceeding proceeding = Proceeding.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (proceeding == null || !proceeding.unitCode.equals(unitCode)) {
            throw ProblemException.notFound("proceeding-not-found", "proceeding.not-found", id, unitCode);
        }
        Versions.requireMatch(ifMatch, proceeding.version);
        if (!proceeding.open()) {
            throw ProblemException.conflict("proceeding-closed", "proceeding.closed", id, proceeding.closedOn.toString());
        }
        List<FieldProblem> problems = new ArrayList<>();
        requirePastDate(closedOn, "closedOn", problems);
        if (closedOn != null && closedOn.isBefore(proceeding.openedOn)) {
            problems.add(new FieldProblem("closedOn", "proceeding.close.before-open", proceeding.openedOn.toString()));
        }
        if (source == null) {
            problems.add(new FieldProblem("source", "problem.field.required", "source"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.unprocessable("invalid-proceeding", "proceeding.invalid", problems.size()).withErrors(problems);
        }
        proceeding.closedOn = closedOn;
        proceeding.closeSource = source;
        proceeding.closedBy = caller.subject();
        proceeding.closedAt = Instant.now(clock);
        proceeding.persistAndFlush();
        return proceeding;
    }

    /** The Board, admins and viewers read every unit's proceedings; a unit's own people read its own. */
    public List<Proceeding> list(String unitCode, Caller caller) {
        if (!caller.isBoardOrAdmin() && !caller.hasAnyRole(Roles.VIEWER) && !caller.actsFor(unitCode)) {
            throw new io.quarkus.security.ForbiddenException("proceedings of " + unitCode);
        }
        return Proceeding.list("unitCode = ?1 order by openedOn desc, id desc", unitCode);
    }

    /** The unit's open proceedings, as conditions see them. Joins the caller's transaction. */
    public List<Facts.OpenProceeding> openOf(String unitCode) {
        return Proceeding.<Proceeding>list("unitCode = ?1 and closedOn is null order by openedOn, id", unitCode).stream()
                .map(p -> new Facts.OpenProceeding(p.id, p.kind.name(), p.openedOn, p.source)).toList();
    }

    private void requirePastDate(LocalDate date, String field, List<FieldProblem> problems) {
        if (date == null) {
            problems.add(new FieldProblem(field, "problem.field.required", field));
        } else if (date.isAfter(LocalDate.now(clock.withZone(VIETNAM)))) {
            problems.add(new FieldProblem(field, "proceeding.date.future"));
        }
    }
}
