package vn.thidua.units.person;

import java.time.Year;
import java.util.Locale;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.web.Text;

/**
 * Who a person is, as a unit writes it: the least the titles need (name, gender for the women's share,
 * year of birth) and the unit's own number and position for the person. Parsed and checked here, so
 * that the API and an imported row refuse the same things with the same reasons.
 */
public record PersonDetails(String fullName, Gender gender, Integer birthYear, String personnelCode, String position) {
    public static final int NAME_MAX = 200;
    public static final int POSITION_MAX = 200;
    public static final int PERSONNEL_CODE_MAX = 40;
    /** Nobody working was born before this; a year earlier is a typo. */
    static final int EARLIEST_BIRTH_YEAR = 1900;

    public static PersonDetails parse(String fullName, String gender, String birthYear, String personnelCode, String position,
                                      int currentYear) {
        return new PersonDetails(Text.name(fullName, NAME_MAX, "fullName", true), gender(gender), birthYear(birthYear, currentYear),
                personnelCode(personnelCode), Text.clean(position, POSITION_MAX, "position", false));
    }

    public static Gender gender(String raw) {
        if (raw == null || raw.isBlank()) {
            throw Refusal.invalid("invalid-field", "problem.field.required", "gender");
        }
        String value = raw.strip().toUpperCase(Locale.ROOT);
        return switch (value) {
            case "FEMALE", "F", "NU", "NỮ" -> Gender.FEMALE;
            case "MALE", "M", "NAM" -> Gender.MALE;
            default -> throw Refusal.invalid("invalid-field", "person.gender.invalid", raw);
        };
    }

    /** A four-digit year between 1900 and the current year, or null when left out. */
    static Integer birthYear(String raw, int currentYear) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        if (!value.matches("[0-9]{4}")) {
            throw Refusal.invalid("invalid-field", "person.birth-year.invalid", raw, EARLIEST_BIRTH_YEAR, currentYear);
        }
        int year = Integer.parseInt(value);
        if (year < EARLIEST_BIRTH_YEAR || year > currentYear) {
            throw Refusal.invalid("invalid-field", "person.birth-year.invalid", raw, EARLIEST_BIRTH_YEAR, currentYear);
        }
        return year;
    }

    static String personnelCode(String raw) {
        String code = Text.clean(raw, PERSONNEL_CODE_MAX, "personnelCode", false);
        if (code != null && !code.matches("[\\p{L}\\p{N}._/-]+")) {
            throw Refusal.invalid("invalid-field", "person.personnel-code.invalid", code);
        }
        return code;
    }

    static int currentYear(java.time.Clock clock) {
        return Year.now(clock).getValue();
    }
}
