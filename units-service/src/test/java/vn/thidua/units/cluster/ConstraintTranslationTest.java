package vn.thidua.units.cluster;

import vn.thidua.platform.domain.Refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

/** What the database refuses in a race is answered like the check that came too late. */
class ConstraintTranslationTest {

    @Test
    void aSecondCurrentMembershipOfTheSameKindAndYearIsA422() {
        Refusal problem = (Refusal) ClusterChanges.translate(
                new ConstraintViolationException("duplicate", new SQLException("duplicate", "23505"),
                        ClusterChanges.MEMBERSHIP_UNIQUE));
        assertEquals(Refusal.Nature.RULE, problem.nature());
        assertEquals("cluster-member-elsewhere", problem.type());
    }

    @Test
    void aSecondClusterYearWithTheSameCodeAndYearIsA409() {
        Refusal problem = (Refusal) ClusterChanges.translate(
                new ConstraintViolationException("duplicate", new SQLException("duplicate", "23505"),
                        ClusterChanges.CODE_YEAR_UNIQUE));
        assertEquals(Refusal.Nature.STATE, problem.nature());
        assertEquals("cluster-exists", problem.type());
    }

    @Test
    void anythingElseIsLeftAlone() {
        PersistenceException other = new PersistenceException("boom");
        assertSame(other, ClusterChanges.translate(other));
    }
}
