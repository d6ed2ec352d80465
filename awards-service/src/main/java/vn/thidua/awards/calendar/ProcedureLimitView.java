package vn.thidua.awards.calendar;

import java.time.Instant;
import java.time.LocalDate;

/** A procedure limit as the API shows it, and as its audit keeps it. */
public record ProcedureLimitView(long id, String code, LimitKind kind, String value, LocalDate effectiveFrom, LocalDate effectiveTo,
                                 String citation, String tag, long version, String createdBy, Instant createdAt, String endedBy,
                                 Instant endedAt, String endReason) {

    static ProcedureLimitView of(ProcedureLimit l) {
        return new ProcedureLimitView(l.id, l.code, l.kind, l.value, l.effectiveFrom, l.effectiveTo, l.citation, l.tag, l.version,
                l.createdBy, l.createdAt, l.endedBy, l.endedAt, l.endReason);
    }
}
