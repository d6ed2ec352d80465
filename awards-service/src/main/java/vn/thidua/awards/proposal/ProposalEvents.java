package vn.thidua.awards.proposal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What awards-service tells the others about proposals, on topic {@value #TOPIC}: after every step,
 * the proposal's whole state (event-carried state transfer), keyed by the proposal's id.
 */
final class ProposalEvents {
    static final String TOPIC = "thidua.awards.proposals.v1";
    static final String SOURCE = "/thidua/awards-service";
    static final String STATUS_CHANGED = "vn.thidua.awards.ProposalStatusChanged";

    private ProposalEvents() {
    }

    record ProposalState(long id, String unitCode, String awardTypeCode, int year, long clusterId, String clusterCode, long ruleSetId,
                         UUID votingSessionId, ProposalStatus status, ProposalStatus previousStatus, String reason, String legalGround,
                         String decisionNumber, LocalDate decisionDate, String decidingAuthority, long version, Instant changedAt) {
        static ProposalState of(Proposal p, ProposalStatus previous) {
            return new ProposalState(p.id, p.unitCode, p.awardTypeCode, p.year, p.clusterId, p.clusterCode, p.ruleSetId, p.votingSessionId,
                    p.status, previous, p.statusReason, p.legalGround, p.decisionNumber, p.decisionDate, p.decidingAuthority, p.version,
                    p.updatedAt);
        }
    }
}
