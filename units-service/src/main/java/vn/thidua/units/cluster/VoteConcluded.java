package vn.thidua.units.cluster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * This service's tolerant reading of the data of awards-service's {@code vn.thidua.awards.VoteConcluded}
 * (docs/events.md, topic {@code thidua.awards.votes.v1}): only what tells the cluster-year and the
 * units elected in each contest; rules, counts and attendance are awards-service's business.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VoteConcluded(String votingSessionId, String runoffOf, Long clusterId, String clusterCode, String kind,
                            Integer year, String purpose, Result result) {

    /** The purpose whose LEAD contest names the units leading the cluster-year's emulation. */
    public static final String LEAD_AND_PROPOSE = "LEAD_AND_PROPOSE";
    public static final String LEAD = "LEAD";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Result(List<Contest> contests) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contest(String contest, List<String> elected) {
    }

    public boolean leadsAndProposes() {
        return LEAD_AND_PROPOSE.equals(purpose);
    }
}
