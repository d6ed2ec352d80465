package vn.thidua.scoring.criteria;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A criteria group (nhóm tiêu chí), e.g. "I. Thực hiện nhiệm vụ chính trị". */
@Entity
@Table(name = "criteria_group")
public class CriteriaGroup extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "set_id")
    public CriteriaSet set;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false, length = 20)
    public String code;

    @Column(nullable = false, length = 500)
    public String title;

    @Column(name = "max_points", nullable = false, precision = 9, scale = 2)
    public BigDecimal maxPoints;

    @OneToMany(mappedBy = "group", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<Criterion> criteria = new ArrayList<>();

    static CriteriaGroup of(CriteriaSet set, int position, CriteriaDefinition.GroupDefinition definition) {
        CriteriaGroup group = new CriteriaGroup();
        group.set = set;
        group.position = position;
        group.code = definition.code();
        group.title = definition.title();
        group.maxPoints = definition.maxPoints();
        int criterionPosition = 0;
        for (CriteriaDefinition.CriterionDefinition criterion : definition.criteria()) {
            group.criteria.add(Criterion.of(group, ++criterionPosition, criterion));
        }
        return group;
    }

    CriteriaDefinition.GroupDefinition definition() {
        return new CriteriaDefinition.GroupDefinition(code, title, maxPoints, criteria.stream().map(Criterion::definition).toList());
    }
}
