package vn.thidua.scoring.criteria;

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

/** One criterion (tiêu chí) with its maximum and whether evidence (minh chứng) must back it. */
@Entity
@Table(name = "criterion")
public class Criterion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id")
    public CriteriaGroup group;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false, length = 20)
    public String code;

    @Column(nullable = false, length = 500)
    public String title;

    @Column(length = 4000)
    public String guidance;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public CriterionKind kind;

    @Column(name = "max_points", nullable = false, precision = 9, scale = 2)
    public BigDecimal maxPoints;

    @Column(name = "evidence_required", nullable = false)
    public boolean evidenceRequired;

    @Enumerated(EnumType.STRING)
    @Column(name = "computed_from", length = 30)
    public ComputedFrom computedFrom;

    @Column(name = "points_per_percent", precision = 7, scale = 2)
    public BigDecimal pointsPerPercent;

    @Column(name = "points_per_item", precision = 7, scale = 2)
    public BigDecimal pointsPerItem;

    static Criterion of(CriteriaGroup group, int position, CriteriaDefinition.CriterionDefinition definition) {
        Criterion criterion = new Criterion();
        criterion.group = group;
        criterion.position = position;
        criterion.code = definition.code();
        criterion.title = definition.title();
        criterion.guidance = definition.guidance();
        criterion.kind = definition.kind();
        criterion.maxPoints = definition.maxPoints();
        criterion.evidenceRequired = definition.evidenceRequired();
        criterion.computedFrom = definition.computedFrom();
        criterion.pointsPerPercent = definition.pointsPerPercent();
        criterion.pointsPerItem = definition.pointsPerItem();
        return criterion;
    }

    CriteriaDefinition.CriterionDefinition definition() {
        return new CriteriaDefinition.CriterionDefinition(code, title, guidance, kind, maxPoints, evidenceRequired, computedFrom,
                pointsPerPercent, pointsPerItem);
    }
}
