package vn.thidua.awards.council;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** The Council as set up for one term (nhiệm kỳ) by a decision of the province. */
@Entity
@Table(name = "council_term")
public class CouncilTerm extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 300)
    public String name;

    @Column(name = "serves_from", nullable = false)
    public LocalDate servesFrom;

    @Column(name = "serves_to", nullable = false)
    public LocalDate servesTo;

    @Column(name = "decision_number", nullable = false, length = 300)
    public String decisionNumber;

    @Column(name = "decision_date", nullable = false)
    public LocalDate decisionDate;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean serves(LocalDate day) {
        return !day.isBefore(servesFrom) && !day.isAfter(servesTo);
    }
}
