package vn.thidua.units.person;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.web.Text;

/** A person's result of a year as a unit sends it, checked: the API and an imported row refuse the same things. */
public record YearResult(TaskRating taskRating, List<UnitLevelTitle> titles, Discipline discipline, List<String> evidence, String note) {
    static final int MAX_EVIDENCE = 20;
    static final int EVIDENCE_MAX_LENGTH = 500;

    public YearResult {
        titles = List.copyOf(titles);
        evidence = List.copyOf(evidence);
    }

    /**
     * Checks the fields. What each title needs is the awards' rule sets' business (data that follows the
     * law); the only thing refused here is a contradiction under any law: a title for someone rated as not
     * completing the tasks.
     */
    public static YearResult parse(String taskRating, List<String> titles, String discipline, List<String> evidence, String note) {
        TaskRating rating = enumValue(TaskRating.class, taskRating, "taskRating", true);
        List<UnitLevelTitle> parsedTitles = new ArrayList<>(new LinkedHashSet<>(titles == null ? List.<UnitLevelTitle>of()
                : titles.stream().map(t -> enumValue(UnitLevelTitle.class, t, "titles", true)).toList()));
        parsedTitles.sort(null);
        Discipline parsedDiscipline = discipline == null || discipline.isBlank() ? Discipline.NONE
                : enumValue(Discipline.class, discipline, "discipline", true);
        List<String> links = new ArrayList<>();
        if (evidence != null) {
            if (evidence.size() > MAX_EVIDENCE) {
                throw Refusal.invalid("invalid-field", "person.evidence.too-many", MAX_EVIDENCE);
            }
            for (String item : evidence) {
                String cleaned = Text.clean(item, EVIDENCE_MAX_LENGTH, "evidence", true);
                if (!links.contains(cleaned)) {
                    links.add(cleaned);
                }
            }
        }
        if (!parsedTitles.isEmpty() && !rating.completesTasks()) {
            throw Refusal.unprocessable("title-without-completed-tasks", "person.title-without-completed-tasks", parsedTitles.get(0));
        }
        return new YearResult(rating, parsedTitles, parsedDiscipline, links, Text.clean(note, 1000, "note", false));
    }

    /** A value of an enumeration as a client wrote it (case, spaces and hyphens forgiven), or 400 listing the values. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String raw, String field, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                throw Refusal.invalid("invalid-field", "problem.field.required", field);
            }
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("invalid-field", "person.value.invalid", field, raw.strip(),
                    String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }
}
