package vn.thidua.platform.units;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import vn.thidua.platform.events.MalformedEventException;

/**
 * This service's tolerant reading of the data of units-service's unit events (docs/events.md):
 * only the fields it uses; anything else the producer adds is ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record UnitState(String code, String name, Long version) {
    UnitState {
        if (code == null || code.isBlank() || name == null || name.isBlank() || version == null || version < 0) {
            throw new MalformedEventException("A unit event needs code, name and a non-negative version");
        }
    }
}
