package vn.thidua.gateway.refresh;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One refresh token, known only by its hash; spent once it has been exchanged. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash", length = 64)
    public String tokenHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_id", nullable = false)
    public RefreshFamily family;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "spent_at")
    public Instant spentAt;

    protected RefreshToken() {
    }

    static RefreshToken issue(String tokenHash, RefreshFamily family, Instant now, Instant expiresAt) {
        RefreshToken token = new RefreshToken();
        token.tokenHash = tokenHash;
        token.family = family;
        token.issuedAt = now;
        token.expiresAt = expiresAt;
        return token;
    }
}
