package vn.thidua.awards.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.thidua.awards.condition.Facts;
import vn.thidua.platform.events.MalformedEventException;

/**
 * Each unit's year-end report as scoring-service announces it: what EXCEEDS_TARGETS and
 * MEMBER_SHARE look at. The highest version of a unit-year wins. Joins the caller's transaction.
 */
@ApplicationScoped
public class YearEndReports {
    private final EntityManager entityManager;
    private final ObjectMapper mapper;

    public YearEndReports(EntityManager entityManager, ObjectMapper mapper) {
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    void apply(YearEndReported event) {
        if (event.unitCode() == null || event.targets() == null) {
            throw new MalformedEventException("YearEndReported without a unit or targets");
        }
        List<BigDecimal> attainments = event.targets().stream().sorted(Comparator.comparingInt(YearEndReported.Target::position))
                .map(YearEndReported.Target::attainment).toList();
        try {
            entityManager.createNativeQuery("""
                            INSERT INTO year_end_report (unit_code, year, cluster_id, attainments, member_statistics, version)
                            VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), CAST(?5 AS jsonb), ?6)
                            ON CONFLICT (unit_code, year) DO UPDATE SET cluster_id = EXCLUDED.cluster_id, attainments = EXCLUDED.attainments,
                                member_statistics = EXCLUDED.member_statistics, version = EXCLUDED.version
                            WHERE year_end_report.version < EXCLUDED.version""")
                    .setParameter(1, event.unitCode()).setParameter(2, event.year()).setParameter(3, event.clusterId())
                    .setParameter(4, mapper.writeValueAsString(attainments))
                    .setParameter(5, event.memberStatistics() == null ? null : mapper.writeValueAsString(event.memberStatistics()))
                    .setParameter(6, event.version()).executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Numbers and counts are plain JSON", e);
        }
    }

    /** The unit's year-end report of that year as conditions see it; empty when none has arrived. */
    @SuppressWarnings("unchecked")
    public Optional<Facts.YearEnd> of(String unitCode, int year) {
        List<Object[]> rows = entityManager.createNativeQuery(
                        "SELECT CAST(attainments AS text), CAST(member_statistics AS text) FROM year_end_report WHERE unit_code = ?1 AND year = ?2")
                .setParameter(1, unitCode).setParameter(2, year).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<BigDecimal> attainments = mapper.readValue((String) rows.get(0)[0], new TypeReference<List<BigDecimal>>() { });
            String statisticsJson = (String) rows.get(0)[1];
            Facts.MemberStatistics statistics = null;
            if (statisticsJson != null) {
                YearEndReported.MemberStatistics s = mapper.readValue(statisticsJson, YearEndReported.MemberStatistics.class);
                statistics = new Facts.MemberStatistics(s.members(), s.completingTasks(), s.advancedLabour(), s.grassrootsFighters(),
                        s.disciplinedWarningOrAbove(), s.women(), s.confirmed());
            }
            return Optional.of(new Facts.YearEnd(attainments, statistics));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("year_end_report holds only what this service wrote", e);
        }
    }
}
