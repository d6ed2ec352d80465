package vn.thidua.scoring.movement;

import java.time.LocalDate;
import java.util.List;

/**
 * A movement as the Board or a cluster leader writes it, unchecked. {@code launchedBy} is
 * {@code BOARD} or {@code CLUSTER}, the latter with {@code launchingClusterId}; the participants
 * are either the listed cluster-years or, with {@code allClusters}, every cluster of the province.
 * Dates are Vietnamese calendar dates, both included.
 */
public record MovementRequest(String name, MovementKind kind, Launcher launchedBy, Long launchingClusterId, Boolean allClusters,
                              List<Long> participantClusterIds, LocalDate startDate, LocalDate endDate, List<String> goals,
                              List<Long> criteriaSetIds) {

    boolean provinceWide() {
        return Boolean.TRUE.equals(allClusters);
    }
}
