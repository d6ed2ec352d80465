package vn.thidua.awards.decision;

import vn.thidua.platform.domain.Refusal;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.thidua.platform.web.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.thidua.awards.unit.UnitCodes;
import vn.thidua.platform.web.Text;

/**
 * A decision as the Board or the portal sends it: number, date, deciding authority (the award's
 * own when left out), award, the year the award is for, and the units it names, or the persons for an award to persons.
 */
public record DecisionRequest(@Schema(required = true, maxLength = 100) String number,
                              @Schema(required = true, description = "Not in the future, nor before the year the award is for.") LocalDate date,
                              @Schema(maxLength = 300, description = "The award type's deciding authority when left out.") String authority,
                              @Schema(required = true, maxLength = 40) String awardTypeCode,
                              @Schema(required = true, minimum = "2000", maximum = "2100") Integer year,
                              @Schema(maxItems = MAX_UNITS, description = "The unit codes the decision names: required for an award to units, "
                                      + "left out for one to persons.")
                              List<@Size(max = ApiDocs.UNIT_CODE_MAX_LENGTH) @Pattern(regexp = ApiDocs.UNIT_CODE_PATTERN) String> units,
                              @Schema(maxItems = MAX_UNITS, description = "The people the decision names, by their id: required for an award "
                                      + "to persons, left out for one to units.")
                              List<UUID> persons) {
    public DecisionRequest(String number, LocalDate date, String authority, String awardTypeCode, Integer year, List<String> units) {
        this(number, date, authority, awardTypeCode, year, units, null);
    }

    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;
    public static final int MAX_UNITS = 500;

    /**
     * The request once checked: text cleaned (NFC, blanks folded), unit codes canonical, each unit or person once, in the order
     * given; either units or persons, never both.
     */
    public record Checked(String number, LocalDate date, String authority, String awardTypeCode, int year, List<String> units,
                          List<UUID> persons) {
        public Checked {
            units = List.copyOf(units);
            persons = List.copyOf(persons);
        }

        public Set<String> unitSet() {
            return Set.copyOf(units);
        }

        public Set<UUID> personSet() {
            return Set.copyOf(persons);
        }
    }

    /** 400 for a missing or malformed field (every bad unit code listed), 422 for a date that cannot be right. */
    public Checked check(LocalDate today) {
        String cleanNumber = Text.clean(number, 100, "number", true);
        if (date == null) {
            throw Refusal.invalid("invalid-field", "problem.field.required", "date");
        }
        String cleanAuthority = Text.clean(authority, 300, "authority", false);
        String award = Text.clean(awardTypeCode, 40, "awardTypeCode", true);
        if (year == null) {
            throw Refusal.invalid("invalid-field", "problem.field.required", "year");
        }
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw Refusal.invalid("invalid-year", "decision.year.range", year, MIN_YEAR, MAX_YEAR);
        }
        boolean namesPersons = persons != null && !persons.isEmpty();
        if (namesPersons) {
            if (units != null && !units.isEmpty()) {
                throw Refusal.invalid("units-and-persons", "decision.units-and-persons");
            }
            if (persons.size() > MAX_UNITS || persons.stream().anyMatch(java.util.Objects::isNull)) {
                throw Refusal.invalid("invalid-field", "decision.persons.invalid", MAX_UNITS);
            }
        } else if (units == null || units.isEmpty()) {
            throw Refusal.invalid("invalid-field", "problem.field.required", "units");
        }
        if (!namesPersons && units.size() > MAX_UNITS) {
            throw Refusal.invalid("too-many-units", "decision.units.too-many", units.size(), MAX_UNITS);
        }
        Set<String> codes = new LinkedHashSet<>();
        List<Refusal.Reason> bad = new ArrayList<>();
        for (int i = 0; !namesPersons && i < units.size(); i++) {
            try {
                codes.add(UnitCodes.parse(units.get(i)));
            } catch (Refusal problem) {
                bad.add(new Refusal.Reason("units[" + i + "]", problem.messageKey(), problem.args()));
            }
        }
        if (!bad.isEmpty()) {
            throw Refusal.invalid("invalid-unit-code", "decision.units.invalid", bad.size()).because(bad);
        }
        if (date.isAfter(today)) {
            throw Refusal.unprocessable("decision-date-in-future", "decision.date.future", date.toString());
        }
        if (date.getYear() < year) {
            throw Refusal.unprocessable("decision-date-before-year", "decision.date.before-year", date.toString(), year);
        }
        return new Checked(cleanNumber, date, cleanAuthority, award, year, new ArrayList<>(codes),
                namesPersons ? new ArrayList<>(new LinkedHashSet<>(persons)) : List.of());
    }
}
