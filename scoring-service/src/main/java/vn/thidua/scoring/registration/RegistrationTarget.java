package vn.thidua.scoring.registration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One registered target (chỉ tiêu thi đua) with what was achieved at mid-year and at year end. */
@Entity
@Table(name = "registration_target")
public class RegistrationTarget extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "registration_id")
    public Registration registration;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false, length = 500)
    public String name;

    @Column(name = "unit_of_measure", nullable = false, length = 50)
    public String unitOfMeasure;

    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal planned;

    @Column(nullable = false, precision = 7, scale = 2)
    public BigDecimal weight;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Direction direction;

    /** The criterion of the cluster's criteria set that this target feeds, if any. */
    @Column(name = "criterion_code", length = 20)
    public String criterionCode;

    @Column(name = "midyear_value", precision = 14, scale = 2)
    public BigDecimal midyearValue;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "midyear_evidence", nullable = false)
    public List<String> midyearEvidence = new ArrayList<>();

    @Column(name = "yearend_value", precision = 14, scale = 2)
    public BigDecimal yearendValue;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "yearend_evidence", nullable = false)
    public List<String> yearendEvidence = new ArrayList<>();

    BigDecimal value(ReportKind kind) {
        return kind == ReportKind.MIDYEAR ? midyearValue : yearendValue;
    }

    public BigDecimal attainment(ReportKind kind) {
        return Attainment.of(direction, planned, value(kind));
    }
}
