package vn.thidua.awards.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.thidua.awards.catalogue.AwardType;
import vn.thidua.awards.catalogue.RuleSet;
import vn.thidua.awards.proposal.Dossier;
import vn.thidua.awards.proposal.Proposal;
import vn.thidua.awards.proposal.ProposalMoved;
import vn.thidua.awards.proposal.ProposalStatus;
import vn.thidua.awards.proposal.ProposalTransition;
import vn.thidua.awards.submission.ProvincialSubmission;
import vn.thidua.platform.units.KnownUnit;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.clusters.ClusterYear;

/**
 * Turns the steps that go to the portal (SUBMITTED, FORWARDED) into deliveries: the row is written
 * in the step's own transaction — so a step is never without its delivery, nor a delivery without
 * its step — and the deliverer is woken once that transaction has committed. Nothing here talks to
 * the portal, so a step never waits for it nor fails because it is away.
 */
@ApplicationScoped
public class DeliveryRecorder {
    private final Dossier dossier;
    private final ClusterDirectory clusters;
    private final PortalDeliverer deliverer;

    public DeliveryRecorder(Dossier dossier, ClusterDirectory clusters, PortalDeliverer deliverer) {
        this.dossier = dossier;
        this.clusters = clusters;
        this.deliverer = deliverer;
    }

    static boolean goesToPortal(ProposalStatus status) {
        return status == ProposalStatus.SUBMITTED || status == ProposalStatus.FORWARDED;
    }

    void record(@Observes ProposalMoved moved) {
        if (!goesToPortal(moved.to())) {
            return;
        }
        Proposal proposal = Proposal.findById(moved.proposalId());
        ProposalTransition step = ProposalTransition.<ProposalTransition>find("proposalId = ?1 order by id desc", proposal.id).firstResult();
        PortalDelivery delivery = new PortalDelivery();
        delivery.proposalId = proposal.id;
        delivery.transitionId = step.id;
        delivery.fromStatus = moved.from();
        delivery.toStatus = moved.to();
        delivery.movedAt = step.at;
        delivery.idempotencyKey = UUID.randomUUID();
        delivery.proposal = snapshot(proposal, moved.to());
        delivery.files = dossier.files(proposal.id).stream()
                .map(f -> new PortalPayload.FileRef(f.id(), f.kind(), f.fileName(), f.sha256(), f.sizeBytes())).toList();
        delivery.state = DeliveryState.PENDING;
        delivery.attempts = 0;
        delivery.nextAttemptAt = step.at;
        delivery.createdAt = Instant.now();
        delivery.persist();
    }

    void wakeDeliverer(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProposalMoved moved) {
        if (goesToPortal(moved.to())) {
            deliverer.wakeUp();
        }
    }

    private PortalPayload.ProposalPart snapshot(Proposal proposal, ProposalStatus status) {
        KnownUnit unit = KnownUnit.findById(proposal.unitCode);
        AwardType award = AwardType.findById(proposal.awardTypeCode);
        RuleSet rules = RuleSet.findById(proposal.ruleSetId);
        String clusterName = clusters.find(proposal.clusterId).map(ClusterYear::name).orElse(null);
        PortalPayload.Ranking ranking = proposal.rankingRank == null ? null
                : new PortalPayload.Ranking(proposal.rankingRank, proposal.rankingTotal);
        return new PortalPayload.ProposalPart(proposal.id,
                new PortalPayload.Unit(proposal.unitCode, unit == null ? null : unit.name),
                new PortalPayload.Award(award.code, award.name, award.level, award.decidingAuthority),
                proposal.year,
                new PortalPayload.Cluster(proposal.clusterId, proposal.clusterCode, clusterName),
                new PortalPayload.LegalBasis(rules.id, rules.legalBasis, rules.legalBasisDate, rules.effectiveFrom, rules.effectiveTo),
                status, ranking, proposal.votingSessionId, List.copyOf(proposal.earlierAwards),
                "/api/awards/proposals/" + proposal.id,
                proposal.councilSessionId == null ? null : new PortalPayload.Council(proposal.councilSessionId, proposal.councilResult),
                submission(proposal.submissionId));
    }

    private static PortalPayload.Submission submission(Long id) {
        ProvincialSubmission found = id == null ? null
                : ProvincialSubmission.findById(id);
        return found == null ? null : new PortalPayload.Submission(found.id, found.number, found.signedBy, found.signedOn,
                "/api/awards/submissions/" + found.id);
    }
}
