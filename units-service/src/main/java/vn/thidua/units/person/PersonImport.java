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
import java.util.UUID;
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
    /** Rows written and flushed together; the session is cleared after each chunk. */
    private static final int CHUNK = 500;
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

    /** A row read and checked on its own, with the unit it names. */
    private record Candidate(int row, Parsed parsed, Unit unit) {
        String key() {
            return parsed.unitCode() + "\u0000" + parsed.details().personnelCode();
        }
    }

    /** What the rows of a chunk need of what is stored, read in a few queries instead of a few per row. */
    private record Stored(Map<String, PersonMembership> currentMembers, Map<UUID, Person> people, Map<String, PersonYear> years) {
        PersonYear year(UUID person, int year) {
            return years.get(person + "/" + year);
        }
    }

    @Transactional
    public Report importRows(List<SheetFile.Row> rows, Caller caller, Locale locale) {
        int currentYear = PersonDetails.currentYear(clock);
        Instant now = Instant.now(clock);
        List<RowResult> results = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Unit> knownUnits = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>();
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
                Candidate candidate = new Candidate(row.number(), parsed, unit);
                Integer earlier = seen.putIfAbsent(candidate.key(), row.number());
                if (earlier != null) {
                    throw Refusal.unprocessable("duplicate-in-file", "person.import.duplicate-in-file", personnelCode, earlier);
                }
                candidates.add(candidate);
            } catch (Refusal problem) {
                results.add(rejected(row.number(), unitCode, personnelCode, problem, locale));
            }
        }
        Set<UnitYear> touched = new TreeSet<>();
        for (int from = 0; from < candidates.size(); from += CHUNK) {
            List<Candidate> chunk = candidates.subList(from, Math.min(candidates.size(), from + CHUNK));
            Stored stored = load(chunk);
            List<Person> changedPeople = new ArrayList<>();
            List<PersonYear> changedYears = new ArrayList<>();
            for (Candidate candidate : chunk) {
                try {
                    results.add(apply(candidate, stored, caller, currentYear, now, touched, changedPeople, changedYears));
                } catch (Refusal problem) {
                    results.add(rejected(candidate.row(), candidate.parsed().unitCode(), candidate.parsed().details().personnelCode(), problem,
                            locale));
                }
            }
            // versions are assigned at the flush, and the events carry them; the session is cleared so that each
            // chunk's flush looks only at its own rows
            Panache.getEntityManager().flush();
            changedPeople.forEach(announce::person);
            changedYears.forEach(announce::year);
            Panache.getEntityManager().clear();
        }
        statistics.recount(touched);
        results.sort(Comparator.comparingInt(RowResult::row));
        Map<Outcome, Long> counts = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, results.stream().filter(r -> r.outcome() == outcome).count());
        }
        return new Report(rows.size(), counts, results);
    }

    private static RowResult rejected(int row, String unitCode, String personnelCode, Refusal problem, Locale locale) {
        return new RowResult(row, unitCode, personnelCode, null, Outcome.REJECTED, problem.type(),
                Messages.text(locale, problem.messageKey(), problem.args()));
    }

    /** The chunk's current members by unit and personnel code, those people with their memberships, and their results of the rows' years. */
    private static Stored load(List<Candidate> chunk) {
        Map<String, PersonMembership> members = new HashMap<>();
        Set<String> keys = new java.util.HashSet<>(chunk.stream().map(Candidate::key).toList());
        List<String> unitCodes = chunk.stream().map(c -> c.parsed().unitCode()).distinct().toList();
        List<String> codes = chunk.stream().map(c -> c.parsed().details().personnelCode()).distinct().toList();
        PersonMembership.<PersonMembership>list("leftOn is null and unitCode in ?1 and personnelCode in ?2", unitCodes, codes).stream()
                .filter(m -> keys.contains(m.unitCode + "\u0000" + m.personnelCode))
                .forEach(m -> members.put(m.unitCode + "\u0000" + m.personnelCode, m));
        Map<UUID, Person> people = new HashMap<>();
        Map<String, PersonYear> years = new HashMap<>();
        if (!members.isEmpty()) {
            List<UUID> ids = members.values().stream().map(m -> m.personId).distinct().toList();
            List<Person> found = Person.list("id in ?1", ids);
            PersonService.withMemberships(found);
            found.forEach(p -> people.put(p.id, p));
            List<Integer> rowYears = chunk.stream().map(c -> c.parsed().year()).filter(java.util.Objects::nonNull).distinct().toList();
            if (!rowYears.isEmpty()) {
                PersonYear.<PersonYear>list("personId in ?1 and year in ?2", ids, rowYears).forEach(y -> years.put(y.personId + "/" + y.year, y));
            }
        }
        return new Stored(members, people, years);
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
    private RowResult apply(Candidate candidate, Stored stored, Caller caller, int currentYear, Instant now, Set<UnitYear> touched,
                            List<Person> changedPeople, List<PersonYear> changedYears) {
        Parsed row = candidate.parsed();
        PersonMembership member = stored.currentMembers().get(candidate.key());
        Person person;
        boolean created = member == null;
        PersonMembership joined = null;
        if (created) {
            if (!candidate.unit().isActive()) {
                throw Refusal.unprocessable("unit-not-active", "person.unit-not-active", row.unitCode());
            }
            if (row.joinedOn() == null) {
                throw Refusal.invalid("invalid-field", "person.import.joined-on-required", row.details().personnelCode());
            }
            person = Person.register(row.details(), caller.subject(), now);
            joined = person.join(row.unitCode(), row.details().personnelCode(), row.details().position(), row.joinedOn(), caller.subject(), now);
        } else {
            person = stored.people().get(member.personId);
        }
        PersonYear existing = null;
        if (row.year() != null) {
            person.requireResultAllowed(row.unitCode(), row.year(), currentYear);
            existing = created ? null : stored.year(person.id, row.year());
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
        if (personChanged) {
            changedPeople.add(person);
        }
        boolean resultChanged = false;
        if (row.year() != null) {
            PersonYear record = existing == null ? PersonYear.of(person.id, row.year()) : existing;
            resultChanged = record.apply(row.unitCode(), row.result(), caller.subject(), now);
            if (resultChanged) {
                if (existing == null) {
                    record.persist();
                }
                changedYears.add(record);
                int year = row.year();
                person.memberships().stream().filter(m -> m.overlapsYear(year)).forEach(m -> touched.add(new UnitYear(m.unitCode, year)));
            }
        }
        Outcome outcome = created ? Outcome.CREATED : personChanged || resultChanged ? Outcome.UPDATED : Outcome.UNCHANGED;
        return new RowResult(candidate.row(), row.unitCode(), row.details().personnelCode(), person.id.toString(), outcome, null, null);
    }
}
