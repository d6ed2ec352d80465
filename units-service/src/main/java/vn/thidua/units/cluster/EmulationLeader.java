package vn.thidua.units.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/**
 * One unit a cluster-year recognised as leading its emulation, with where that came from: the
 * voting session that elected it ({@link EmulationLeaderBasis#VOTE}) or the Board's reference to
 * the paper minutes ({@link EmulationLeaderBasis#RECORDED}).
 */
@Embeddable
public class EmulationLeader {
    public static final int MAX_REFERENCE_LENGTH = 300;

    @Column(name = "unit_code", nullable = false, length = 35)
    public String unitCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public EmulationLeaderBasis basis;

    @Column(length = MAX_REFERENCE_LENGTH)
    public String reference;

    @Column(name = "voting_session_id", length = ElectionResult.MAX_SESSION_ID_LENGTH)
    public String votingSessionId;

    protected EmulationLeader() {
    }

    private EmulationLeader(String unitCode, EmulationLeaderBasis basis, String reference, String votingSessionId) {
        this.unitCode = unitCode;
        this.basis = basis;
        this.reference = reference;
        this.votingSessionId = votingSessionId;
    }

    static EmulationLeader voted(String unitCode, String votingSessionId) {
        return new EmulationLeader(unitCode, EmulationLeaderBasis.VOTE, null, votingSessionId);
    }

    static EmulationLeader recorded(String unitCode, String reference) {
        return new EmulationLeader(unitCode, EmulationLeaderBasis.RECORDED, reference, null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmulationLeader that && unitCode.equals(that.unitCode) && basis == that.basis
                && Objects.equals(reference, that.reference) && Objects.equals(votingSessionId, that.votingSessionId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(unitCode, basis, reference, votingSessionId);
    }
}
