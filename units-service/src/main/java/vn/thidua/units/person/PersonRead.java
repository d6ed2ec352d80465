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
import java.time.Instant;
import java.util.UUID;

/** One read of a person's record by someone other than the person's unit; written, never changed. */
@Entity
@Table(name = "person_read")
public class PersonRead extends PanacheEntityBase {
    public enum Purpose { RECORD, LIST, EXPORT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "unit_code", nullable = false, length = 35)
    public String unitCode;

    @Column(nullable = false, length = 100)
    public String reader;

    @Column(name = "reader_roles", nullable = false, length = 200)
    public String readerRoles;

    @Column(name = "reader_unit", length = 35)
    public String readerUnit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Purpose purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public PersonAccess.View view;

    @Column(name = "read_at", nullable = false)
    public Instant readAt;
}
