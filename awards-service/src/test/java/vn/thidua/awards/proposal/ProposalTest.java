package vn.thidua.awards.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.thidua.awards.condition.Outcome;
import vn.thidua.awards.condition.Verdict;
import vn.thidua.platform.domain.Refusal;

/** The proposal's life as its aggregate takes it, without Quarkus: each step checks itself and says what happened. */
class ProposalTest {
    static final ProposalStatus.Route STATE_WITH_COUNCIL = new ProposalStatus.Route(true, true);
    static final Instant NOW = Instant.parse("2017-01-10T02:00:00Z");

    @Test
    void aGovernmentFlagGoesThroughTheCouncilAndTheProvincesSubmissionAndMayComeBack() {
        Proposal proposal = proposal(ProposalStatus.DRAFT);
        Refusal notEligible = assertThrows(Refusal.class, () -> proposal.submit(STATE_WITH_COUNCIL, List.of(verdict(Outcome.FAIL)), true, NOW));
        assertEquals(Refusal.Nature.RULE, notEligible.nature());
        assertEquals("eligibility.QUOTA_PERCENT_OF_CLUSTER_LEADERS", notEligible.reasons().get(0).field());
        assertThrows(Refusal.class, () -> proposal.submit(STATE_WITH_COUNCIL, List.of(verdict(Outcome.PASS)), false, NOW), "no report");
        assertEquals(ProposalStatus.DRAFT, proposal.status, "a refusal changes nothing");

        assertEquals(new ProposalMoved(7, ProposalStatus.DRAFT, ProposalStatus.SUBMITTED, null),
                proposal.submit(STATE_WITH_COUNCIL, List.of(verdict(Outcome.PASS)), true, NOW));
        proposal.startAppraisal(STATE_WITH_COUNCIL, NOW);
        proposal.appraise(STATE_WITH_COUNCIL, NOW);
        // no way past the Council
        assertEquals(Refusal.Nature.STATE, assertThrows(Refusal.class, () -> proposal.forward(STATE_WITH_COUNCIL, 1L, NOW)).nature());
        UUID session = UUID.randomUUID();
        proposal.putBeforeCouncil(STATE_WITH_COUNCIL, session, NOW);
        assertThrows(Refusal.class, () -> proposal.councilConcluded(STATE_WITH_COUNCIL, UUID.randomUUID(), true, "x", NOW),
                "another session's result");
        proposal.councilConcluded(STATE_WITH_COUNCIL, session, true, "Đồng ý 4/5", NOW);
        assertEquals(ProposalStatus.RECOMMENDED, proposal.status);
        assertEquals("Đồng ý 4/5", proposal.councilResult);
        assertThrows(Refusal.class, () -> proposal.decide(STATE_WITH_COUNCIL, "1/QĐ-UBND", LocalDate.of(2017, 1, 20), "Chủ tịch UBND tỉnh", NOW),
                "the Prime Minister decides a state-level award");

        proposal.forward(STATE_WITH_COUNCIL, 3L, NOW);
        assertEquals(3L, proposal.submissionId);
        ProposalMoved back = proposal.returnedByNation(STATE_WITH_COUNCIL, "Thiếu xác nhận", NOW);
        assertEquals(new ProposalMoved(7, ProposalStatus.FORWARDED, ProposalStatus.RECOMMENDED, "Thiếu xác nhận"), back);
        assertNull(proposal.submissionId, "free for the next submission");
        assertThrows(Refusal.class, () -> proposal.returnedByNation(STATE_WITH_COUNCIL, "again", NOW));
        proposal.forward(STATE_WITH_COUNCIL, 4L, NOW);
        proposal.decide(STATE_WITH_COUNCIL, "5/QĐ-TTg", LocalDate.of(2017, 1, 31), "Thủ tướng Chính phủ", NOW);
        assertEquals(ProposalStatus.DECIDED, proposal.status);
        assertEquals("5/QĐ-TTg", proposal.decisionNumber);
    }

    @Test
    void theCouncilNotRecommendingEndsTheProposalWithItsBallotAsTheReason() {
        Proposal proposal = proposal(ProposalStatus.APPRAISED);
        UUID session = UUID.randomUUID();
        proposal.putBeforeCouncil(STATE_WITH_COUNCIL, session, NOW);
        ProposalMoved moved = proposal.councilConcluded(STATE_WITH_COUNCIL, session, false, "Đồng ý 2/5 (cần 3)", NOW);
        assertEquals(ProposalStatus.REJECTED, moved.to());
        assertEquals("Đồng ý 2/5 (cần 3)", proposal.statusReason);
    }

    private static Proposal proposal(ProposalStatus status) {
        Proposal proposal = new Proposal();
        proposal.id = 7L;
        proposal.status = status;
        return proposal;
    }

    private static Verdict verdict(Outcome outcome) {
        return new Verdict("QUOTA_PERCENT_OF_CLUSTER_LEADERS", null, "Công văn 5007/BNV-TĐKT", "V", outcome, "eligibility.quota.fail",
                List.of(2, 9, 20, "1", 7, 2, "FLOOR"), List.of());
    }
}
