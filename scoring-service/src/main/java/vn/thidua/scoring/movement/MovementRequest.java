package vn.thidua.scoring.movement;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * A movement as the Board or a cluster leader writes it, unchecked. {@code launchedBy} is
 * {@code BOARD} or {@code CLUSTER}, the latter with {@code launchingClusterId}; the participants
 * are either the listed cluster-years or, with {@code allClusters}, every cluster of the province.
 * Dates are Vietnamese calendar dates, both included.
 */
public record MovementRequest(@Schema(required = true, maxLength = MovementRules.NAME_MAX_LENGTH) String name,
                              @Schema(required = true) MovementKind kind, @Schema(required = true) Launcher launchedBy,
                              @Schema(description = "Required when a cluster launches it; left out when the Board does.") Long launchingClusterId,
                              @Schema(description = "Province-wide: every cluster takes part (then no participantClusterIds).") Boolean allClusters,
                              @Schema(maxItems = MovementRules.IDS_MAX, description = "Required unless allClusters.") List<Long> participantClusterIds,
                              @Schema(required = true, description = "In a year from 2000 to 2100.") LocalDate startDate,
                              @Schema(required = true, description = "Not before startDate; a REGULAR movement ends in its start year.") LocalDate endDate,
                              @Schema(maxItems = MovementRules.GOALS_MAX) List<@Size(max = MovementRules.GOAL_MAX_LENGTH) String> goals,
                              @Schema(maxItems = MovementRules.IDS_MAX) List<Long> criteriaSetIds) {

    boolean provinceWide() {
        return Boolean.TRUE.equals(allClusters);
    }
}
