package vn.thidua.awards.vote;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What awards-service tells the others about votes, on topic {@value #TOPIC} (docs/events.md),
 * keyed {@code <clusterCode>/<year>} so that the results of one cluster-year stay in order.
 * Totals only: no event says who voted for whom.
 */
final class VotingEvents {
    static final String TOPIC = "thidua.awards.votes.v1";
    static final String SOURCE = "/thidua/awards-service";
    static final String VOTE_CONCLUDED = "vn.thidua.awards.VoteConcluded";
    static final String CLUSTER_LEADER_ELECTED = "vn.thidua.awards.ClusterLeaderElected";

    private VotingEvents() {
    }

    static String key(String clusterCode, int year) {
        return clusterCode + "/" + year;
    }

    /** A published result: the session, the rules it was held under, and the count. */
    record VoteConcluded(UUID votingSessionId, UUID runoffOf, long clusterId, String clusterCode, String kind, int year,
                         Purpose purpose, String awardTypeCode, Integer leadsYear, long ruleSetId, String legalBasis,
                         List<String> membersPresent, VoteResult result, Instant publishedAt) {
    }

    /** The contract units-service applies (docs/events/awards/ClusterLeaderElected.json). */
    record ClusterLeaderElected(String clusterCode, String kind, int year, String leaderUnitCode, String deputyUnitCode,
                                String votingSessionId, Instant electedAt) {
    }
}
