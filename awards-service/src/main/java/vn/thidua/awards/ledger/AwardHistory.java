package vn.thidua.awards.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.thidua.awards.catalogue.CatalogueService;
import vn.thidua.awards.condition.AwardKind;
import vn.thidua.awards.condition.Facts;

/** What the ledger says of a unit: the questions eligibility and dossiers ask. Joins the caller's transaction. */
@ApplicationScoped
public class AwardHistory {
    private final CatalogueService catalogue;

    public AwardHistory(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    /** Every award the unit holds or held, newest first, revoked ones included (they are marked). */
    public List<LedgerEntry> of(String unitCode) {
        return LedgerEntry.list("unitCode = ?1 order by year desc, awardTypeCode, id", unitCode);
    }

    /** The years in which the unit held each award type, revocations left out. */
    public Map<String, Set<Integer>> yearsHeld(String unitCode) {
        Map<String, Set<Integer>> years = new HashMap<>();
        for (LedgerEntry entry : of(unitCode)) {
            if (!entry.revoked()) {
                years.computeIfAbsent(entry.awardTypeCode, code -> new TreeSet<>()).add(entry.year);
            }
        }
        return years;
    }

    /** What the unit holds (revocations left out), each with its award type's kind; an award no longer in the catalogue counts as merit. */
    public List<Facts.HeldAward> heldAwards(String unitCode) {
        Map<String, AwardKind> kinds = new HashMap<>();
        return of(unitCode).stream().filter(entry -> !entry.revoked()).map(entry -> new Facts.HeldAward(
                entry.awardTypeCode, entry.year, kinds.computeIfAbsent(entry.awardTypeCode,
                        code -> catalogue.find(code).map(type -> type.kind).orElse(AwardKind.MERIT)))).toList();
    }

    /** Whether the unit held the award (not revoked) in each year from {@code fromYear} to {@code toYear}, both included. */
    public boolean heldInEachOf(String unitCode, String awardTypeCode, int fromYear, int toYear) {
        Set<Integer> held = yearsHeld(unitCode).getOrDefault(awardTypeCode, Set.of());
        for (int year = fromYear; year <= toYear; year++) {
            if (!held.contains(year)) {
                return false;
            }
        }
        return true;
    }
}
