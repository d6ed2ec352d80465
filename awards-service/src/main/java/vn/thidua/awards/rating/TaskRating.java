package vn.thidua.awards.rating;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A unit's task-completion rating for a year (xếp loại mức độ hoàn thành nhiệm vụ), with the document it comes from. */
@Entity
@Table(name = "task_rating")
public class TaskRating extends PanacheEntityBase {

    /** The four levels of the yearly rating of collectives. */
    public enum Level {
        /** Hoàn thành xuất sắc nhiệm vụ. */
        HTXSNV,
        /** Hoàn thành tốt nhiệm vụ. */
        HTTNV,
        /** Hoàn thành nhiệm vụ. */
        HTNV,
        /** Không hoàn thành nhiệm vụ. */
        KHTNV
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "unit_code", nullable = false, length = 35)
        public String unitCode;

        @Column(nullable = false)
        public int year;

        protected Key() {
        }

        public Key(String unitCode, int year) {
            this.unitCode = unitCode;
            this.year = year;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.unitCode.equals(unitCode) && key.year == year;
        }

        @Override
        public int hashCode() {
            return Objects.hash(unitCode, year);
        }
    }

    @EmbeddedId
    public Key key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Level rating;

    @Column(nullable = false, length = 500)
    public String source;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "recorded_by", nullable = false, length = 100)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
