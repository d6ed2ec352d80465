package vn.thidua.awards.person;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.thidua.awards.condition.InitiativeScope;
import vn.thidua.awards.condition.RecognitionLevel;
import vn.thidua.platform.events.MalformedEventException;

/** awards-service's tolerant reading of units-service's InitiativeRecorded: an initiative (sáng kiến), its authors and recognitions. */
@JsonIgnoreProperties(ignoreUnknown = true)
record InitiativeRecorded(UUID id, String title, String unitCode, LocalDate registeredOn, List<Author> authors,
                          List<Recognition> recognitions, Long version) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Author(UUID personId, String fullName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Recognition(RecognitionLevel level, InitiativeScope scope, String issuer, String decisionNumber, LocalDate decidedOn) {
    }

    InitiativeRecorded {
        if (id == null || PeopleEvents.blankOrLonger(title, 500) || PeopleEvents.blankOrLonger(unitCode, 35) || authors == null
                || recognitions == null || version == null || version < 0
                || authors.stream().anyMatch(a -> a == null || a.personId() == null)
                || authors.stream().map(Author::personId).distinct().count() < authors.size()
                || recognitions.stream().anyMatch(r -> r == null || r.level() == null || r.scope() == null || r.decidedOn() == null)
                // at most one recognition per level (the contract): a second is a producer's error, not a fact
                || recognitions.stream().map(Recognition::level).distinct().count() < recognitions.size()) {
            throw new MalformedEventException("An InitiativeRecorded needs id, title, unitCode, authors, recognitions (one per level) and version");
        }
        authors = List.copyOf(authors);
        recognitions = List.copyOf(recognitions);
    }
}
