package vn.thidua.awards.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import vn.thidua.awards.catalogue.CatalogueService;
import vn.thidua.awards.condition.AwardKind;
import vn.thidua.awards.condition.Facts;

/** What the ledger says of a unit, or of a person: the questions eligibility and dossiers ask. Joins the caller's transaction. */
@ApplicationScoped
public class AwardHistory {
    private final CatalogueService catalogue;

    public AwardHistory(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * Every award the unit holds or held, newest first, revoked ones included (they are marked); not those of its people,
     * which are theirs ({@link #ofPerson}).
     */
    public List<LedgerEntry> of(String unitCode) {
        return LedgerEntry.list("unitCode = ?1 and personId is null order by year desc, awardTypeCode, id", unitCode);
    }

    /** Every award the person holds or held, whichever unit proposed them, newest first, revoked ones included. */
    public List<LedgerEntry> ofPerson(UUID personId) {
        return LedgerEntry.list("personId = ?1 order by year desc, awardTypeCode, id", personId);
    }

    /** The years in which the unit held each award type, revocations left out. */
    public Map<String, Set<Integer>> yearsHeld(String unitCode) {
        return yearsHeld(of(unitCode));
    }

    /** The years in which the person held each award type, revocations left out. */
    public Map<String, Set<Integer>> yearsHeldByPerson(UUID personId) {
        return yearsHeld(ofPerson(personId));
    }

    private static Map<String, Set<Integer>> yearsHeld(List<LedgerEntry> entries) {
        Map<String, Set<Integer>> years = new HashMap<>();
        for (LedgerEntry entry : entries) {
            if (!entry.revoked()) {
                years.computeIfAbsent(entry.awardTypeCode, code -> new TreeSet<>()).add(entry.year);
            }
        }
        return years;
    }

    /** What the unit holds (revocations left out), each with its award type's kind; an award no longer in the catalogue counts as merit. */
    public List<Facts.HeldAward> heldAwards(String unitCode) {
        return held(of(unitCode));
    }

    /** What the person holds, as {@link #heldAwards(String)} for a unit. */
    public List<Facts.HeldAward> heldAwardsOfPerson(UUID personId) {
        return held(ofPerson(personId));
    }

    private List<Facts.HeldAward> held(List<LedgerEntry> entries) {
        Map<String, AwardKind> kinds = new HashMap<>();
        return entries.stream().filter(entry -> !entry.revoked()).map(entry -> new Facts.HeldAward(
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
