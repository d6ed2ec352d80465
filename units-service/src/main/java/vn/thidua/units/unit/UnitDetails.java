package vn.thidua.units.unit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.web.Text;

/**
 * Everything about a unit that people edit, checked and cleaned: what a registration, an update
 * or an imported row carries. Status is not here; it changes through its own use case.
 */
public record UnitDetails(UnitName name, String shortName, UnitKind kind, UnitCode parent,
                          String administrativeAreaCode, Contact contact) {
    private static final Pattern AREA_CODE = Pattern.compile("[0-9]{2,10}");

    public UnitDetails {
        Objects.requireNonNull(name);
        kind = kind == null ? UnitKind.OTHER : kind;
        contact = contact == null ? Contact.NONE : contact;
    }

    /** Who to reach at the unit. Kept out of events: it is personal data other services do not need. */
    public record Contact(String person, String phone, String email) {
        public static final Contact NONE = new Contact(null, null, null);
        private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ().-]{5,28}");
        private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

        public static Contact parse(String person, String phone, String email) {
            String cleanPhone = Text.clean(phone, 30, "contact.phone", false);
            if (cleanPhone != null && !PHONE.matcher(cleanPhone).matches()) {
                throw Refusal.invalid("invalid-field", "unit.contact.phone.invalid", cleanPhone);
            }
            String cleanEmail = Text.clean(email, 254, "contact.email", false);
            if (cleanEmail != null && !EMAIL.matcher(cleanEmail).matches()) {
                throw Refusal.invalid("invalid-field", "unit.contact.email.invalid", cleanEmail);
            }
            return new Contact(Text.clean(person, 200, "contact.person", false), cleanPhone,
                    cleanEmail == null ? null : cleanEmail.toLowerCase(Locale.ROOT));
        }
    }

    /** Reads the raw values a client or a spreadsheet row gives. */
    public static UnitDetails parse(String name, String shortName, String kind, String parentCode,
                                    String administrativeAreaCode, Contact contact) {
        String area = Text.clean(administrativeAreaCode, 10, "administrativeAreaCode", false);
        if (area != null && !AREA_CODE.matcher(area).matches()) {
            throw Refusal.invalid("invalid-field", "unit.area.invalid", area);
        }
        return new UnitDetails(UnitName.parse(name), Text.name(shortName, 100, "shortName", false), kind(kind),
                parentCode == null || parentCode.isBlank() ? null : UnitCode.parse(parentCode), area, contact);
    }

    static UnitKind kind(String raw) {
        if (raw == null || raw.isBlank()) {
            return UnitKind.OTHER;
        }
        try {
            return UnitKind.valueOf(raw.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("invalid-field", "unit.kind.invalid", raw, Arrays.toString(UnitKind.values()));
        }
    }

    /** Whether this differs from {@code other} in anything but the contact. */
    public boolean differsBeyondContact(UnitDetails other) {
        return !withContact(Contact.NONE).equals(other.withContact(Contact.NONE));
    }

    public UnitDetails withContact(Contact newContact) {
        return new UnitDetails(name, shortName, kind, parent, administrativeAreaCode, newContact);
    }
}
