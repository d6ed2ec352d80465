package vn.thidua.scoring.criteria;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The append-only life of a criteria set: created, published, closed, reopened (with the reason), finalized. */
@Entity
@Table(name = "criteria_set_audit")
public class CriteriaSetAudit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "set_id", nullable = false)
    public long setId;

    @Column(nullable = false, length = 30)
    public String action;

    @Column(length = 2000)
    public String reason;

    @Column(nullable = false, length = 100)
    public String actor;

    @Column(nullable = false)
    public Instant at;

    public static void record(long setId, String action, String reason, String actor, Instant at) {
        CriteriaSetAudit audit = new CriteriaSetAudit();
        audit.setId = setId;
        audit.action = action;
        audit.reason = reason;
        audit.actor = actor;
        audit.at = at;
        audit.persist();
    }
}
