package vn.thidua.scoring.registration;

import vn.thidua.platform.domain.ExpectedVersion;
import vn.thidua.platform.domain.Refusal;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.events.CloudEvents;
import vn.thidua.platform.events.Outbox;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Roles;
import vn.thidua.scoring.criteria.ComputedFrom;
import vn.thidua.scoring.criteria.CriteriaSet;
import vn.thidua.scoring.criteria.CriteriaSetStatus;
import vn.thidua.scoring.criteria.Criterion;
import vn.thidua.scoring.criteria.Deadlines;
import vn.thidua.scoring.model.ModelStatistics;
import vn.thidua.scoring.sheet.EvidenceLinks;
import vn.thidua.scoring.sheet.SheetService;

/** Registration of targets and titles, and the mid-year and year-end reports against them. */
@ApplicationScoped
public class RegistrationService {
    public static final String TOPIC = "thidua.scoring.registrations.v1";
    public static final String TITLES_REGISTERED = "vn.thidua.scoring.TitlesRegistered";
    public static final String YEAR_END_REPORTED = "vn.thidua.scoring.YearEndReported";
    private static final String SOURCE = "/thidua/scoring-service";
    private static final Pattern TITLE_CODE = Pattern.compile("[A-Z0-9_]{2,40}");

    private final ClusterDirectory clusters;
    private final SheetService sheets;
    private final EvidenceLinks evidenceLinks;
    private final ModelStatistics models;
    private final Outbox outbox;
    private final CloudEvents events;
    private final Clock clock;

    public RegistrationService(ClusterDirectory clusters, SheetService sheets, ModelStatistics models, EvidenceLinks evidenceLinks,
                               Outbox outbox, CloudEvents events, Clock clock) {
        this.clusters = clusters;
        this.evidenceLinks = evidenceLinks;
        this.sheets = sheets;
        this.models = models;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    public record TargetInput(@Schema(required = true, maxLength = 500) String name, @Schema(required = true, maxLength = 50) String unitOfMeasure,
                              @Schema(required = true, minimum = "0", exclusiveMinimum = true) BigDecimal planned,
                              @Schema(minimum = "0", exclusiveMinimum = true) BigDecimal weight, Direction direction,
                              @Schema(maxLength = 20, description = "The criterion this target feeds, if any.") String criterionCode) {
    }

    public record ResultInput(@Schema(required = true, minimum = "1", description = "The target's position, from 1.") int position,
                              @Schema(required = true, minimum = "0") BigDecimal achieved,
                              List<@Size(max = 2000) String> evidence) {
    }

    /** The data of {@code TitlesRegistered}: which titles a unit registered for, so awards can check eligibility. */
    public record TitlesRegistered(int year, String unitCode, long clusterId, List<String> titles, long version) {
    }

    @Transactional
    public RegistrationPeriod setPeriod(int year, LocalDate registrationCloses, LocalDate midyearCloses, LocalDate yearendCloses,
                                        Caller caller) {
        caller.requireBoardOrAdmin();
        if (registrationCloses == null) {
            throw Refusal.invalid("invalid-field", "problem.field.required", "registrationCloses");
        }
        RegistrationPeriod period = RegistrationPeriod.findById(year);
        if (period == null) {
            period = new RegistrationPeriod();
            period.year = year;
        }
        period.registrationCloses = registrationCloses;
        period.midyearCloses = midyearCloses;
        period.yearendCloses = yearendCloses;
        period.persist();
        return period;
    }

    @Transactional
    public Registration register(int year, String unitCode, List<TargetInput> targets, List<String> titles, ExpectedVersion expected, Caller caller) {
        requireActsFor(unitCode, caller);
        RegistrationPeriod period = RegistrationPeriod.findById(year);
        if (period != null && Deadlines.isPast(period.registrationCloses, clock)) {
            throw Refusal.unprocessable("registration-closed", "registration.closed", year, period.registrationCloses.toString());
        }
        long clusterId = clusters.clusterOf(unitCode, year, "CLUSTER").orElseThrow(() ->
                Refusal.unprocessable("not-in-cluster", "registration.not-in-cluster", unitCode, year));
        validate(targets, titles);
        Registration registration = Registration.find(year, unitCode);
        if (registration == null) {
            registration = new Registration();
            registration.year = year;
            registration.unitCode = unitCode;
        } else {
            expected.requireMatches(registration.version);
            // member statistics are year-end results too: new targets would leave awards' copy of the report behind
            if (registration.targets.stream().anyMatch(t -> t.midyearValue != null || t.yearendValue != null)
                    || registration.memberStatistics() != null) {
                throw Refusal.conflict("already-reported", "registration.already-reported", unitCode, year);
            }
        }
        registration.clusterId = clusterId;
        registration.titles = new ArrayList<>(titles);
        registration.targets.clear();
        int position = 0;
        for (TargetInput input : targets) {
            RegistrationTarget target = new RegistrationTarget();
            target.registration = registration;
            target.position = ++position;
            target.name = input.name();
            target.unitOfMeasure = input.unitOfMeasure();
            target.planned = input.planned();
            target.weight = input.weight() == null ? BigDecimal.ONE : input.weight();
            target.direction = input.direction() == null ? Direction.HIGHER_IS_BETTER : input.direction();
            target.criterionCode = input.criterionCode();
            registration.targets.add(target);
        }
        registration.updatedBy = caller.subject();
        registration.updatedAt = Instant.now(clock);
        registration.persistAndFlush();
        outbox.publish(TOPIC, events.create(SOURCE, TITLES_REGISTERED, unitCode + "/" + year,
                new TitlesRegistered(year, unitCode, clusterId, registration.titles, registration.version)));
        return registration;
    }

    /**
     * Records achieved values. A year-end report also fills the computed criteria of the unit's open
     * self sheets: from the targets, and from the counts of its recognised and replicated models
     * as they stand then (sending the report again brings later recognitions in).
     */
    @Transactional
    public Registration report(int year, String unitCode, ReportKind kind, List<ResultInput> results, Caller caller) {
        requireActsFor(unitCode, caller);
        Registration registration = get(year, unitCode);
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
        requireActsFor(unitCode, caller);
        Registration registration = get(year, unitCode);
        expected.requireMatches(registration.version);
        requireReportOpen(year, ReportKind.YEAREND);
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
        Registration registration = get(year, unitCode);
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

    /** After the flush, so that the event carries the version the change made. */
    private void publishYearEnd(Registration registration) {
        outbox.publish(TOPIC, events.create(SOURCE, YEAR_END_REPORTED, registration.unitCode + "/" + registration.year,
                YearEndReported.of(registration)));
    }

    private void requireReportOpen(int year, ReportKind kind) {
        RegistrationPeriod period = RegistrationPeriod.findById(year);
        if (period != null && Deadlines.isPast(period.reportCloses(kind), clock)) {
            throw Refusal.unprocessable("report-closed", "registration.report-closed", kind, period.reportCloses(kind).toString());
        }
    }

    public Registration read(int year, String unitCode, Caller caller) {
        Registration registration = get(year, unitCode);
        if (!mayRead(registration, caller)) {
            throw new ForbiddenException("registration of " + unitCode);
        }
        return registration;
    }

    public List<Registration> list(int year, Long clusterId, Caller caller) {
        List<Registration> all = clusterId == null
                ? Registration.list("year = ?1 order by unitCode", year)
                : Registration.list("year = ?1 and clusterId = ?2 order by unitCode", year, clusterId);
        return all.stream().filter(registration -> mayRead(registration, caller)).toList();
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

    private boolean mayRead(Registration registration, Caller caller) {
        if (caller.isBoardOrAdmin() || caller.hasAnyRole(Roles.VIEWER) || caller.actsFor(registration.unitCode)) {
            return true;
        }
        return clusters.find(registration.clusterId).map(c -> caller.leadsClusterLedBy(c.leaderUnitCode())).orElse(false);
    }

    private static void requireActsFor(String unitCode, Caller caller) {
        caller.requireBoardOrActsFor(unitCode);
    }

    private static Registration get(int year, String unitCode) {
        Registration registration = Registration.find(year, unitCode);
        if (registration == null) {
            throw Refusal.notFound("registration-not-found", "registration.not-found", unitCode, year);
        }
        return registration;
    }

    private static void validate(List<TargetInput> targets, List<String> titles) {
        List<Refusal.Reason> problems = new ArrayList<>();
        if (targets == null || targets.isEmpty() || targets.size() > 50) {
            problems.add(new Refusal.Reason("targets", "registration.targets.count"));
        } else {
            for (int i = 0; i < targets.size(); i++) {
                TargetInput t = targets.get(i);
                String at = "targets[" + i + "]";
                if (t == null || t.name() == null || t.unitOfMeasure() == null) {
                    problems.add(new Refusal.Reason(at, "registration.target.incomplete"));
                } else if (t.planned() == null || t.planned().signum() <= 0 || (t.weight() != null && t.weight().signum() <= 0)) {
                    problems.add(new Refusal.Reason(at, "registration.target.values", t.name()));
                }
            }
        }
        if (titles == null || titles.size() > 10 || new HashSet<>(titles).size() != titles.size()
                || titles.stream().anyMatch(code -> code == null || !TITLE_CODE.matcher(code).matches())) {
            problems.add(new Refusal.Reason("titles", "registration.titles.invalid"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.unprocessable("invalid-registration", "registration.invalid", problems.size()).because(problems);
        }
    }
}
