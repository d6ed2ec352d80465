package vn.thidua.awards.registration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import vn.thidua.platform.events.MalformedEventException;

/** awards-service's tolerant reading of scoring-service's TitlesRegistered (docs/events.md). */
@JsonIgnoreProperties(ignoreUnknown = true)
record TitlesRegistered(Integer year, String unitCode, Long clusterId, List<String> titles, Long version) {

    TitlesRegistered {
        if (year == null || unitCode == null || unitCode.isBlank() || unitCode.length() > 35 || titles == null
                || titles.stream().anyMatch(t -> t == null || t.length() > 40) || version == null || version < 0) {
            throw new MalformedEventException("A TitlesRegistered needs year, unitCode, titles (award type codes) and version");
        }
        titles = List.copyOf(titles);
    }
}
