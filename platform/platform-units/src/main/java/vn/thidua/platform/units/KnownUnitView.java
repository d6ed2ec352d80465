package vn.thidua.platform.units;

import io.quarkus.panache.common.Sort;
import java.time.Instant;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.web.Page;
import vn.thidua.platform.web.PageRequest;

/**
 * A known unit as a service's read-only REST view shows it (for checking that the service is in
 * step with units-service): each service keeps its own resource, with its own path and roles, and
 * answers with these.
 */
public record KnownUnitView(String code, String name, long version, Instant updatedAt) {

    static KnownUnitView of(KnownUnit unit) {
        return new KnownUnitView(unit.code, unit.name, unit.version, unit.updatedAt);
    }

    /** A page of the known units in code order, with the total. */
    public static Page<KnownUnitView> page(Integer page, Integer size) {
        PageRequest request = PageRequest.of(page, size);
        var query = KnownUnit.<KnownUnit>findAll(Sort.by("code"));
        long total = query.count();
        var items = query.page(request.page(), request.size()).list().stream().map(KnownUnitView::of).toList();
        return new Page<>(items, request.page(), request.size(), total);
    }

    /** One known unit; 404 problem {@code unit-not-found} when this service has not learned of it. */
    public static KnownUnitView of(String code) {
        KnownUnit unit = KnownUnit.findById(code);
        if (unit == null) {
            throw Refusal.notFound("unit-not-found", "unit.not-known", code);
        }
        return of(unit);
    }
}
