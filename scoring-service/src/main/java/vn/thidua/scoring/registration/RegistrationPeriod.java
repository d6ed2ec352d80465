package vn.thidua.scoring.registration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** When registration and the two reports of a year close, as the Board sets them. */
@Entity
@Table(name = "registration_period")
public class RegistrationPeriod extends PanacheEntityBase {

    @Id
    public Integer year;

    @Column(name = "registration_closes", nullable = false)
    public LocalDate registrationCloses;

    @Column(name = "midyear_closes")
    public LocalDate midyearCloses;

    @Column(name = "yearend_closes")
    public LocalDate yearendCloses;

    LocalDate reportCloses(ReportKind kind) {
        return kind == ReportKind.MIDYEAR ? midyearCloses : yearendCloses;
    }
}
