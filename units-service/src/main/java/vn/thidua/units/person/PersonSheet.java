package vn.thidua.units.person;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Set;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.web.SheetFile;

/**
 * The people file (CSV or the first sheet of an XLSX workbook): one row per person of a unit, matched by
 * the unit's personnel code, with the person's result of a year in the same row when {@code year} is
 * filled. Column names are matched without regard to case, spaces, hyphens or underscores.
 */
public final class PersonSheet {
    public static final String CSV = SheetFile.CSV;
    public static final String XLSX = SheetFile.XLSX;
    public static final int MAX_ROWS = 20_000;
    static final List<String> COLUMNS = List.of("unitcode", "personnelcode", "fullname", "gender", "birthyear", "position", "joinedon",
            "year", "taskrating", "titles", "discipline", "evidence");
    static final SheetFile.Layout LAYOUT = new SheetFile.Layout(COLUMNS, Set.of("unitcode", "personnelcode", "fullname", "gender"), MAX_ROWS);
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private PersonSheet() {
    }

    public static List<SheetFile.Row> read(byte[] content, String contentType) {
        return SheetFile.read(content, contentType, LAYOUT);
    }

    /** A day as ISO (2025-03-01) or as Vietnamese offices write it (01/03/2025); null when blank. */
    static LocalDate day(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        try {
            return value.contains("/") ? LocalDate.parse(value, VIETNAMESE_DATE) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid-field", "person.day.invalid", field, value);
        }
    }

    /** Titles separated by commas or semicolons. */
    static List<String> list(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(raw.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
