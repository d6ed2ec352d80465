package vn.thidua.units.cluster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * This service's tolerant reading of the data of awards-service's {@code vn.thidua.awards.ClusterLeaderElected}
 * (docs/events.md, topic {@code thidua.awards.votes.v1}): only the fields it uses.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeaderElected(String clusterCode, String kind, Integer year, String leaderUnitCode,
                            String deputyUnitCode, String votingSessionId, Instant electedAt) {
}
