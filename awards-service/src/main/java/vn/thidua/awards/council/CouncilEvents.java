package vn.thidua.awards.council;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.thidua.awards.catalogue.CouncilReview;
import vn.thidua.awards.catalogue.RuleSetDefinition.VotingBasis;

/**
 * What awards-service tells the others about the Council, on topic {@value #TOPIC} (docs/events.md), keyed by
 * the session id. Totals only: no event says who voted for whom.
 */
final class CouncilEvents {
    static final String TOPIC = "thidua.awards.council.v1";
    static final String SOURCE = "/thidua/awards-service";
    static final String COUNCIL_CONCLUDED = "vn.thidua.awards.CouncilConcluded";

    private CouncilEvents() {
    }

    /** A published Council session: who took part (counts) and each candidate's totals and outcome. */
    record CouncilSessionConcluded(UUID councilSessionId, int year, long termId, CouncilReview.Body body, LocalDate heldOn, int roll,
                                   int present, int writtenOpinions, List<CandidateTotals> candidates, Instant publishedAt) {
    }

    /** The votes are left out (absent) when the outcome is {@code TOO_FEW_BALLOTS}: too few ballots to count in secret. */
    record CandidateTotals(long proposalId, String unitCode, String awardTypeCode, String clusterCode, long ruleSetId,
                           @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Integer votesFor,
                           @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Integer votesAgainst,
                           @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Integer abstentions,
                           VotingBasis basis, int basisCount, int needed, CouncilResult.Outcome outcome) {
    }
}
