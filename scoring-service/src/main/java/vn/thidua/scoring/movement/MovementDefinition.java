package vn.thidua.scoring.movement;

import java.util.List;

/**
 * A movement that keeps every rule of {@link MovementRules}: texts cleaned, participants and
 * criteria sets without duplicates, in ascending id order (participants empty when province-wide).
 */
public record MovementDefinition(String name, MovementKind kind, Launcher launchedBy, Long launchingClusterId,
                                 boolean allClusters, List<Long> participantClusterIds, MovementPeriod period,
                                 List<String> goals, List<Long> criteriaSetIds) {

    public MovementDefinition {
        participantClusterIds = List.copyOf(participantClusterIds);
        goals = List.copyOf(goals);
        criteriaSetIds = List.copyOf(criteriaSetIds);
    }
}
