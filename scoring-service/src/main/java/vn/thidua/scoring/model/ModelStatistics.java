package vn.thidua.scoring.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;

/**
 * Counts of a unit's models for the scoring rules (bonus criteria such as "models recognised" or
 * "models replicated elsewhere"). Each is one SQL count; each call joins the caller's transaction or
 * runs in a short one of its own.
 */
@ApplicationScoped
public class ModelStatistics {

    /** The unit's models the Board recognised in the year (by the date of recognition). */
    @Transactional
    public long recognisedModels(String unitCode, int year) {
        return ExemplaryModel.getEntityManager()
                .createQuery("select count(m) from ExemplaryModel m where m.ownerUnitCode = :unit"
                        + " and m.recognisedOn >= :from and m.recognisedOn < :to", Long.class)
                .setParameter("unit", unitCode)
                .setParameter("from", LocalDate.of(year, 1, 1))
                .setParameter("to", LocalDate.of(year + 1, 1, 1))
                .getSingleResult();
    }

    /** Adoptions by other units, in the year, of the unit's models (one per model and adopting unit). */
    @Transactional
    public long replicationsOf(String unitCode, int year) {
        return ExemplaryModel.getEntityManager()
                .createQuery("select count(r) from ModelReplication r, ExemplaryModel m where r.modelId = m.id"
                        + " and m.ownerUnitCode = :unit and r.adoptedOn >= :from and r.adoptedOn < :to", Long.class)
                .setParameter("unit", unitCode)
                .setParameter("from", LocalDate.of(year, 1, 1))
                .setParameter("to", LocalDate.of(year + 1, 1, 1))
                .getSingleResult();
    }
}
