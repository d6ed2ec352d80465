package vn.thidua.awards.decision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A decision (quyết định khen thưởng) that grants one award for one year to the units it names, or to
 * the persons for an award to persons, each through its proposal. Known by its number and authority; never changed once recorded.
 */
@Entity
@Table(name = "decision")
public class Decision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 100)
    public String number;

    @Column(name = "decision_date", nullable = false)
    public LocalDate date;

    @Column(name = "deciding_authority", nullable = false, length = 300)
    public String authority;

    @Column(name = "award_type_code", nullable = false, length = 40)
    public String awardTypeCode;

    @Column(nullable = false)
    public int year;

    @ElementCollection
    @CollectionTable(name = "decision_unit", joinColumns = @JoinColumn(name = "decision_id"))
    @OrderBy("unitCode")
    public List<DecidedUnit> units = new ArrayList<>();

    @Column(name = "recorded_by", nullable = false, length = 100)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** A unit the decision names and the proposal of it the decision decided. */
    @Embeddable
    public static class DecidedUnit {
        @Column(name = "unit_code", nullable = false, length = 35)
        public String unitCode;

        @Column(name = "proposal_id", nullable = false)
        public long proposalId;

        /** The person awarded, when the award goes to persons; {@code unitCode} is then the unit that proposed them. */
        @Column(name = "person_id")
        public UUID personId;

        protected DecidedUnit() {
        }

        DecidedUnit(String unitCode, long proposalId, UUID personId) {
            this.unitCode = unitCode;
            this.proposalId = proposalId;
            this.personId = personId;
        }
    }

    public Set<String> unitCodes() {
        return units.stream().map(u -> u.unitCode).collect(Collectors.toSet());
    }

    /** The people it names, for an award to persons; empty for a unit's. */
    public Set<UUID> personIds() {
        return units.stream().map(u -> u.personId).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    /** Whether the decision says exactly this (its number and authority being the same): the units it names, or the persons. */
    boolean says(LocalDate otherDate, String otherAwardTypeCode, int otherYear, Set<String> otherUnits, Set<UUID> otherPersons) {
        return date.equals(otherDate) && awardTypeCode.equals(otherAwardTypeCode) && year == otherYear
                && (otherPersons.isEmpty() ? personIds().isEmpty() && unitCodes().equals(otherUnits) : personIds().equals(otherPersons));
    }

    public boolean names(String unitCode) {
        return units.stream().anyMatch(u -> u.unitCode.equals(unitCode));
    }
}
