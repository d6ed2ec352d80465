package vn.thidua.awards.proposal;

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

/** One step of a proposal's life, appended, never changed: the audit trail. */
@Entity
@Table(name = "proposal_transition")
public class ProposalTransition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "proposal_id", nullable = false)
    public long proposalId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 20)
    public ProposalStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 20)
    public ProposalStatus toStatus;

    @Column(length = 2000)
    public String reason;

    @Column(nullable = false, length = 100)
    public String actor;

    @Column(nullable = false)
    public Instant at;
}
