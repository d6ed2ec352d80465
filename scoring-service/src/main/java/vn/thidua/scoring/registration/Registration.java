package vn.thidua.scoring.registration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A unit's emulation registration (đăng ký thi đua) for one year: its targets and the titles it aims for. */
@Entity
@Table(name = "registration")
public class Registration extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public int year;

    @Column(name = "unit_code", nullable = false, length = 35)
    public String unitCode;

    @Column(name = "cluster_id", nullable = false)
    public long clusterId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> titles = new ArrayList<>();

    @OneToMany(mappedBy = "registration", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<RegistrationTarget> targets = new ArrayList<>();

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "updated_by", nullable = false, length = 100)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static Registration find(int year, String unitCode) {
        return find("year = ?1 and unitCode = ?2", year, unitCode).firstResult();
    }
}
