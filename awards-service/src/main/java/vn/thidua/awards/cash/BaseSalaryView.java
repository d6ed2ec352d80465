package vn.thidua.awards.cash;

import java.time.Instant;
import java.time.LocalDate;

/** A base salary as the API shows it, and as its audit keeps it before and after a change. */
public record BaseSalaryView(LocalDate effectiveFrom, long amount, String legalBasis, String tag, long version, String updatedBy,
                             Instant updatedAt) {

    static BaseSalaryView of(BaseSalary s) {
        return new BaseSalaryView(s.effectiveFrom, s.amount, s.legalBasis, s.tag, s.version, s.updatedBy, s.updatedAt);
    }
}
