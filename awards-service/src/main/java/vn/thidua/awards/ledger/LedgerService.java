package vn.thidua.awards.ledger;

import io.quarkus.security.ForbiddenException;
import vn.thidua.platform.domain.Refusal;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.thidua.awards.person.KnownPeople;
import vn.thidua.platform.time.VietnamTime;
import java.util.Map;
import java.util.Set;
import vn.thidua.awards.catalogue.CatalogueService;
import vn.thidua.platform.units.KnownUnit;
import vn.thidua.awards.unit.UnitCodes;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.Page;
import vn.thidua.platform.web.PageRequest;

/**
 * Reading the award ledger: its entries, and whether a unit held an award year after year. Admins,
 * the Board, viewers and the portal read every unit's; a unit's representative (or a cluster
 * leader) only its own unit's.
 */
@ApplicationScoped
public class LedgerService {
    private final AwardHistory history;
    private final CatalogueService catalogue;

    private final KnownPeople people;
    private final Clock clock;

    public LedgerService(AwardHistory history, CatalogueService catalogue, KnownPeople people, Clock clock) {
        this.history = history;
        this.catalogue = catalogue;
        this.people = people;
        this.clock = clock;
    }

    /** {@code personId}: the person whose streak it is, whichever unit proposed them; null for a unit's own awards. */
    public record StreakView(String unitCode, String awardTypeCode, int years, int from, int until, boolean held, List<Integer> yearsHeld,
                             List<Integer> missing, UUID personId) {
    }

    /**
     * Entries by unit, person, award and year (each optional), by unit, newest year first. A unit's people read their unit's
     * entries, its people's among them.
     */
    @Transactional
    public Page<LedgerView> list(String unitCode, UUID personId, String awardTypeCode, Integer year, PageRequest page, Caller caller) {
        String unit = readableUnit(unitCode, caller);
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (unit != null) {
            where.add("unitCode = :unit");
            params.and("unit", unit);
        }
        if (personId != null) {
            where.add("personId = :person");
            params.and("person", personId);
        }
        if (awardTypeCode != null && !awardTypeCode.isBlank()) {
            where.add("awardTypeCode = :award");
            params.and("award", awardTypeCode.strip());
        }
        if (year != null) {
            where.add("year = :year");
            params.and("year", year);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by unitCode, year desc, awardTypeCode, id";
        var found = LedgerEntry.<LedgerEntry>find(query.strip(), params);
        long total = found.count();
        List<LedgerEntry> entries = found.page(page.page(), page.size()).list();
        Map<String, String> names = KnownUnit.namesOf(entries.stream().map(e -> e.unitCode).distinct().toList());
        return new Page<>(entries.stream().map(e -> LedgerView.of(e, names.get(e.unitCode))).toList(), page.page(), page.size(), total);
    }

    /**
     * Whether the unit held the award, not revoked, in each of {@code years} years up to {@code until}; with {@code personId},
     * whether that person of the unit did, whichever unit proposed them each year (their titles follow them). A unit's people
     * ask only of a person who works in their unit now.
     */
    @Transactional
    public StreakView streak(String unitCode, UUID personId, String awardTypeCode, int years, int until, Caller caller) {
        String unit = readableUnit(unitCode, caller);
        if (unit == null) {
            throw Refusal.invalid("invalid-field", "problem.field.required", "unitCode");
        }
        if (awardTypeCode == null || awardTypeCode.isBlank()) {
            throw Refusal.invalid("invalid-field", "problem.field.required", "awardTypeCode");
        }
        String award = catalogue.get(awardTypeCode.strip()).code;
        Set<Integer> held;
        if (personId == null) {
            held = history.yearsHeld(unit).getOrDefault(award, Set.of());
        } else {
            boolean ofTheUnit = people.find(personId).filter(p -> p.memberOf(unit, LocalDate.now(clock.withZone(VietnamTime.ZONE)))).isPresent();
            if (!ofTheUnit) {
                throw Refusal.unprocessable("person-not-member", "person.not-member", personId.toString(), unit);
            }
            held = history.yearsHeldByPerson(personId).getOrDefault(award, Set.of());
        }
        Streak streak = Streak.of(held, years, until);
        return new StreakView(unit, award, years, streak.from(), streak.until(), streak.held(), streak.yearsHeld(), streak.missing(), personId);
    }

    /**
     * The unit whose entries the caller asks for: any (or all, when none is named) for those who read
     * every unit; for a unit's people their own unit, named or not, and 403 for another.
     */
    static String readableUnit(String requested, Caller caller) {
        String unit = requested == null || requested.isBlank() ? null : UnitCodes.parse(requested);
        if (caller.hasAnyRole(Roles.ADMIN, Roles.BOARD, Roles.VIEWER, Roles.PORTAL)) {
            return unit;
        }
        String own = caller.unit().orElseThrow(() -> new ForbiddenException("acts for no unit"));
        if (unit != null && !unit.equals(own)) {
            throw new ForbiddenException("acts for " + own + ", not " + unit);
        }
        return own;
    }
}
