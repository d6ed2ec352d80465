package vn.thidua.scoring.registration;

import vn.thidua.platform.domain.ExpectedVersion;
import vn.thidua.platform.domain.Refusal;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.events.CloudEvents;
import vn.thidua.platform.events.Outbox;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Roles;
import vn.thidua.scoring.criteria.Deadlines;

/** Registration of targets and titles, and who may read them; the reports against them are {@link YearEndReports}. */
@ApplicationScoped
public class RegistrationService {
    public static final String TOPIC = "thidua.scoring.registrations.v1";
    public static final String TITLES_REGISTERED = "vn.thidua.scoring.TitlesRegistered";
    public static final String YEAR_END_REPORTED = "vn.thidua.scoring.YearEndReported";
    static final String SOURCE = "/thidua/scoring-service";
    private static final Pattern TITLE_CODE = Pattern.compile("[A-Z0-9_]{2,40}");

    private final ClusterDirectory clusters;
    private final Outbox outbox;
    private final CloudEvents events;
    private final Clock clock;

    public RegistrationService(ClusterDirectory clusters, Outbox outbox, CloudEvents events, Clock clock) {
        this.clusters = clusters;
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
                    || registration.memberStatistics() != null && registration.statisticsSource == StatisticsSource.DECLARED) {
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
        CountedStatistics counted = CountedStatistics.find(unitCode, year);
        if (counted != null && counted.countsPeople() && registration.memberStatistics() == null) {
            // counted from the unit's people before it registered
            registration.memberStatistics(counted.statistics(), StatisticsSource.COUNTED);
        }
        registration.persistAndFlush();
        outbox.publish(TOPIC, events.create(SOURCE, TITLES_REGISTERED, unitCode + "/" + year,
                new TitlesRegistered(year, unitCode, clusterId, registration.titles, registration.version)));
        return registration;
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

    private boolean mayRead(Registration registration, Caller caller) {
        if (caller.isBoardOrAdmin() || caller.hasAnyRole(Roles.VIEWER) || caller.actsFor(registration.unitCode)) {
            return true;
        }
        return clusters.find(registration.clusterId).map(c -> caller.leadsClusterLedBy(c.leaderUnitCode())).orElse(false);
    }

    static void requireActsFor(String unitCode, Caller caller) {
        caller.requireBoardOrActsFor(unitCode);
    }

    static Registration get(int year, String unitCode) {
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
