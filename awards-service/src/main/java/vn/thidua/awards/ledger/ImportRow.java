package vn.thidua.awards.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import vn.thidua.awards.imports.Imports;
import vn.thidua.awards.unit.UnitCodes;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.web.SheetFile;
import vn.thidua.platform.web.Text;

/**
 * One row of a file of past awards, checked on its own (whether its unit and award are known is
 * the import's question): the unit, the award, the year it is for, and the decision that granted it.
 */
public record ImportRow(int row, String unitCode, String awardTypeCode, int year, String decisionNumber, LocalDate decisionDate,
                        String decidingAuthority) {
    public static final List<String> COLUMNS = List.of("unit_code", "award_type_code", "year", "decision_number", "decision_date",
            "deciding_authority");
    /** The first year the ledger takes: the Law on Emulation and Commendation's predecessors go back to 1945. */
    public static final int MIN_YEAR = 1945;

    /** The row's values checked; a {@link Refusal} names the first thing wrong with it. */
    public static ImportRow parse(SheetFile.Row row, LocalDate today) {
        String unit = UnitCodes.parse(required(row, "unit_code"));
        String award = Text.clean(required(row, "award_type_code"), 40, "award_type_code", true).toUpperCase(Locale.ROOT);
        int year = year(required(row, "year"), today.getYear());
        String number = Text.clean(required(row, "decision_number"), 100, "decision_number", true);
        LocalDate date = date(required(row, "decision_date"));
        String authority = Text.clean(required(row, "deciding_authority"), 300, "deciding_authority", true);
        if (date.isAfter(today)) {
            throw Refusal.unprocessable("decision-date-in-future", "decision.date.future", date.toString());
        }
        if (date.getYear() < year) {
            throw Refusal.unprocessable("decision-date-before-year", "decision.date.before-year", date.toString(), year);
        }
        return new ImportRow(row.number(), unit, award, year, number, date, authority);
    }

    private static String required(SheetFile.Row row, String column) {
        return Imports.required(row, column);
    }

    private static int year(String raw, int thisYear) {
        try {
            int year = Integer.parseInt(raw.strip());
            if (year >= MIN_YEAR && year <= thisYear) {
                return year;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw Refusal.invalid("invalid-year", "ledger.import.year.invalid", raw, MIN_YEAR, thisYear);
    }

    /** {@code 2017-01-20}, or as Vietnamese write it, {@code 20/01/2017} (day first). */
    static LocalDate date(String raw) {
        return Imports.date(raw, "ledger.import.date.invalid");
    }
}
