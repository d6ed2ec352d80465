package vn.thidua.awards.council;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the proposals' observer in tests: keeps every {@link CouncilConcluded} it hears. */
@ApplicationScoped
public class CouncilConcludedRecorder {
    private final List<CouncilConcluded> heard = new CopyOnWriteArrayList<>();

    void on(@Observes CouncilConcluded event) {
        heard.add(event);
    }

    public List<CouncilConcluded> heard() {
        return List.copyOf(heard);
    }
}
