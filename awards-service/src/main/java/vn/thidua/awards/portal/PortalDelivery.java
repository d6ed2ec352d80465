package vn.thidua.awards.portal;

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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.thidua.awards.proposal.ProposalStatus;

/**
 * One step of a proposal that goes to the portal (SUBMITTED, FORWARDED), with what it carries and
 * how sending it went. Written in the step's own transaction; sent afterwards by {@link PortalDeliverer}.
 */
@Entity
@Table(name = "portal_delivery")
public class PortalDelivery extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "proposal_id", nullable = false)
    public long proposalId;

    /** The proposal's audited step ({@code proposal_transition}) this delivery is for. */
    @Column(name = "transition_id", nullable = false)
    public long transitionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 20)
    public ProposalStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 20)
    public ProposalStatus toStatus;

    @Column(name = "moved_at", nullable = false)
    public Instant movedAt;

    @Column(name = "idempotency_key", nullable = false)
    public UUID idempotencyKey;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public PortalPayload.ProposalPart proposal;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<PortalPayload.FileRef> files = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public DeliveryState state;

    @Column(nullable = false)
    public int attempts;

    /** When PENDING, due then; while an attempt is in flight, its lease ends then. */
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    /** The attempt in flight, if any: only its own outcome may be recorded. */
    @Column(name = "claim")
    public UUID claim;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    /** The portal's HTTP status at the last attempt; null when it did not answer. */
    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error", length = 2000)
    public String lastError;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "portal_reference", length = 200)
    public String portalReference;

    @Column(name = "retried_by", length = 100)
    public String retriedBy;

    @Column(name = "retried_at")
    public Instant retriedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
