package vn.thidua.awards.proceeding;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.thidua.awards.condition.Facts;
import vn.thidua.awards.imports.Imports;
import vn.thidua.awards.unit.UnitCodes;
import vn.thidua.platform.domain.ExpectedVersion;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.time.VietnamTime;
import vn.thidua.platform.units.KnownUnit;
import vn.thidua.platform.web.SheetFile;
import vn.thidua.platform.web.Text;

/** The Board records proceedings against units and closes them; conditions and decisions ask which are open. */
@ApplicationScoped
public class ProceedingService {
        private static final String IMPORT = "proceeding-import";
    @Inject
    Clock clock;

    /** A proceeding as entered; {@code reference}: the sending agency's letter number, when known (null otherwise). */
    public record Opening(Proceeding.Kind kind, LocalDate openedOn, String source, String note, String reference) {
        public Opening(Proceeding.Kind kind, LocalDate openedOn, String source, String note) {
            this(kind, openedOn, source, note, null);
        }
    }

    /** What became of one row of an agency's list: a proceeding recorded, one recorded before from the same letter, or refused and why. */
    public enum Outcome { CREATED, ALREADY_PRESENT, REFUSED }

    public record RowResult(int row, String unitCode, String kind, String agency, String reference, Outcome outcome, Long proceedingId,
                            String problemType, String reason) {
    }

    public record Report(int rows, Map<Outcome, Long> counts, List<RowResult> results) {
    }

    /** A proceeding's identity in an agency's list: the same unit in the same letter of the same agency is the same proceeding. */
    private record Listed(String unitCode, String source, String reference) {
    }

    @Transactional
    public Proceeding open(String unitCode, Opening opening, Caller caller) {
        caller.requireBoardOrAdmin();
        List<Refusal.Reason> problems = problems(opening);
        if (!problems.isEmpty()) {
            throw Refusal.unprocessable("invalid-proceeding", "proceeding.invalid", problems.size()).because(problems);
        }
        if (opening.reference() != null) {
            // the same letter imported meanwhile: one proceeding, not two
            Imports.oneAtATime(IMPORT);
            Proceeding.<Proceeding>find("unitCode = ?1 and source = ?2 and reference = ?3", unitCode, opening.source(), opening.reference())
                    .firstResultOptional().ifPresent(existing -> {
                        throw Refusal.conflict("proceeding-already-recorded", "proceeding.import.present", existing.id,
                                opening.reference(), opening.source());
                    });
        }
        return write(unitCode, opening, caller, Instant.now(clock));
    }

    /**
     * The agencies' lists ({@code unit_code, kind, opened_on, agency, reference, note}) in one transaction,
     * as the ratings and ledger imports: every row is answered; a bad row is refused with its reason and
     * does not stop the others. A unit must be known to this service. The same unit in the same letter
     * ({@code agency}, {@code reference}) recorded before — by an earlier import, an earlier row of this
     * file, or by hand — is reported as present and left alone; with another kind or opening day it is
     * refused, since a proceeding is closed, never rewritten.
     */
    @Transactional
    public Report importRows(List<SheetFile.Row> rows, Locale locale, Caller caller) {
        caller.requireBoardOrAdmin();
        Imports.oneAtATime(IMPORT);
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
        Map<Listed, Proceeding> recorded = new HashMap<>();
        if (!known.isEmpty()) {
            Proceeding.<Proceeding>list("unitCode in ?1 and reference is not null", known)
                    .forEach(p -> recorded.put(new Listed(p.unitCode, p.source, p.reference), p));
        }
        Instant now = Instant.now(clock);
        List<RowResult> results = new ArrayList<>();
        for (SheetFile.Row row : rows) {
            try {
                String unit = UnitCodes.parse(Imports.required(row, "unit_code"));
                Opening opening = new Opening(kind(Imports.required(row, "kind")),
                        Imports.date(Imports.required(row, "opened_on"), "proceeding.import.date.invalid"),
                        Text.clean(Imports.required(row, "agency"), 500, "agency", true), Text.clean(row.get("note"), 2000, "note", false),
                        Text.clean(Imports.required(row, "reference"), 100, "reference", true));
                List<Refusal.Reason> problems = problems(opening);
                if (!known.contains(unit)) {
                    // a typo must not put a proceeding on a unit that does not exist
                    problems.add(0, new Refusal.Reason("unit_code", "unit.not-known", unit));
                }
                if (!problems.isEmpty()) {
                    results.add(refused(row, "invalid-proceeding", Imports.reasons(locale, problems)));
                    continue;
                }
                Listed key = new Listed(unit, opening.source(), opening.reference());
                Proceeding before = recorded.get(key);
                if (before == null) {
                    Proceeding proceeding = write(unit, opening, caller, now);
                    recorded.put(key, proceeding);
                    results.add(result(row, Outcome.CREATED, proceeding.id));
                } else if (before.kind == opening.kind() && before.openedOn.equals(opening.openedOn())) {
                    results.add(result(row, Outcome.ALREADY_PRESENT, before.id));
                } else {
                    results.add(refused(row, "proceeding-differs", Imports.reason(locale, Refusal.unprocessable("proceeding-differs",
                            "proceeding.import.differs", before.id, before.kind.name(), before.openedOn.toString()))));
                }
            } catch (Refusal problem) {
                results.add(refused(row, problem.type(), Imports.reason(locale, problem)));
            }
        }
        return new Report(rows.size(), Imports.counts(Outcome.class, results, RowResult::outcome), results);
    }

    private static RowResult result(SheetFile.Row row, Outcome outcome, long id) {
        return new RowResult(row.number(), row.get("unit_code"), row.get("kind"), row.get("agency"), row.get("reference"), outcome, id, null,
                null);
    }

    private static RowResult refused(SheetFile.Row row, String problemType, String reason) {
        return new RowResult(row.number(), row.get("unit_code"), row.get("kind"), row.get("agency"), row.get("reference"), Outcome.REFUSED,
                null, problemType, reason);
    }

    private static Proceeding.Kind kind(String raw) {
        try {
            return Proceeding.Kind.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw Refusal.unprocessable("invalid-proceeding", "proceeding.kind");
        }
    }

    /** What is wrong with an opening, field by field; empty when it can be recorded. */
    private List<Refusal.Reason> problems(Opening opening) {
        List<Refusal.Reason> problems = new ArrayList<>();
        if (opening.kind() == null) {
            problems.add(new Refusal.Reason("kind", "proceeding.kind"));
        }
        requirePastDate(opening.openedOn(), "openedOn", problems);
        if (opening.source() == null) {
            problems.add(new Refusal.Reason("source", "problem.field.required", "source"));
        }
        return problems;
    }

    private Proceeding write(String unitCode, Opening opening, Caller caller, Instant now) {
        Proceeding proceeding = new Proceeding();
        proceeding.unitCode = unitCode;
        proceeding.kind = opening.kind();
        proceeding.openedOn = opening.openedOn();
        proceeding.source = opening.source();
        proceeding.reference = opening.reference();
        proceeding.note = opening.note();
        proceeding.recordedBy = caller.subject();
        proceeding.recordedAt = now;
        proceeding.persistAndFlush();
        return proceeding;
    }

    @Transactional
    public Proceeding close(String unitCode, long id, LocalDate closedOn, String source, ExpectedVersion expected, Caller caller) {
        caller.requireBoardOrAdmin();
        Proceeding proceeding = Proceeding.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (proceeding == null || !proceeding.unitCode.equals(unitCode)) {
            throw Refusal.notFound("proceeding-not-found", "proceeding.not-found", id, unitCode);
        }
        expected.requireMatches(proceeding.version);
        if (!proceeding.open()) {
            throw Refusal.conflict("proceeding-closed", "proceeding.closed", id, proceeding.closedOn.toString());
        }
        List<Refusal.Reason> problems = new ArrayList<>();
        requirePastDate(closedOn, "closedOn", problems);
        if (closedOn != null && closedOn.isBefore(proceeding.openedOn)) {
            problems.add(new Refusal.Reason("closedOn", "proceeding.close.before-open", proceeding.openedOn.toString()));
        }
        if (source == null) {
            problems.add(new Refusal.Reason("source", "problem.field.required", "source"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.unprocessable("invalid-proceeding", "proceeding.invalid", problems.size()).because(problems);
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
            throw new ForbiddenException("proceedings of " + unitCode);
        }
        return Proceeding.list("unitCode = ?1 order by openedOn desc, id desc", unitCode);
    }

    /** The unit's open proceedings, as conditions see them. Joins the caller's transaction. */
    public List<Facts.OpenProceeding> openOf(String unitCode) {
        return Proceeding.<Proceeding>list("unitCode = ?1 and closedOn is null order by openedOn, id", unitCode).stream()
                .map(p -> new Facts.OpenProceeding(p.id, p.kind.name(), p.openedOn, p.source)).toList();
    }

    private void requirePastDate(LocalDate date, String field, List<Refusal.Reason> problems) {
        if (date == null) {
            problems.add(new Refusal.Reason(field, "problem.field.required", field));
        } else if (date.isAfter(LocalDate.now(clock.withZone(VietnamTime.ZONE)))) {
            problems.add(new Refusal.Reason(field, "proceeding.date.future"));
        }
    }
}
