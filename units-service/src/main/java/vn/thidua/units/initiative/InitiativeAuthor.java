package vn.thidua.units.initiative;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** An author of an initiative, in the order the authors were named. */
@Entity
@Table(name = "initiative_author")
@IdClass(InitiativeAuthor.Key.class)
public class InitiativeAuthor extends PanacheEntityBase {
    public record Key(UUID initiativeId, int position) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "initiative_id")
    public UUID initiativeId;

    @Id
    public int position;

    @Column(name = "person_id", nullable = false)
    public UUID personId;
}
