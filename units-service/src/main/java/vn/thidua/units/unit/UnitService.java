package vn.thidua.units.unit;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.thidua.platform.domain.ExpectedVersion;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.events.CloudEvents;
import vn.thidua.platform.events.Outbox;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.Page;
import vn.thidua.platform.web.PageRequest;

/** Use cases of the unit registry; each change and its event are committed together. */
@ApplicationScoped
public class UnitService {
    private final Outbox outbox;
    private final CloudEvents events;
    private final Clock clock;

    public UnitService(Outbox outbox, CloudEvents events, Clock clock) {
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /** Filters of the unit list; {@code null} means any. */
    public record UnitQuery(String text, UnitKind kind, String parentCode, UnitStatus status) {
    }

    @Transactional
    public Unit register(UnitCode code, UnitDetails details) {
        if (Unit.findByCode(code).isPresent()) {
            throw Refusal.conflict("unit-exists", "unit.exists", code.value());
        }
        ParentChain.check(code, details.parent(), UnitService::parentOf);
        Unit unit = Unit.register(code, details, Instant.now(clock));
        unit.persistAndFlush();
        publish(UnitEvents.UNIT_REGISTERED, unit);
        return unit;
    }

    /**
     * Replaces a unit's details. A unit's representative may change only its own contact;
     * the Board and admins everything.
     */
    @Transactional
    public Unit update(UnitCode code, ExpectedVersion expected, UnitDetails details, Caller caller) {
        Unit unit = get(code);
        caller.requireBoardOrActsFor(unit.code);
        expected.requireMatches(unit.version);
        if (!caller.isBoardOrAdmin() && details.differsBeyondContact(unit.details())) {
            throw Refusal.forbidden("contact-only", "unit.edit.contact-only");
        }
        ParentChain.check(code, details.parent(), UnitService::parentOf);
        if (unit.apply(details, Instant.now(clock))) {
            Unit.flush();
            publish(UnitEvents.UNIT_UPDATED, unit);
        }
        return unit;
    }

    @Transactional
    public Unit changeStatus(UnitCode code, ExpectedVersion expected, UnitStatus newStatus, LocalDate effectiveFrom,
                             UnitCode mergedInto, String reason, Caller caller) {
        Unit unit = get(code);
        expected.requireMatches(unit.version);
        if (effectiveFrom == null) {
            throw Refusal.invalid("invalid-field", "unit.status.effective-date-required");
        }
        if (unit.status == newStatus) {
            throw Refusal.conflict("unit-status-unchanged", "unit.status.unchanged", unit.code, newStatus);
        }
        String target = null;
        if (newStatus == UnitStatus.MERGED) {
            target = mergeTarget(unit, mergedInto).code;
        }
        Instant now = Instant.now(clock);
        unit.changeStatus(newStatus, effectiveFrom, target, now);
        Unit.flush();
        UnitStatusChange.of(unit, reason, caller.subject(), now).persist();
        publish(UnitEvents.UNIT_STATUS_CHANGED, unit);
        return unit;
    }

    public Unit get(UnitCode code) {
        return Unit.findByCode(code)
                .orElseThrow(() -> Refusal.notFound("unit-not-found", "unit.not-found", code.value()));
    }

    /** A unit, for a caller who may read it: everyone reads all units except those who act for one unit. */
    public Unit read(UnitCode code, Caller caller) {
        Unit unit = get(code);
        if (mayReadOnlyOwnUnit(caller)) {
            caller.requireBoardOrActsFor(unit.code);
        }
        return unit;
    }

    public List<UnitStatusChange> history(UnitCode code, Caller caller) {
        return UnitStatusChange.historyOf(read(code, caller).code);
    }

    /** Units matching every word of the text (accents and case ignored), in Vietnamese name order. */
    public Page<Unit> search(UnitQuery query, PageRequest page, Caller caller) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        List<String> words = UnitText.queryWords(query.text());
        for (int i = 0; i < words.size(); i++) {
            conditions.add("searchText like :w" + i + " escape '\\'");
            parameters.and("w" + i, "%" + escapeLike(words.get(i)) + "%");
        }
        if (query.kind() != null) {
            conditions.add("kind = :kind");
            parameters.and("kind", query.kind());
        }
        if (query.parentCode() != null) {
            conditions.add("parentCode = :parent");
            parameters.and("parent", UnitCode.parse(query.parentCode()).value());
        }
        if (query.status() != null) {
            conditions.add("status = :status");
            parameters.and("status", query.status());
        }
        if (mayReadOnlyOwnUnit(caller)) {
            conditions.add("code = :own");
            parameters.and("own", caller.unit().orElse(""));
        }
        String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        long total = Unit.count(where, parameters);
        List<Unit> units = Unit.<Unit>find(where + " order by sortKey, code", parameters)
                .page(page.page(), page.size()).list();
        return new Page<>(units, page.page(), page.size(), total);
    }

    private static boolean mayReadOnlyOwnUnit(Caller caller) {
        return !caller.isBoardOrAdmin() && !caller.hasAnyRole(Roles.VIEWER,
                Roles.PORTAL);
    }

    private static Unit mergeTarget(Unit unit, UnitCode mergedInto) {
        if (mergedInto == null) {
            throw Refusal.unprocessable("merge-target-required", "unit.status.merge-target-required");
        }
        if (mergedInto.value().equals(unit.code)) {
            throw Refusal.unprocessable("merge-into-itself", "unit.status.merge-into-itself", unit.code);
        }
        Unit target = Unit.findByCode(mergedInto).orElseThrow(() ->
                Refusal.unprocessable("merge-target-unknown", "unit.status.merge-target-unknown", mergedInto.value()));
        if (!target.isActive()) {
            throw Refusal.unprocessable("merge-target-inactive", "unit.status.merge-target-inactive", target.code);
        }
        return target;
    }

    /** The parent of a registered unit (empty when none), or {@code null} when no such unit exists. */
    static Optional<String> parentOf(String code) {
        return Unit.findByCode(new UnitCode(code)).map(unit -> Optional.ofNullable(unit.parentCode)).orElse(null);
    }

    void publish(String type, Unit unit) {
        outbox.publish(UnitEvents.TOPIC, events.create(UnitEvents.SOURCE, type, unit.code, UnitEvents.UnitState.of(unit)));
    }

    private static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
