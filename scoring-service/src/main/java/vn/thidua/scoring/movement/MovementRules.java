package vn.thidua.scoring.movement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import vn.thidua.platform.clusters.ClusterYear;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.web.Text;

/**
 * The rules a movement keeps, as plain Java: {@link #check} cleans the request's texts and refuses
 * it (422) with every broken rule at once, so the officer can correct the whole form in one go.
 */
public final class MovementRules {
    public static final int NAME_MAX_LENGTH = 300;
    public static final int GOALS_MAX = 20;
    public static final int GOAL_MAX_LENGTH = 1000;
    /** More ids than any province has cluster-years or criteria sets for one movement. */
    public static final int IDS_MAX = 500;
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;

    /** What the rules need to know beyond the request. */
    public interface Lookups {
        Optional<ClusterYear> cluster(long clusterId);

        boolean criteriaSetExists(long setId);
    }

    private MovementRules() {
    }

    public static MovementDefinition check(MovementRequest request, Lookups lookups) {
        List<Refusal.Reason> problems = new ArrayList<>();
        String name = name(request.name(), NAME_MAX_LENGTH, "name", problems);
        if (request.kind() == null) {
            problems.add(problem("kind", "movement.kind.required"));
        }

        LocalDate start = request.startDate();
        LocalDate end = request.endDate();
        MovementPeriod period = null;
        if (start == null) {
            problems.add(problem("startDate", "problem.field.required", "startDate"));
        } else if (start.getYear() < MIN_YEAR || start.getYear() > MAX_YEAR) {
            problems.add(problem("startDate", "movement.date.range", MIN_YEAR, MAX_YEAR));
        }
        if (end == null) {
            problems.add(problem("endDate", "problem.field.required", "endDate"));
        } else if (end.getYear() < MIN_YEAR || end.getYear() > MAX_YEAR) {
            problems.add(problem("endDate", "movement.date.range", MIN_YEAR, MAX_YEAR));
        }
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                problems.add(problem("endDate", "movement.dates.order", start.toString(), end.toString()));
            } else {
                period = new MovementPeriod(start, end);
                if (request.kind() == MovementKind.REGULAR && !period.withinOneYear()) {
                    problems.add(problem("endDate", "movement.regular.one-year", start.getYear(), end.getYear()));
                }
            }
        }

        Launcher launchedBy = request.launchedBy();
        Long launchingClusterId = request.launchingClusterId();
        if (launchedBy == null) {
            problems.add(problem("launchedBy", "movement.launcher.required"));
        } else if (launchedBy == Launcher.BOARD && launchingClusterId != null) {
            problems.add(problem("launchingClusterId", "movement.launcher.board-with-cluster"));
        } else if (launchedBy == Launcher.CLUSTER) {
            if (launchingClusterId == null) {
                problems.add(problem("launchingClusterId", "problem.field.required", "launchingClusterId"));
            } else if (lookups.cluster(launchingClusterId).isEmpty()) {
                problems.add(problem("launchingClusterId", "movement.launcher.unknown", launchingClusterId));
            }
        }

        boolean allClusters = request.provinceWide();
        List<Long> listed = request.participantClusterIds() == null ? List.of() : request.participantClusterIds();
        TreeSet<Long> participants = new TreeSet<>();
        if (allClusters && !listed.isEmpty()) {
            problems.add(problem("participantClusterIds", "movement.participants.both"));
        } else if (!allClusters && listed.isEmpty()) {
            problems.add(problem("participantClusterIds", "movement.participants.none"));
        } else if (listed.size() > IDS_MAX) {
            problems.add(problem("participantClusterIds", "movement.ids.too-many", IDS_MAX));
        } else {
            for (int i = 0; i < listed.size(); i++) {
                Long id = listed.get(i);
                String field = "participantClusterIds[" + i + "]";
                if (id == null) {
                    problems.add(problem(field, "movement.item.missing"));
                    continue;
                }
                Optional<ClusterYear> cluster = lookups.cluster(id);
                if (cluster.isEmpty()) {
                    problems.add(problem(field, "movement.participant.unknown", id));
                } else if (period != null && !period.runsIn(cluster.get().year())) {
                    problems.add(problem(field, "movement.participant.outside-period", id, cluster.get().year(),
                            start.getYear(), end.getYear()));
                }
                participants.add(id);
            }
        }

        List<String> rawGoals = request.goals() == null ? List.of() : request.goals();
        List<String> goals = new ArrayList<>();
        if (rawGoals.size() > GOALS_MAX) {
            problems.add(problem("goals", "movement.goals.too-many", rawGoals.size(), GOALS_MAX));
        } else {
            for (int i = 0; i < rawGoals.size(); i++) {
                goals.add(clean(rawGoals.get(i), GOAL_MAX_LENGTH, "goals[" + i + "]", true, problems));
            }
        }

        List<Long> rawSets = request.criteriaSetIds() == null ? List.of() : request.criteriaSetIds();
        TreeSet<Long> criteriaSets = new TreeSet<>();
        if (rawSets.size() > IDS_MAX) {
            problems.add(problem("criteriaSetIds", "movement.ids.too-many", IDS_MAX));
        } else {
            for (int i = 0; i < rawSets.size(); i++) {
                Long id = rawSets.get(i);
                String field = "criteriaSetIds[" + i + "]";
                if (id == null) {
                    problems.add(problem(field, "movement.item.missing"));
                } else if (!lookups.criteriaSetExists(id)) {
                    problems.add(problem(field, "movement.criteria-set.unknown", id));
                } else {
                    criteriaSets.add(id);
                }
            }
        }

        if (!problems.isEmpty()) {
            throw Refusal.unprocessable("invalid-movement", "movement.invalid", Integer.toString(problems.size())).because(problems);
        }
        return new MovementDefinition(name, request.kind(), launchedBy, launchingClusterId, allClusters,
                new ArrayList<>(participants), period, goals, new ArrayList<>(criteriaSets));
    }

    /** Numbers as plain text, so that MessageFormat does not write the year 2016 as "2.016". */
    private static Refusal.Reason problem(String field, String messageKey, Object... args) {
        Object[] texts = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = args[i] instanceof Number ? args[i].toString() : args[i];
        }
        return new Refusal.Reason(field, messageKey, texts);
    }

    /** {@link Text#name}, its refusal listed with the other problems. */
    private static String name(String raw, int maxLength, String field, List<Refusal.Reason> problems) {
        try {
            return Text.name(raw, maxLength, field, true);
        } catch (Refusal e) {
            problems.add(problem(field, e.messageKey(), e.args()));
            return null;
        }
    }

    /** {@link Text#clean}, its refusal (missing, too long, hidden characters) listed with the other problems. */
    private static String clean(String raw, int maxLength, String field, boolean required, List<Refusal.Reason> problems) {
        try {
            return Text.clean(raw, maxLength, field, required);
        } catch (Refusal e) {
            problems.add(problem(field, e.messageKey(), e.args()));
            return null;
        }
    }
}
