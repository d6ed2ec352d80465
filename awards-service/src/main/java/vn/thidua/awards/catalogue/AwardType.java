package vn.thidua.awards.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import vn.thidua.awards.condition.AwardKind;
import vn.thidua.awards.condition.Recipient;

/**
 * An award of the catalogue: for collectives (Cờ thi đua của Chính phủ, Cờ thi đua của UBND tỉnh, Bằng khen, …) or for
 * persons (Lao động tiên tiến, Chiến sĩ thi đua, Bằng khen cá nhân, …), as its {@code recipient} says.
 */
@Entity
@Table(name = "award_type")
public class AwardType extends PanacheEntityBase {

    @Id
    @Column(length = 40)
    public String code;

    @Column(nullable = false, length = 300)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public AwardLevel level;

    @Column(name = "deciding_authority", nullable = false, length = 300)
    public String decidingAuthority;

    /**
     * Merit (công trạng), ad-hoc (đột xuất), thematic (chuyên đề) or for a contribution: only merit
     * awards count where a condition looks back on earlier awards (Decree 152/2025 Art. 4(3)).
     */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public AwardKind kind = AwardKind.MERIT;

    /** Whom it goes to: a unit, or a person proposed by their unit. Fixed once the award has a rule set, whose conditions speak of it. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Recipient recipient = Recipient.UNIT;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "updated_by", nullable = false, length = 100)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
