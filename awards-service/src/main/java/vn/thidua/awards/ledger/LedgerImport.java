package vn.thidua.awards.ledger;

import java.util.Comparator;
import vn.thidua.platform.domain.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.thidua.awards.catalogue.AwardType;
import vn.thidua.awards.imports.Imports;
import vn.thidua.platform.time.VietnamTime;
import vn.thidua.platform.units.KnownUnit;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.web.SheetFile;

/**
 * Past awards from a spreadsheet into the ledger (source IMPORT), idempotent by unit, award, year
 * and decision number: a row already in the ledger with the same date and authority is reported as
 * present and left alone; with another date or authority it is refused, since the ledger is never
 * rewritten. A bad row is refused with its reason and does not stop the others. Units must be known
 * to awards-service (from units-service's events) and awards must be in the catalogue, so a typo
 * cannot give an award to a unit that does not exist.
 */
@ApplicationScoped
public class LedgerImport {
    public static final int MAX_ROWS = 50_000;
    public static final SheetFile.Layout LAYOUT = new SheetFile.Layout(ImportRow.COLUMNS, Set.copyOf(ImportRow.COLUMNS), MAX_ROWS);
        private static final int CHUNK = 1000;

    @Inject
    Clock clock;

    public enum Outcome { CREATED, ALREADY_PRESENT, REFUSED }

    /** What became of one row: the entry it created or found, or why it was refused. */
    public record RowResult(int row, String unitCode, String awardTypeCode, String year, String decisionNumber, Outcome outcome,
                            Long entryId, String problemType, String reason) {
    }

    public record Report(int rows, Map<Outcome, Long> counts, List<RowResult> results) {
    }

    private record Key(String unitCode, String awardTypeCode, int year, String decisionNumber) {
        static Key of(LedgerEntry e) {
            return new Key(e.unitCode, e.awardTypeCode, e.year, e.decisionNumber);
        }

        static Key of(ImportRow r) {
            return new Key(r.unitCode(), r.awardTypeCode(), r.year(), r.decisionNumber());
        }
    }

    /** The ledger's fields of an entry, kept so that entries need not stay in the session. */
    private record Known(long id, LocalDate date, String authority) {
    }

    @Transactional
    public Report importRows(List<SheetFile.Row> rows, Locale locale, Caller caller) {
        caller.requireBoardOrAdmin();
        // one import at a time: two files with the same rows do not race for the same key
        Imports.oneAtATime("ledger-import");
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        List<RowResult> results = new ArrayList<>();
        List<ImportRow> parsed = new ArrayList<>();
        Map<Integer, SheetFile.Row> byNumber = new HashMap<>();
        for (SheetFile.Row row : rows) {
            byNumber.put(row.number(), row);
            try {
                parsed.add(ImportRow.parse(row, today));
            } catch (Refusal problem) {
                results.add(refused(row, problem, locale));
            }
        }

        Set<String> awards = new HashSet<>();
        AwardType.<AwardType>listAll().forEach(type -> awards.add(type.code));
        Set<String> unitCodes = new HashSet<>();
        parsed.forEach(r -> unitCodes.add(r.unitCode()));
        Set<String> units = knownUnits(unitCodes);
        Map<Key, Known> ledger = entriesOf(units);

        Instant now = Instant.now(clock);
        int created = 0;
        for (ImportRow row : parsed) {
            SheetFile.Row raw = byNumber.get(row.row());
            if (!awards.contains(row.awardTypeCode())) {
                results.add(refused(raw, Refusal.unprocessable("award-type-not-found", "award-type.not-found", row.awardTypeCode()),
                        locale));
                continue;
            }
            if (!units.contains(row.unitCode())) {
                results.add(refused(raw, Refusal.unprocessable("unit-not-known", "unit.not-known", row.unitCode()), locale));
                continue;
            }
            Key key = Key.of(row);
            Known known = ledger.get(key);
            if (known != null) {
                if (known.date().equals(row.decisionDate()) && known.authority().equals(row.decidingAuthority())) {
                    results.add(result(row, Outcome.ALREADY_PRESENT, known.id()));
                } else {
                    results.add(refused(raw, Refusal.unprocessable("ledger-entry-differs", "ledger.import.differs",
                            row.decisionNumber(), known.date().toString(), known.authority(), known.id()), locale));
                }
                continue;
            }
            LedgerEntry entry = new LedgerEntry();
            entry.unitCode = row.unitCode();
            entry.awardTypeCode = row.awardTypeCode();
            entry.year = row.year();
            entry.decisionNumber = row.decisionNumber();
            entry.decisionDate = row.decisionDate();
            entry.decidingAuthority = row.decidingAuthority();
            entry.source = LedgerEntry.Source.IMPORT;
            entry.createdBy = caller.subject();
            entry.createdAt = now;
            entry.persist();
            ledger.put(key, new Known(entry.id, entry.decisionDate, entry.decidingAuthority));
            results.add(result(row, Outcome.CREATED, entry.id));
            if (++created % CHUNK == 0) {
                LedgerEntry.getEntityManager().flush();
                LedgerEntry.getEntityManager().clear();
            }
        }

        results.sort(Comparator.comparingInt(RowResult::row));
        return new Report(rows.size(), Imports.counts(Outcome.class, results, RowResult::outcome), results);
    }

    private static Set<String> knownUnits(Collection<String> codes) {
        Set<String> known = new HashSet<>();
        List<String> all = List.copyOf(codes);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            KnownUnit.<KnownUnit>list("code in ?1", chunk).forEach(unit -> known.add(unit.code));
        }
        return known;
    }

    private static Map<Key, Known> entriesOf(Collection<String> units) {
        Map<Key, Known> entries = new HashMap<>();
        List<String> all = List.copyOf(units);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            LedgerEntry.<LedgerEntry>list("unitCode in ?1", chunk)
                    .forEach(e -> entries.put(Key.of(e), new Known(e.id, e.decisionDate, e.decidingAuthority)));
        }
        return entries;
    }

    private static RowResult result(ImportRow row, Outcome outcome, Long entryId) {
        return new RowResult(row.row(), row.unitCode(), row.awardTypeCode(), Integer.toString(row.year()), row.decisionNumber(), outcome,
                entryId, null, null);
    }

    private static RowResult refused(SheetFile.Row row, Refusal problem, Locale locale) {
        return new RowResult(row.number(), row.get("unit_code"), row.get("award_type_code"), row.get("year"), row.get("decision_number"),
                Outcome.REFUSED, null, problem.type(), Imports.reason(locale, problem));
    }
}
