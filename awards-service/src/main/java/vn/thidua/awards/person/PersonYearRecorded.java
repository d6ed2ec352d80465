package vn.thidua.awards.person;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;
import vn.thidua.awards.condition.Discipline;
import vn.thidua.awards.condition.TaskCompletion;
import vn.thidua.platform.events.MalformedEventException;

/**
 * awards-service's tolerant reading of units-service's PersonYearRecorded: a person's result of one year as the unit
 * recorded it; {@code removed} when the unit deleted it (the other fields are its last state).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record PersonYearRecorded(UUID personId, Integer year, String unitCode, TaskCompletion taskRating, List<String> titles,
                          Discipline discipline, boolean removed, Long version) {

    PersonYearRecorded {
        if (personId == null || year == null || year < 1900 || year > 2200 || PeopleEvents.blankOrLonger(unitCode, 35) || version == null
                || version < 0 || titles != null && titles.stream().anyMatch(t -> PeopleEvents.blankOrLonger(t, 40))) {
            throw new MalformedEventException("A PersonYearRecorded needs personId, year, unitCode, titles (award type codes) and version");
        }
        titles = titles == null ? List.of() : List.copyOf(titles);
        discipline = discipline == null ? Discipline.NONE : discipline;
    }
}
