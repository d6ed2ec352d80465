package vn.thidua.units.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import vn.thidua.platform.web.ProblemException;

/** What the database refuses in a race is answered like the check that came too late. */
class ConstraintTranslationTest {

    @Test
    void aSecondCurrentMembershipOfTheSameKindAndYearIsA422() {
        ProblemException problem = (ProblemException) ClusterService.translate(
                new ConstraintViolationException("duplicate", new SQLException("duplicate", "23505"),
                        ClusterService.MEMBERSHIP_UNIQUE));
        assertEquals(422, problem.status());
        assertEquals("cluster-member-elsewhere", problem.typeSlug());
    }

    @Test
    void aSecondClusterYearWithTheSameCodeAndYearIsA409() {
        ProblemException problem = (ProblemException) ClusterService.translate(
                new ConstraintViolationException("duplicate", new SQLException("duplicate", "23505"),
                        ClusterService.CODE_YEAR_UNIQUE));
        assertEquals(409, problem.status());
        assertEquals("cluster-exists", problem.typeSlug());
    }

    @Test
    void anythingElseIsLeftAlone() {
        PersistenceException other = new PersistenceException("boom");
        assertSame(other, ClusterService.translate(other));
    }
}
