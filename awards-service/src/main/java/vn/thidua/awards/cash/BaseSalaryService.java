package vn.thidua.awards.cash;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.thidua.platform.domain.ExpectedVersion;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;

/** The base salaries by the day each takes effect: the Board enters them (audited), decisions read the one in force. */
@ApplicationScoped
public class BaseSalaryService {
    @Inject
    Clock clock;
    private final ObjectMapper mapper;

    public BaseSalaryService(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Transactional
    public List<BaseSalary> list() {
        return BaseSalary.listAll(Sort.by("effectiveFrom"));
    }

    @Transactional
    public BaseSalary get(LocalDate effectiveFrom) {
        BaseSalary salary = BaseSalary.findById(effectiveFrom);
        if (salary == null) {
            throw Refusal.notFound("base-salary-not-found", "base-salary.not-found", effectiveFrom.toString());
        }
        return salary;
    }

    /**
     * Sets the base salary from {@code effectiveFrom}: a new row, or a correction of the one there
     * (412 when {@code If-Match} names another version). What decisions recorded before were paid
     * stays as it was: each ledger entry keeps the base salary it was computed on.
     */
    @Transactional
    public BaseSalary save(LocalDate effectiveFrom, BaseSalaryRequest request, ExpectedVersion expected, Caller caller) {
        caller.requireBoardOrAdmin();
        BaseSalaryRequest.Checked entry = request.check();
        // two officers entering the same new day at once: the second waits, then corrects the first's row
        BaseSalary.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "base-salary/" + effectiveFrom).getSingleResult();
        BaseSalary salary = BaseSalary.findById(effectiveFrom);
        BaseSalaryView before = null;
        if (salary == null) {
            salary = new BaseSalary();
            salary.effectiveFrom = effectiveFrom;
        } else {
            expected.requireMatches(salary.version);
            if (salary.amount == entry.amount() && salary.legalBasis.equals(entry.legalBasis()) && Objects.equals(salary.tag, entry.tag())) {
                // the same PUT again: nothing changed, nothing to audit
                return salary;
            }
            before = BaseSalaryView.of(salary);
        }
        salary.amount = entry.amount();
        salary.legalBasis = entry.legalBasis();
        salary.tag = entry.tag();
        salary.updatedBy = caller.subject();
        salary.updatedAt = Instant.now(clock);
        salary.persistAndFlush();
        audit(before, BaseSalaryView.of(salary));
        return salary;
    }

    /** The base salary in force on {@code day}: the row with the latest day on or before it; empty when none is. */
    public Optional<BaseSalary> inForceOn(LocalDate day) {
        return BaseSalary.<BaseSalary>find("effectiveFrom <= ?1", Sort.descending("effectiveFrom"), day).firstResultOptional();
    }

    private void audit(BaseSalaryView before, BaseSalaryView after) {
        try {
            BaseSalary.getEntityManager().createNativeQuery("""
                            INSERT INTO base_salary_audit (effective_from, before, after, actor, at)
                            VALUES (?1, CAST(?2 AS jsonb), CAST(?3 AS jsonb), ?4, ?5)""")
                    .setParameter(1, after.effectiveFrom()).setParameter(2, before == null ? null : mapper.writeValueAsString(before))
                    .setParameter(3, mapper.writeValueAsString(after)).setParameter(4, after.updatedBy()).setParameter(5, after.updatedAt())
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A base salary's view is plain JSON", e);
        }
    }
}
