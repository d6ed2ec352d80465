package vn.thidua.units.unit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import vn.thidua.platform.events.CloudEvents;
import vn.thidua.platform.events.Outbox;
import vn.thidua.platform.web.ProblemException;

/** Use cases of the unit registry; each change and its event are committed together. */
@ApplicationScoped
public class UnitService {
    private final Outbox outbox;
    private final CloudEvents events;
    private final Clock clock;

    public UnitService(Outbox outbox, CloudEvents events) {
        this.outbox = outbox;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public Unit register(UnitCode code, UnitName name) {
        if (Unit.findByCode(code).isPresent()) {
            throw ProblemException.conflict("unit-exists", "unit.exists", code.value());
        }
        Unit unit = Unit.register(code, name, Instant.now(clock));
        unit.persistAndFlush();
        outbox.publish(UnitEvents.TOPIC, events.create(UnitEvents.SOURCE, UnitEvents.UNIT_REGISTERED, unit.code,
                UnitEvents.UnitState.of(unit)));
        return unit;
    }

    public Unit get(UnitCode code) {
        return Unit.findByCode(code)
                .orElseThrow(() -> ProblemException.notFound("unit-not-found", "unit.not-found", code.value()));
    }
}
