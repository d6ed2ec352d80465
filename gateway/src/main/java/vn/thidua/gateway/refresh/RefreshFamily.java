package vn.thidua.gateway.refresh;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The refresh tokens that descend from one login, revoked together. */
@Entity
@Table(name = "refresh_family")
public class RefreshFamily extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public long accountId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "revoked_reason", length = 20)
    public RevocationReason revokedReason;

    protected RefreshFamily() {
    }

    static RefreshFamily start(long accountId, Instant now, Instant expiresAt) {
        RefreshFamily family = new RefreshFamily();
        family.id = UUID.randomUUID();
        family.accountId = accountId;
        family.createdAt = now;
        family.expiresAt = expiresAt;
        return family;
    }

    boolean revoked() {
        return revokedAt != null;
    }

    void revoke(RevocationReason reason, Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedReason = reason;
        }
    }
}
