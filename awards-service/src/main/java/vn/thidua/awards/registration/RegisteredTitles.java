package vn.thidua.awards.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The titles each unit registered for, per year, as scoring-service announces them: what the
 * REGISTERED_FOR_TITLE rule looks at. The highest version of a unit-year wins. Joins the caller's transaction.
 */
@ApplicationScoped
public class RegisteredTitles {
    private final EntityManager entityManager;
    private final ObjectMapper mapper;

    public RegisteredTitles(EntityManager entityManager, ObjectMapper mapper) {
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    void apply(TitlesRegistered event) {
        try {
            entityManager.createNativeQuery("""
                            INSERT INTO registered_titles (unit_code, year, cluster_id, titles, version) VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), ?5)
                            ON CONFLICT (unit_code, year) DO UPDATE SET cluster_id = EXCLUDED.cluster_id, titles = EXCLUDED.titles,
                                version = EXCLUDED.version WHERE registered_titles.version < EXCLUDED.version""")
                    .setParameter(1, event.unitCode()).setParameter(2, event.year()).setParameter(3, event.clusterId())
                    .setParameter(4, mapper.writeValueAsString(event.titles())).setParameter(5, event.version()).executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list of codes is plain JSON", e);
        }
    }

    /** The award type codes the unit registered for that year; empty when it registered none. */
    @SuppressWarnings("unchecked")
    public Set<String> of(String unitCode, int year) {
        List<String> rows = entityManager.createNativeQuery("SELECT CAST(titles AS text) FROM registered_titles WHERE unit_code = ?1 AND year = ?2")
                .setParameter(1, unitCode).setParameter(2, year).getResultList();
        if (rows.isEmpty()) {
            return Set.of();
        }
        try {
            return new TreeSet<>(mapper.readValue(rows.get(0), new TypeReference<List<String>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("registered_titles holds only what this service wrote", e);
        }
    }
}
