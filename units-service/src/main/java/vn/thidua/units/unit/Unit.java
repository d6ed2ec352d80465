package vn.thidua.units.unit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A unit (collective): an agency or organisation that takes part in emulation. */
@Entity
@Table(name = "unit")
public class Unit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "unit_ids")
    // ids in blocks of 50, so that an import's inserts can be batched
    @SequenceGenerator(name = "unit_ids", sequenceName = "unit_id_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, unique = true, length = UnitCode.MAX_LENGTH)
    public String code;

    @Column(nullable = false, length = UnitName.MAX_LENGTH)
    public String name;

    @Column(name = "short_name", length = 100)
    public String shortName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public UnitKind kind = UnitKind.OTHER;

    @Column(name = "parent_code", length = UnitCode.MAX_LENGTH)
    public String parentCode;

    @Column(name = "administrative_area_code", length = 10)
    public String administrativeAreaCode;

    @Column(name = "contact_person", length = 200)
    public String contactPerson;

    @Column(name = "contact_phone", length = 30)
    public String contactPhone;

    @Column(name = "contact_email", length = 254)
    public String contactEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public UnitStatus status = UnitStatus.ACTIVE;

    @Column(name = "status_effective_from")
    public LocalDate statusEffectiveFrom;

    @Column(name = "merged_into_code", length = UnitCode.MAX_LENGTH)
    public String mergedIntoCode;

    @Column(name = "sort_key", nullable = false)
    public byte[] sortKey;

    @Column(name = "search_text", nullable = false)
    public String searchText;

    /** Optimistic lock, ETag and event version at once: it grows by one with every change. */
    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    protected Unit() {
    }

    static Unit register(UnitCode code, UnitDetails details, Instant now) {
        Unit unit = new Unit();
        unit.code = code.value();
        unit.createdAt = now;
        unit.apply(details, now);
        return unit;
    }

    /** Takes the edited details; returns whether anything changed. */
    boolean apply(UnitDetails details, Instant now) {
        if (name != null && details.equals(details())) {
            return false;
        }
        name = details.name().value();
        shortName = details.shortName();
        kind = details.kind();
        parentCode = details.parent() == null ? null : details.parent().value();
        administrativeAreaCode = details.administrativeAreaCode();
        contactPerson = details.contact().person();
        contactPhone = details.contact().phone();
        contactEmail = details.contact().email();
        sortKey = UnitText.sortKey(name);
        searchText = UnitText.searchText(code, name, shortName);
        updatedAt = now;
        return true;
    }

    UnitDetails details() {
        return new UnitDetails(new UnitName(name), shortName, kind, parentCode == null ? null : new UnitCode(parentCode),
                administrativeAreaCode, new UnitDetails.Contact(contactPerson, contactPhone, contactEmail));
    }

    void changeStatus(UnitStatus newStatus, LocalDate effectiveFrom, String mergedInto, Instant now) {
        status = newStatus;
        statusEffectiveFrom = effectiveFrom;
        mergedIntoCode = mergedInto;
        updatedAt = now;
    }

    public boolean isActive() {
        return status == UnitStatus.ACTIVE;
    }

    static Optional<Unit> findByCode(UnitCode code) {
        return find("code", code.value()).firstResultOptional();
    }
}
