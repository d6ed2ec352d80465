package vn.thidua.awards.council;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A member of the Council for one term. Its id is what a council-member token names (claim {@code member}). */
@Entity
@Table(name = "council_member")
public class CouncilMember extends PanacheEntityBase {

    @Id
    @Column(length = 36)
    public String id;

    @Column(name = "term_id", nullable = false)
    public long termId;

    @Column(name = "full_name", nullable = false, length = 200)
    public String fullName;

    @Column(length = 300)
    public String position;

    @Enumerated(EnumType.STRING)
    @Column(name = "council_role", nullable = false, length = 20)
    public CouncilRole role;

    /** Follows the role; kept as a column so the roll of a standing members' session is one query. */
    @Column(nullable = false)
    public boolean standing;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The term's members in the order the minutes list them: by role, then by name as stored. */
    public static java.util.List<CouncilMember> ofTerm(long termId) {
        return CouncilMember.<CouncilMember>list("termId", termId).stream()
                .sorted(java.util.Comparator.comparing((CouncilMember m) -> m.role).thenComparing(m -> m.fullName, VIETNAMESE))
                .toList();
    }

    /** Vietnamese order (the JDK's collation for "vi"): "Đ" after "D", tones after the bare letter. */
    static final java.util.Comparator<String> VIETNAMESE = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"))::compare;
}
