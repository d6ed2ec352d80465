package vn.thidua.scoring.sheet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The points a sheet gives one criterion, with the scorer's comment, evidence and (board) explanation. */
@Entity
@Table(name = "score")
public class Score extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "sheet_id") long sheetId, @Column(name = "criterion_id") long criterionId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false, precision = 9, scale = 2)
    public BigDecimal points;

    @Column(length = 2000)
    public String comment;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> evidence = new ArrayList<>();

    @Column(length = 2000)
    public String explanation;

    @Column(name = "updated_by", nullable = false, length = 100)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** A criterion's score on a sheet: the one written before, or a new one not yet scored. */
    static Score of(long sheetId, long criterionId) {
        Score score = findById(new Key(sheetId, criterionId));
        return score != null ? score : unscored(sheetId, criterionId);
    }

    static Score unscored(long sheetId, long criterionId) {
        Score score = new Score();
        score.key = new Key(sheetId, criterionId);
        return score;
    }
}
