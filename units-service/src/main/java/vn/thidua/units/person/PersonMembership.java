package vn.thidua.units.person;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A period in which a person belonged to a unit; closed, never deleted, when the person leaves or moves. */
@Entity
@Table(name = "person_membership")
public class PersonMembership extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "unit_code", nullable = false, length = 35)
    public String unitCode;

    @Column(name = "personnel_code", length = 40)
    public String personnelCode;

    @Column(length = 200)
    public String position;

    @Column(name = "joined_on", nullable = false)
    public LocalDate joinedOn;

    @Column(name = "left_on")
    public LocalDate leftOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "leave_reason", length = 20)
    public LeaveReason leaveReason;

    public boolean isCurrent() {
        return leftOn == null;
    }

    /** Whether the period covers that day. */
    public boolean covers(LocalDate day) {
        return !joinedOn.isAfter(day) && (leftOn == null || !leftOn.isBefore(day));
    }

    /** Whether the period shares at least one day with the year. */
    public boolean overlapsYear(int year) {
        return joinedOn.getYear() <= year && (leftOn == null || leftOn.getYear() >= year);
    }
}
