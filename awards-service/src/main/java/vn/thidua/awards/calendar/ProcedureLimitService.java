package vn.thidua.awards.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.thidua.platform.domain.ExpectedVersion;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;

/** The procedure's time limits, each in force for a period: the Board enters them (audited), deadlines read the one in force. */
@ApplicationScoped
public class ProcedureLimitService {
    @Inject
    Clock clock;
    private final ObjectMapper mapper;

    public ProcedureLimitService(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Every limit, or those of one code, by code then start. */
    @Transactional
    public List<ProcedureLimit> list(String code) {
        Sort order = Sort.by("code").and("effectiveFrom");
        return code == null ? ProcedureLimit.listAll(order) : ProcedureLimit.list("code", order, code);
    }

    @Transactional
    public ProcedureLimit get(long id) {
        ProcedureLimit limit = ProcedureLimit.findById(id);
        if (limit == null) {
            throw Refusal.notFound("procedure-limit-not-found", "procedure-limit.not-found", id);
        }
        return limit;
    }

    /** Adds a limit; its period may not overlap another of the same code, so one limit of a code is in force on any day. */
    @Transactional
    public ProcedureLimit add(ProcedureLimitRequest request, Caller caller) {
        caller.requireBoardOrAdmin();
        ProcedureLimitRequest.Checked entry = request.check();
        lock(entry.code());
        for (ProcedureLimit existing : list(entry.code())) {
            if (existing.overlaps(entry.effectiveFrom(), entry.effectiveTo())) {
                throw Refusal.unprocessable("procedure-limits-overlap", "procedure-limit.overlap", existing.id, existing.code,
                        existing.effectiveFrom.toString(), existing.effectiveTo == null ? "…" : existing.effectiveTo.toString());
            }
        }
        ProcedureLimit limit = new ProcedureLimit();
        limit.code = entry.code();
        limit.kind = entry.kind();
        limit.value = entry.value();
        limit.effectiveFrom = entry.effectiveFrom();
        limit.effectiveTo = entry.effectiveTo();
        limit.citation = entry.citation();
        limit.tag = entry.tag();
        limit.createdBy = caller.subject();
        limit.createdAt = Instant.now(clock);
        limit.persistAndFlush();
        audit(limit, "CREATED", null, null, caller);
        return limit;
    }

    /** Ends an open limit on {@code effectiveTo} (inclusive), once, when the next text applies; the next may start the day after. */
    @Transactional
    public ProcedureLimit end(long id, LocalDate effectiveTo, String reason, ExpectedVersion expected, Caller caller) {
        caller.requireBoardOrAdmin();
        ProcedureLimit limit = get(id);
        lock(limit.code);
        expected.requireMatches(limit.version);
        List<Refusal.Reason> problems = new ArrayList<>();
        if (effectiveTo == null) {
            problems.add(new Refusal.Reason("effectiveTo", "ruleset.date.required"));
        } else if (effectiveTo.isBefore(limit.effectiveFrom)) {
            problems.add(new Refusal.Reason("effectiveTo", "ruleset.effective.order"));
        }
        if (reason == null) {
            problems.add(new Refusal.Reason("reason", "problem.field.required", "reason"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.unprocessable("invalid-procedure-limit-end", "procedure-limit.invalid", problems.size())
                    .because(problems);
        }
        if (limit.effectiveTo != null) {
            throw Refusal.conflict("procedure-limit-ended", "procedure-limit.end.already", id, limit.effectiveTo.toString());
        }
        ProcedureLimitView before = ProcedureLimitView.of(limit);
        limit.effectiveTo = effectiveTo;
        limit.endReason = reason;
        limit.endedBy = caller.subject();
        limit.endedAt = Instant.now(clock);
        limit.version++;
        limit.persistAndFlush();
        audit(limit, "ENDED", before, reason, caller);
        return limit;
    }

    /** The limit of that code in force on that day. */
    public Optional<ProcedureLimit> inForce(String code, LocalDate day) {
        return ProcedureLimit.<ProcedureLimit>list("code", code).stream().filter(l -> l.inForceOn(day)).findFirst();
    }

    private static void lock(String code) {
        ProcedureLimit.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "procedure-limit/" + code).getSingleResult();
    }

    private void audit(ProcedureLimit limit, String action, ProcedureLimitView before, String reason, Caller caller) {
        try {
            ProcedureLimit.getEntityManager().createNativeQuery("""
                            INSERT INTO procedure_limit_audit (limit_id, action, before, after, reason, actor, at)
                            VALUES (?1, ?2, CAST(?3 AS jsonb), CAST(?4 AS jsonb), ?5, ?6, ?7)""")
                    .setParameter(1, limit.id).setParameter(2, action)
                    .setParameter(3, before == null ? null : mapper.writeValueAsString(before))
                    .setParameter(4, mapper.writeValueAsString(ProcedureLimitView.of(limit))).setParameter(5, reason)
                    .setParameter(6, caller.subject()).setParameter(7, Instant.now(clock)).executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A procedure limit's view is plain JSON", e);
        }
    }
}
