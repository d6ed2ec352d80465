package vn.thidua.awards.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.thidua.awards.catalogue.RuleSetChoice;
import vn.thidua.awards.catalogue.Transition;
import vn.thidua.platform.domain.Refusal;

/** A proposal before and around its submission, as its aggregate keeps it, without Quarkus. */
class ProposalDraftTest {

    @Test
    void aDraftStartsItsLifeAndSaysSo() {
        UUID vote = UUID.randomUUID();
        Proposal proposal = ProposalMother.aDraft().fromVote(vote).build();
        assertEquals(ProposalStatus.DRAFT, proposal.status);
        assertEquals(vote, proposal.votingSessionId);
        assertEquals(ProposalMother.CREATED, proposal.createdAt);
        assertEquals(proposal.createdAt, proposal.updatedAt);
        assertEquals(new ProposalMoved(7, null, ProposalStatus.DRAFT), proposal.opened());
    }

    @Test
    void theDayTheDossierWasReceivedMayNotLieAhead() {
        Refusal future = assertThrows(Refusal.class,
                () -> ProposalMother.aDraft().receivedOn(ProposalMother.TODAY.plusDays(1)).build());
        assertEquals(Refusal.Nature.RULE, future.nature());
        assertEquals("invalid-proposal", future.type());
        assertEquals(ProposalMother.TODAY, ProposalMother.aDraft().receivedOn(ProposalMother.TODAY).build().receivedOn);
    }

    @Test
    void aDossierIsReceivedOnceAndThenJudgedForGood() {
        Proposal proposal = ProposalMother.aDraft().build();
        assertTrue(proposal.judgedProvisionally());
        assertTrue(proposal.receive(ProposalMother.TODAY));
        assertEquals(ProposalMother.TODAY, proposal.receivedOn);
        assertFalse(proposal.receive(ProposalMother.TODAY.plusDays(3)), "the first day stands");
        assertEquals(ProposalMother.TODAY, proposal.receivedOn);
        assertFalse(proposal.judgedProvisionally());

        Proposal stated = ProposalMother.aDraft().receivedOn(LocalDate.of(2016, 12, 20)).build();
        assertFalse(stated.receive(ProposalMother.TODAY), "a day the Board stated is kept");
        assertEquals(LocalDate.of(2016, 12, 20), stated.receivedOn);
    }

    @Test
    void itKeepsTheRuleSetChosenItsStandingAndItsEarlierAwards() {
        Proposal proposal = ProposalMother.aDraft().build();
        RuleSetChoice choice = new RuleSetChoice(11L, Transition.DOSSIER_RECEIVED_ON, ProposalMother.TODAY, 2016, ProposalMother.TODAY, null);
        proposal.judgeBy(choice);
        assertEquals(11L, proposal.ruleSetId);
        assertEquals(choice, proposal.ruleSetChosenBecause);
        proposal.rankedAs(1, new BigDecimal("97.50"), 4L);
        assertEquals(1, proposal.rankingRank);
        assertEquals(new BigDecimal("97.50"), proposal.rankingTotal);
        assertEquals(4L, proposal.rankingSetVersion);
        List<Proposal.EarlierAward> earlier = List.of(new Proposal.EarlierAward("BANG_KHEN_UBND", 2015, "12/QĐ-UBND",
                LocalDate.of(2016, 2, 1), "Chủ tịch UBND tỉnh"));
        proposal.heldBefore(earlier);
        assertEquals(earlier, proposal.earlierAwards);
    }

    @Test
    void onlyADraftsDossierChanges() {
        Proposal draft = ProposalMother.in(ProposalStatus.DRAFT);
        draft.requireDossierOpen();
        Instant added = Instant.parse("2017-01-06T03:00:00Z");
        draft.dossierChanged(added);
        assertEquals(added, draft.updatedAt);
        for (ProposalStatus status : List.of(ProposalStatus.SUBMITTED, ProposalStatus.RETURNED, ProposalStatus.DECIDED)) {
            Refusal refused = assertThrows(Refusal.class, () -> ProposalMother.in(status).requireDossierOpen());
            assertEquals("proposal-not-draft", refused.type());
        }
    }

    @Test
    void theBoardsFindingsCountUntilTheProposalEnds() {
        for (ProposalStatus status : ProposalStatus.values()) {
            Proposal proposal = ProposalMother.in(status);
            boolean ended = status == ProposalStatus.DECIDED || status == ProposalStatus.REVOKED || status == ProposalStatus.REJECTED;
            if (ended) {
                assertEquals("proposal-decided", assertThrows(Refusal.class, proposal::requireAttestable).type(), status.name());
            } else {
                proposal.requireAttestable();
            }
        }
    }

    @Test
    void aDraftOrAReturnedProposalIsNotYetCountedAgainstTheQuota() {
        for (ProposalStatus status : ProposalStatus.values()) {
            assertEquals(!status.countsAgainstQuota() && status != ProposalStatus.REJECTED && status != ProposalStatus.REVOKED,
                    ProposalMother.in(status).outsideQuota(), status.name());
        }
    }

    @Test
    void aRevocationKeepsItsGroundAndReason() {
        Proposal proposal = ProposalMother.in(ProposalStatus.DECIDED);
        ProposalStatus.Route provincial = new ProposalStatus.Route(false, false);
        ProposalMoved moved = proposal.revoke(provincial, "Khai man thành tích", "Điều 94 Luật Thi đua, khen thưởng", Instant.EPOCH);
        assertEquals(new ProposalMoved(7, ProposalStatus.DECIDED, ProposalStatus.REVOKED, "Khai man thành tích"), moved);
        assertEquals("Điều 94 Luật Thi đua, khen thưởng", proposal.legalGround);
        assertThrows(Refusal.class, () -> ProposalMother.in(ProposalStatus.APPRAISED).revoke(provincial, "x", "y", Instant.EPOCH));
        assertNull(ProposalMother.in(ProposalStatus.DRAFT).statusReason);
    }
}
