package vn.thidua.units.cluster;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.events.MalformedEventException;
import vn.thidua.units.unit.UnitCode;

/**
 * A published "lead and propose" vote (suy tôn dẫn đầu cụm/khối) as units-service applies it: the
 * cluster-year (units-service's id, with its code and year to check it against), the session and
 * the session it is a runoff of, and the units elected in the LEAD contest, most votes first.
 */
public record EmulationVote(String votingSessionId, String runoffOf, long clusterId, ClusterCode clusterCode,
                            EmulationYear year, List<String> elected) {

    /** Refuses (as a malformed event, which goes to the dead-letter topic) data that can never be applied. */
    public static EmulationVote from(VoteConcluded data) {
        try {
            if (!isSessionId(data.votingSessionId()) || data.runoffOf() != null && !isSessionId(data.runoffOf())
                    || data.clusterId() == null || data.clusterId() < 1 || data.result() == null
                    || data.result().contests() == null) {
                throw new MalformedEventException(
                        "VoteConcluded needs votingSessionId, clusterId, clusterCode, year and result.contests");
            }
            Set<String> elected = new LinkedHashSet<>();
            for (VoteConcluded.Contest contest : data.result().contests()) {
                if (contest == null || contest.elected() == null) {
                    throw new MalformedEventException("VoteConcluded has a contest without its elected units");
                }
                if (VoteConcluded.LEAD.equals(contest.contest())) {
                    contest.elected().stream().map(UnitCode::parse).map(UnitCode::value).forEach(elected::add);
                }
            }
            return new EmulationVote(data.votingSessionId().strip(), data.runoffOf() == null ? null : data.runoffOf().strip(),
                    data.clusterId(), ClusterCode.parse(data.clusterCode()), EmulationYear.of(data.year()), List.copyOf(elected));
        } catch (Refusal invalid) {
            throw new MalformedEventException("VoteConcluded has an invalid field: " + invalid.getMessage(), invalid);
        }
    }

    private static boolean isSessionId(String id) {
        return id != null && !id.isBlank() && id.length() <= ElectionResult.MAX_SESSION_ID_LENGTH;
    }
}
