package vn.thidua.scoring.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.thidua.platform.domain.ExpectedVersion;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.events.CloudEvents;
import vn.thidua.platform.events.Outbox;
import vn.thidua.platform.security.Caller;
import vn.thidua.scoring.criteria.ComputedFrom;
import vn.thidua.scoring.criteria.CriteriaSet;
import vn.thidua.scoring.criteria.CriteriaSetStatus;
import vn.thidua.scoring.criteria.Criterion;
import vn.thidua.scoring.criteria.Deadlines;
import vn.thidua.scoring.model.ModelStatistics;
import vn.thidua.scoring.registration.RegistrationService.ResultInput;
import vn.thidua.scoring.sheet.EvidenceLinks;
import vn.thidua.scoring.sheet.SheetService;

/**
 * The mid-year and year-end reports against a unit's registration, its year-end member statistics and the Board's
 * confirmation of them; a year-end report fills the computed criteria of the unit's open self sheets.
 */
@ApplicationScoped
public class YearEndReports {
    private final SheetService sheets;
    private final EvidenceLinks evidenceLinks;
    private final ModelStatistics models;
    private final Outbox outbox;
    private final CloudEvents events;
    private final Clock clock;

    public YearEndReports(SheetService sheets, ModelStatistics models, EvidenceLinks evidenceLinks, Outbox outbox, CloudEvents events,
                          Clock clock) {
        this.sheets = sheets;
        this.models = models;
        this.evidenceLinks = evidenceLinks;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records achieved values. A year-end report also fills the computed criteria of the unit's open
     * self sheets: from the targets, and from the counts of its recognised and replicated models
     * as they stand then (sending the report again brings later recognitions in).
     */
    @Transactional
    public Registration report(int year, String unitCode, ReportKind kind, List<ResultInput> results, Caller caller) {
        RegistrationService.requireActsFor(unitCode, caller);
        Registration registration = RegistrationService.get(year, unitCode);
        requireReportOpen(year, kind);
        List<Refusal.Reason> problems = new ArrayList<>();
        for (ResultInput result : results) {
            if (result.position() < 1 || result.position() > registration.targets.size()) {
                problems.add(new Refusal.Reason("results", "registration.result.unknown-target", result.position()));
            } else if (result.achieved() == null || result.achieved().signum() < 0) {
                problems.add(new Refusal.Reason("results", "registration.result.invalid", result.position()));
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.unprocessable("invalid-report", "registration.report.invalid", problems.size()).because(problems);
        }
        Map<String, List<String>> evidenceByField = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).evidence() != null) {
                evidenceByField.put("results[" + i + "].evidence", results.get(i).evidence());
            }
        }
        evidenceLinks.checkAll(evidenceByField, unitCode);
        for (ResultInput result : results) {
            RegistrationTarget target = registration.targets.get(result.position() - 1);
            List<String> evidence = result.evidence() == null ? new ArrayList<>() : new ArrayList<>(result.evidence());
            if (kind == ReportKind.MIDYEAR) {
                target.midyearValue = result.achieved();
                target.midyearEvidence = evidence;
            } else {
                target.yearendValue = result.achieved();
                target.yearendEvidence = evidence;
            }
        }
        registration.updatedBy = caller.subject();
        registration.updatedAt = Instant.now(clock);
        registration.persistAndFlush();
        if (kind == ReportKind.YEAREND) {
            publishYearEnd(registration);
            fillComputedCriteria(registration, caller.subject());
        }
        return registration;
    }

    /**
     * Enters or changes the unit's year-end member statistics, until the year-end report closes.
     * New figures need the Board's confirmation again; the same figures sent again change nothing.
     */
    @Transactional
    public Registration enterMemberStatistics(int year, String unitCode, MemberStatistics.Input input, ExpectedVersion expected, Caller caller) {
        RegistrationService.requireActsFor(unitCode, caller);
        Registration registration = RegistrationService.get(year, unitCode);
        expected.requireMatches(registration.version);
        requireReportOpen(year, ReportKind.YEAREND);
        if (registration.statisticsSource == StatisticsSource.COUNTED) {
            throw Refusal.conflict("member-statistics-counted", "registration.statistics.counted", unitCode, year);
        }
        MemberStatistics statistics = input.validated();
        if (statistics.equals(registration.memberStatistics())) {
            return registration;
        }
        registration.memberStatistics(statistics);
        registration.updatedBy = caller.subject();
        registration.updatedAt = Instant.now(clock);
        registration.persistAndFlush();
        publishYearEnd(registration);
        return registration;
    }

    /**
     * The Board confirms the statistics it checked, naming the version it checked; confirmed
     * statistics stay confirmed (and keep their first confirmer) until they change.
     */
    @Transactional
    public Registration confirmMemberStatistics(int year, String unitCode, ExpectedVersion expected, Caller caller) {
        caller.requireBoardOrAdmin();
        Registration registration = RegistrationService.get(year, unitCode);
        expected.requireMatches(registration.version);
        if (registration.memberStatistics() == null) {
            throw Refusal.conflict("member-statistics-missing", "registration.statistics.missing", unitCode, year);
        }
        if (registration.memberStatisticsConfirmed()) {
            return registration;
        }
        Instant now = Instant.now(clock);
        registration.statisticsConfirmedBy = caller.subject();
        registration.statisticsConfirmedAt = now;
        registration.updatedBy = caller.subject();
        registration.updatedAt = now;
        registration.persistAndFlush();
        publishYearEnd(registration);
        return registration;
    }

    /**
     * Takes statistics units-service counted from the unit's people, newer than those held: they replace
     * the registration's (declared or counted) figures; when no people count any more, the counted figures
     * are withdrawn and the unit declares its own again. The year-end report's deadline does not stop them:
     * they follow the people's records, which the deadline does not govern.
     */
    @Transactional
    public void applyCounted(CountedStatistics.Announced announced) {
        CountedStatistics held = CountedStatistics.find(announced.unitCode(), announced.year());
        if (held != null && held.version >= announced.version()) {
            return;
        }
        if (held == null) {
            held = new CountedStatistics();
            held.take(announced, Instant.now(clock));
            held.persist();
        } else {
            held.take(announced, Instant.now(clock));
        }
        Registration registration = Registration.find(announced.year(), announced.unitCode());
        if (registration == null) {
            return;
        }
        MemberStatistics counted = held.countsPeople() ? held.statistics() : null;
        if (counted == null && registration.statisticsSource == StatisticsSource.DECLARED) {
            return;
        }
        if (counted != null && counted.equals(registration.memberStatistics()) && registration.statisticsSource == StatisticsSource.COUNTED) {
            return;
        }
        registration.memberStatistics(counted, counted == null ? StatisticsSource.DECLARED : StatisticsSource.COUNTED);
        registration.updatedBy = "units-service";
        registration.updatedAt = Instant.now(clock);
        registration.persistAndFlush();
        publishYearEnd(registration);
    }

    /** After the flush, so that the event carries the version the change made. */
    private void publishYearEnd(Registration registration) {
        outbox.publish(RegistrationService.TOPIC, events.create(RegistrationService.SOURCE, RegistrationService.YEAR_END_REPORTED, registration.unitCode + "/" + registration.year,
                YearEndReported.of(registration)));
    }

    private void requireReportOpen(int year, ReportKind kind) {
        RegistrationPeriod period = RegistrationPeriod.findById(year);
        if (period != null && Deadlines.isPast(period.reportCloses(kind), clock)) {
            throw Refusal.unprocessable("report-closed", "registration.report-closed", kind, period.reportCloses(kind).toString());
        }
    }

    private void fillComputedCriteria(Registration registration, String actor) {
        List<CriteriaSet> sets = CriteriaSet.list("clusterId = ?1 and status = ?2", registration.clusterId, CriteriaSetStatus.PUBLISHED);
        for (CriteriaSet set : sets) {
            for (Criterion criterion : set.criteria()) {
                if (criterion.computedFrom == null) {
                    continue;
                }
                if (criterion.computedFrom.countsModels()) {
                    long items = criterion.computedFrom == ComputedFrom.RECOGNISED_MODELS
                            ? models.recognisedModels(registration.unitCode, registration.year)
                            : models.replicationsOf(registration.unitCode, registration.year);
                    BigDecimal points = criterion.pointsPerItem.multiply(BigDecimal.valueOf(items)).min(criterion.maxPoints)
                            .setScale(2, RoundingMode.HALF_UP);
                    sheets.fillComputed(set, registration.unitCode, criterion, points, List.of(),
                            (criterion.computedFrom == ComputedFrom.RECOGNISED_MODELS ? "Mô hình được công nhận: " : "Lượt nhân rộng mô hình: ")
                                    + items, actor);
                    continue;
                }
                List<Attainment.Weighted> feeding = registration.targets.stream()
                        .filter(t -> criterion.code.equals(t.criterionCode))
                        .map(t -> new Attainment.Weighted(t.attainment(ReportKind.YEAREND), t.weight))
                        .toList();
                BigDecimal attainment = Attainment.weightedMean(feeding);
                if (attainment == null) {
                    continue;
                }
                BigDecimal points = points(criterion, attainment);
                List<String> evidence = registration.targets.stream().filter(t -> criterion.code.equals(t.criterionCode))
                        .flatMap(t -> t.yearendEvidence.stream()).distinct().toList();
                sheets.fillComputed(set, registration.unitCode, criterion, points, evidence,
                        "Tính từ kết quả thực hiện chỉ tiêu: " + attainment.movePointRight(2).stripTrailingZeros().toPlainString() + "%", actor);
            }
        }
    }

    static BigDecimal points(Criterion criterion, BigDecimal attainment) {
        BigDecimal points = criterion.computedFrom == ComputedFrom.TARGET_ATTAINMENT
                ? criterion.maxPoints.multiply(attainment.min(BigDecimal.ONE))
                : attainment.subtract(BigDecimal.ONE).max(BigDecimal.ZERO).movePointRight(2).multiply(criterion.pointsPerPercent);
        return points.min(criterion.maxPoints).setScale(2, RoundingMode.HALF_UP);
    }

}
