package vn.thidua.units.unit;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.web.Messages;
import vn.thidua.platform.web.SheetFile;

/**
 * Bulk registration from a spreadsheet, idempotent by code: a new code is registered, a known
 * one updated when its row differs, left alone when it does not. A bad row is rejected with
 * its reason and does not stop the others. Parents may be rows of the same file.
 */
@ApplicationScoped
public class UnitImport {
    private static final int CHUNK = 500;
    private final UnitService units;
    @Inject
    Clock clock;

    public UnitImport(UnitService units) {
        this.units = units;
    }

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    public record RowResult(int row, String code, Outcome outcome, String problemType, String reason) {
    }

    public record Report(int rows, Map<Outcome, Long> counts, List<RowResult> results) {
    }

    private record Candidate(int row, UnitCode code, UnitDetails details) {
    }

    @Transactional
    public Report importRows(List<SheetFile.Row> rows, Locale locale) {
        Map<Integer, RowResult> results = new HashMap<>();
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (SheetFile.Row row : rows) {
            try {
                UnitCode code = UnitCode.parse(row.get("code"));
                Candidate earlier = candidates.get(code.value());
                if (earlier != null) {
                    throw Refusal.unprocessable("duplicate-in-file", "unit.import.duplicate-in-file", code.value(), earlier.row());
                }
                UnitDetails details = UnitDetails.parse(row.get("name"), row.get("shortname"), row.get("kind"), row.get("parentcode"),
                        row.get("administrativeareacode"),
                        UnitDetails.Contact.parse(row.get("contactperson"), row.get("contactphone"), row.get("contactemail")));
                candidates.put(code.value(), new Candidate(row.number(), code, details));
            } catch (Refusal problem) {
                results.put(row.number(), rejected(row.number(), row.get("code"), problem, locale));
            }
        }

        Map<String, Unit> existing = loadExisting(candidates.keySet());
        Map<String, Optional<String>> knownParents = new HashMap<>();
        rejectBadParents(candidates, existing, knownParents, results, locale);

        List<Candidate> ordered = new ArrayList<>(candidates.values());
        ordered.sort(Comparator.comparingInt(candidate -> depthInFile(candidate, candidates)));
        Instant now = Instant.now(clock);
        for (int from = 0; from < ordered.size(); from += CHUNK) {
            List<Candidate> chunk = ordered.subList(from, Math.min(ordered.size(), from + CHUNK));
            // loaded per chunk: the session is cleared after each one, which detaches what was loaded before
            Map<String, Unit> registered = loadExisting(chunk.stream().map(c -> c.code().value()).toList());
            Map<Unit, String> changed = new LinkedHashMap<>();
            for (Candidate candidate : chunk) {
                Unit unit = registered.get(candidate.code().value());
                if (unit == null) {
                    unit = Unit.register(candidate.code(), candidate.details(), now);
                    unit.persist();
                    changed.put(unit, UnitEvents.UNIT_REGISTERED);
                    results.put(candidate.row(), new RowResult(candidate.row(), unit.code, Outcome.CREATED, null, null));
                } else if (unit.apply(candidate.details(), now)) {
                    changed.put(unit, UnitEvents.UNIT_UPDATED);
                    results.put(candidate.row(), new RowResult(candidate.row(), unit.code, Outcome.UPDATED, null, null));
                } else {
                    results.put(candidate.row(), new RowResult(candidate.row(), unit.code, Outcome.UNCHANGED, null, null));
                }
            }
            // versions are assigned at flush; the events carry them
            Panache.getEntityManager().flush();
            changed.forEach((unit, type) -> units.publish(type, unit));
            Panache.getEntityManager().clear();
        }

        List<RowResult> sortedResults = results.values().stream().sorted(Comparator.comparingInt(RowResult::row)).toList();
        Map<Outcome, Long> counts = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, sortedResults.stream().filter(r -> r.outcome() == outcome).count());
        }
        return new Report(rows.size(), counts, sortedResults);
    }

    /**
     * Rejects rows whose parent is neither registered nor a valid row of the file, or would close
     * a cycle; repeats until stable, since rejecting a row can orphan its children in the file.
     */
    private static void rejectBadParents(Map<String, Candidate> candidates, Map<String, Unit> existing,
                                         Map<String, Optional<String>> knownParents, Map<Integer, RowResult> results, Locale locale) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Candidate candidate : List.copyOf(candidates.values())) {
                try {
                    ParentChain.check(candidate.code(), candidate.details().parent(), code -> {
                        Candidate inFile = candidates.get(code);
                        if (inFile != null) {
                            return Optional.ofNullable(inFile.details().parent()).map(UnitCode::value);
                        }
                        Unit registered = existing.get(code);
                        if (registered != null) {
                            return Optional.ofNullable(registered.parentCode);
                        }
                        return knownParents.computeIfAbsent(code, UnitService::parentOf);
                    });
                } catch (Refusal problem) {
                    candidates.remove(candidate.code().value());
                    results.put(candidate.row(), rejected(candidate.row(), candidate.code().value(), problem, locale));
                    changed = true;
                }
            }
        }
    }

    private static int depthInFile(Candidate candidate, Map<String, Candidate> candidates) {
        int depth = 0;
        Candidate current = candidate;
        while (current.details().parent() != null && (current = candidates.get(current.details().parent().value())) != null) {
            depth++;
        }
        return depth;
    }

    private static Map<String, Unit> loadExisting(Collection<String> codes) {
        Map<String, Unit> existing = new HashMap<>();
        List<String> all = List.copyOf(codes);
        for (int from = 0; from < all.size(); from += 1000) {
            List<Unit> found = Unit.list("code in ?1", all.subList(from, Math.min(all.size(), from + 1000)));
            found.forEach(unit -> existing.put(unit.code, unit));
        }
        return existing;
    }

    private static RowResult rejected(int row, String code, Refusal problem, Locale locale) {
        return new RowResult(row, code, Outcome.REJECTED, problem.type(), Messages.text(locale, problem.messageKey(), problem.args()));
    }
}
