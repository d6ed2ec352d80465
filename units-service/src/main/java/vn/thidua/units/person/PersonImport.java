package vn.thidua.units.person;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.web.Messages;
import vn.thidua.platform.web.SheetFile;
import vn.thidua.platform.web.Text;
import vn.thidua.units.person.MemberStatisticsService.UnitYear;
import vn.thidua.units.unit.Unit;
import vn.thidua.units.unit.UnitCode;
import vn.thidua.units.unit.UnitService;

/**
 * Registers or updates people from a spreadsheet, idempotent by unit and personnel code: a new code is
 * a new person, a known one is updated when its row differs and left alone when not; a year's result in
 * the row is recorded likewise. Every row is checked whole before anything of it is written, so a
 * refused row leaves nothing behind, and a refused row does not stop the others.
 */
@ApplicationScoped
public class PersonImport {
    private final PersonAnnouncements announce;
    private final Clock clock;
    private final MemberStatisticsService statistics;
    private final UnitService units;

    public PersonImport(PersonAnnouncements announce, Clock clock, MemberStatisticsService statistics, UnitService units) {
        this.announce = announce;
        this.clock = clock;
        this.statistics = statistics;
        this.units = units;
    }

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    public record RowResult(int row, String unitCode, String personnelCode, String personId, Outcome outcome, String problemType, String reason) {
    }

    public record Report(int rows, Map<Outcome, Long> counts, List<RowResult> results) {
    }

    /** A row read and checked on its own. */
    private record Parsed(String unitCode, PersonDetails details, LocalDate joinedOn, Integer year, YearResult result) {
    }

    @Transactional
    public Report importRows(List<SheetFile.Row> rows, Caller caller, Locale locale) {
        int currentYear = PersonDetails.currentYear(clock);
        Instant now = Instant.now(clock);
        List<RowResult> results = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Unit> knownUnits = new HashMap<>();
        Set<UnitYear> touched = new TreeSet<>();
        for (SheetFile.Row row : rows) {
            String unitCode = row.get("unitcode");
            String personnelCode = row.get("personnelcode");
            try {
                Parsed parsed = parse(row, currentYear);
                unitCode = parsed.unitCode();
                personnelCode = parsed.details().personnelCode();
                PersonAccess.requireChange(caller, parsed.unitCode());
                Unit unit = knownUnits.computeIfAbsent(parsed.unitCode(), this::unitOrNull);
                if (unit == null) {
                    throw Refusal.unprocessable("unit-not-found", "person.import.unknown-unit", parsed.unitCode());
                }
                String key = parsed.unitCode() + "\u0000" + personnelCode;
                Integer earlier = seen.putIfAbsent(key, row.number());
                if (earlier != null) {
                    throw Refusal.unprocessable("duplicate-in-file", "person.import.duplicate-in-file", personnelCode, earlier);
                }
                results.add(apply(row.number(), parsed, unit, caller, currentYear, now, touched));
            } catch (Refusal problem) {
                results.add(new RowResult(row.number(), unitCode, personnelCode, null, Outcome.REJECTED, problem.type(),
                        Messages.text(locale, problem.messageKey(), problem.args())));
            }
        }
        statistics.recount(touched);
        results.sort(Comparator.comparingInt(RowResult::row));
        Map<Outcome, Long> counts = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, results.stream().filter(r -> r.outcome() == outcome).count());
        }
        return new Report(rows.size(), counts, results);
    }

    private Unit unitOrNull(String code) {
        try {
            return units.get(new UnitCode(code));
        } catch (Refusal notFound) {
            return null;
        }
    }

    private static Parsed parse(SheetFile.Row row, int currentYear) {
        String unitCode = UnitCode.parse(row.get("unitcode")).value();
        PersonDetails details = PersonDetails.parse(row.get("fullname"), row.get("gender"), row.get("birthyear"), row.get("personnelcode"),
                row.get("position"), currentYear);
        if (details.personnelCode() == null) {
            throw Refusal.invalid("invalid-field", "problem.field.required", "personnelCode");
        }
        LocalDate joinedOn = PersonSheet.day(row.get("joinedon"), "joinedOn");
        String yearText = row.get("year");
        if (yearText == null || yearText.isBlank()) {
            return new Parsed(unitCode, details, joinedOn, null, null);
        }
        if (!yearText.strip().matches("[0-9]{4}")) {
            throw Refusal.invalid("invalid-field", "person.year.invalid", yearText);
        }
        YearResult result = YearResult.parse(row.get("taskrating"), PersonSheet.list(row.get("titles")), row.get("discipline"),
                PersonSheet.list(row.get("evidence")).stream().map(e -> Text.clean(e, YearResult.EVIDENCE_MAX_LENGTH, "evidence", true)).toList(),
                null);
        return new Parsed(unitCode, details, joinedOn, Integer.parseInt(yearText.strip()), result);
    }

    /** Checks the row against what is stored, then writes it: a refusal here comes before any write. */
    private RowResult apply(int rowNumber, Parsed row, Unit unit, Caller caller, int currentYear, Instant now, Set<UnitYear> touched) {
        PersonMembership member = PersonMembership.<PersonMembership>find("unitCode = ?1 and personnelCode = ?2 and leftOn is null",
                row.unitCode(), row.details().personnelCode()).firstResult();
        Person person;
        boolean created = member == null;
        PersonMembership joined = null;
        if (created) {
            if (!unit.isActive()) {
                throw Refusal.unprocessable("unit-not-active", "person.unit-not-active", row.unitCode());
            }
            if (row.joinedOn() == null) {
                throw Refusal.invalid("invalid-field", "person.import.joined-on-required", row.details().personnelCode());
            }
            person = Person.register(row.details(), caller.subject(), now);
            joined = person.join(row.unitCode(), row.details().personnelCode(), row.details().position(), row.joinedOn(), caller.subject(), now);
        } else {
            person = PersonService.load(member.personId);
        }
        PersonYear existing = null;
        if (row.year() != null) {
            person.requireResultAllowed(row.unitCode(), row.year(), currentYear);
            existing = created ? null : PersonYear.find(person.id, row.year());
            if (existing != null && !existing.unitCode.equals(row.unitCode()) && !caller.isBoardOrAdmin()) {
                throw Refusal.conflict("result-of-another-unit", "person.result-of-another-unit", person.fullName, row.year(), existing.unitCode);
            }
        }
        // checked: from here on the row is written whole
        Gender genderBefore = person.gender;
        boolean personChanged = created || person.change(row.unitCode(), row.details(), caller.subject(), now);
        if (created) {
            person.persist();
            joined.persist();
            touched.addAll(statistics.touchedBy(joined));
        } else if (personChanged && genderBefore != person.gender) {
            person.current().ifPresent(m -> touched.addAll(statistics.touchedBy(m)));
        }
        boolean resultChanged = false;
        PersonYear record = null;
        if (row.year() != null) {
            record = existing == null ? PersonYear.of(person.id, row.year()) : existing;
            resultChanged = record.apply(row.unitCode(), row.result(), caller.subject(), now);
            if (resultChanged && existing == null) {
                record.persist();
            }
            if (resultChanged) {
                int year = row.year();
                person.memberships().stream().filter(m -> m.overlapsYear(year)).forEach(m -> touched.add(new UnitYear(m.unitCode, year)));
            }
        }
        Panache.getEntityManager().flush();
        if (personChanged) {
            announce.person(person);
        }
        if (resultChanged) {
            announce.year(record);
        }
        Outcome outcome = created ? Outcome.CREATED : personChanged || resultChanged ? Outcome.UPDATED : Outcome.UNCHANGED;
        return new RowResult(rowNumber, row.unitCode(), row.details().personnelCode(), person.id.toString(), outcome, null, null);
    }
}
