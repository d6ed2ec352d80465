package vn.thidua.units.cluster;

import java.time.Instant;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.events.MalformedEventException;
import vn.thidua.units.unit.UnitCode;

/**
 * The leader and deputy the member units of a cluster elected for a year, as announced by
 * awards-service, checked for shape. Whether they fit that cluster-year is the roster's business.
 */
public record ElectionResult(ClusterCode clusterCode, ClusterKind kind, EmulationYear year, Leadership leadership,
                             String votingSessionId, Instant electedAt) {

    public static final int MAX_SESSION_ID_LENGTH = 100;

    /** Refuses (as a malformed event, which goes to the dead-letter topic) data that can never be applied. */
    public static ElectionResult from(LeaderElected data) {
        try {
            if (data.leaderUnitCode() == null || data.votingSessionId() == null || data.votingSessionId().isBlank()
                    || data.votingSessionId().length() > MAX_SESSION_ID_LENGTH || data.electedAt() == null) {
                throw new MalformedEventException(
                        "ClusterLeaderElected needs clusterCode, kind, year, leaderUnitCode, votingSessionId and electedAt");
            }
            String leader = UnitCode.parse(data.leaderUnitCode()).value();
            String deputy = data.deputyUnitCode() == null ? null : UnitCode.parse(data.deputyUnitCode()).value();
            if (leader.equals(deputy)) {
                throw new MalformedEventException("ClusterLeaderElected names " + leader + " as both leader and deputy");
            }
            return new ElectionResult(ClusterCode.parse(data.clusterCode()), ClusterKind.parse(data.kind()),
                    EmulationYear.of(data.year()), new Leadership(leader, deputy), data.votingSessionId().strip(),
                    data.electedAt());
        } catch (Refusal invalid) {
            throw new MalformedEventException("ClusterLeaderElected has an invalid field: " + invalid.getMessage(), invalid);
        }
    }
}
