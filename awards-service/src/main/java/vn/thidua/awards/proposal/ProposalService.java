package vn.thidua.awards.proposal;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.thidua.awards.catalogue.AwardType;
import vn.thidua.awards.catalogue.CatalogueService;
import vn.thidua.awards.catalogue.RuleSetChoice;
import vn.thidua.awards.condition.Recipient;
import vn.thidua.awards.condition.Verdict;
import vn.thidua.awards.person.KnownPeople;
import vn.thidua.awards.person.KnownPerson;
import vn.thidua.awards.ranking.Rankings;
import vn.thidua.awards.vote.PublishedVotes;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.clusters.ClusterYear;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;

/**
 * Proposals from the cluster's vote to the Board: putting a unit forward, judging it, submitting it, reading them.
 * Each use case loads the proposal, checks who may take the step ({@link ProposalAccess}), lets the aggregate take
 * it and keeps it ({@link ProposalStore}: audited, published, announced). The Board's later steps are
 * {@link BoardAppraisal}'s and {@link ProposalDecisions}'s; the dossier's files {@link DossierService}'s.
 */
@ApplicationScoped
public class ProposalService {
    private final ClusterDirectory clusters;
    private final CatalogueService catalogue;
    private final PublishedVotes votes;
    private final Rankings rankings;
    private final Dossier dossier;
    private final ProposalStore store;
    private final ProposalAccess access;
    private final ProposalEligibility eligibility;
    private final KnownPeople people;
    private final Clock clock;

    public ProposalService(ClusterDirectory clusters, CatalogueService catalogue, PublishedVotes votes, Rankings rankings, Dossier dossier,
                           ProposalStore store, ProposalAccess access, ProposalEligibility eligibility, KnownPeople people, Clock clock) {
        this.clusters = clusters;
        this.catalogue = catalogue;
        this.votes = votes;
        this.rankings = rankings;
        this.dossier = dossier;
        this.store = store;
        this.access = access;
        this.eligibility = eligibility;
        this.people = people;
        this.clock = clock;
    }

    /**
     * From a published vote ({@code votingSessionId}, and the unit if it elected more than one), or for a unit, award and
     * cluster-year. {@code receivedOn}: the day a past dossier reached the Board, which only the Board may state.
     */
    @Schema(description = "From a published vote (`votingSessionId`, and `unitCode` when several were elected), or without one: "
            + "`unitCode`, `awardTypeCode` and `clusterId` then all required, and `personId` too for an award to a person.")
    public record ProposalRequest(UUID votingSessionId, String unitCode, String awardTypeCode, Long clusterId,
                                  @Schema(description = "The day the dossier was received; only the Board states it, never in the future.") LocalDate receivedOn,
                                  @Schema(description = "The person proposed, a current member of the unit: required for an award to a person, "
                                          + "refused for one to a unit.") UUID personId) {
        public ProposalRequest(UUID votingSessionId, String unitCode, String awardTypeCode, Long clusterId) {
            this(votingSessionId, unitCode, awardTypeCode, clusterId, null, null);
        }
    }

    /** Each condition's verdict, and why the rule set they come from judges the proposal. */
    public record Judgement(RuleSetChoice ruleSetChosenBecause, List<Verdict> verdicts) {
    }

    /** Who is put forward for what, in which cluster-year, and from which vote (none without one); the person for a person award. */
    private record Candidate(String unitCode, String awardTypeCode, ClusterYear cluster, UUID votingSessionId, KnownPerson person) {
    }

    /**
     * Puts a unit forward. Who may propose is settled first, on the cluster-year alone: a caller who
     * may not propose there gets the same 403 whether the vote or cluster named exists or not, and
     * learns nothing of its members, its vote or its result; only then are those checked.
     */
    @Transactional
    public Proposal create(ProposalRequest request, Caller caller) {
        Candidate candidate = request.votingSessionId() != null ? electedBy(request, caller) : named(request, caller);
        if (request.receivedOn() != null) {
            ProposalAccess.requireBoardToStateReceipt(caller);
        }
        ClusterYear cluster = candidate.cluster();
        Proposal proposal = Proposal.draft(candidate.unitCode(), candidate.awardTypeCode(), cluster.year(), cluster.id(), cluster.code(),
                candidate.votingSessionId(), request.receivedOn(), eligibility.today(), caller.subject(), Instant.now(clock));
        if (candidate.person() != null) {
            proposal.nominate(candidate.person().id(), candidate.person().fullName());
        }
        eligibility.choose(proposal);
        requireNoLiveProposal(proposal);
        if (!proposal.ofPerson()) {
            // where the unit stood in its cluster: what a unit's proposal rests on, not a person's
            rankings.standingOf(cluster.id(), proposal.unitCode)
                    .ifPresent(standing -> proposal.rankedAs(standing.rank(), standing.total(), standing.criteriaSetVersion()));
        }
        proposal.heldBefore(eligibility.earlierAwards(proposal));
        proposal.persistAndFlush();
        if (proposal.votingSessionId != null) {
            dossier.attachMinutes(proposal, caller);
        }
        return store.record(proposal, proposal.opened(), caller);
    }

    /** One live proposal of an award and year per unit, or per person for a person award. */
    private static void requireNoLiveProposal(Proposal proposal) {
        List<ProposalStatus> ended = List.of(ProposalStatus.REJECTED, ProposalStatus.REVOKED);
        if (proposal.ofPerson()) {
            if (Proposal.count("personId = ?1 and awardTypeCode = ?2 and year = ?3 and status not in ?4", proposal.personId,
                    proposal.awardTypeCode, proposal.year, ended) > 0) {
                throw Refusal.conflict("proposal-exists", "proposal.exists.person", proposal.personName, proposal.awardTypeCode, proposal.year);
            }
        } else if (Proposal.count("unitCode = ?1 and personId is null and awardTypeCode = ?2 and year = ?3 and status not in ?4",
                proposal.unitCode, proposal.awardTypeCode, proposal.year, ended) > 0) {
            throw Refusal.conflict("proposal-exists", "proposal.exists", proposal.unitCode, proposal.awardTypeCode, proposal.year);
        }
    }

    /** A unit a published vote of its cluster-year elected to lead: the first elected when the request names none. */
    private Candidate electedBy(ProposalRequest request, Caller caller) {
        Optional<PublishedVotes.Vote> vote = votes.find(request.votingSessionId());
        ClusterYear cluster = vote.flatMap(v -> clusters.find(v.clusterId())).orElse(null);
        ProposalAccess.requireProposer(cluster, caller);
        if (request.personId() != null) {
            // a cluster's vote elects units; a person is proposed by their unit
            throw Refusal.unprocessable("person-not-allowed", "proposal.person.from-vote");
        }
        if (vote.isEmpty() || !vote.get().proposes()) {
            throw Refusal.unprocessable("vote-not-published", "proposal.vote.not-published", request.votingSessionId());
        }
        List<String> elected = vote.get().electedToLead();
        String unit = request.unitCode() != null ? request.unitCode() : elected.isEmpty() ? null : elected.get(0);
        if (unit == null || !elected.contains(unit)) {
            throw Refusal.unprocessable("unit-not-elected", "proposal.vote.not-elected", String.valueOf(unit));
        }
        return new Candidate(unit, vote.get().awardTypeCode(), cluster, vote.get().id(), null);
    }

    /** A member of the cluster-year, or a person of it, put forward for an award without a vote here. */
    private Candidate named(ProposalRequest request, Caller caller) {
        ClusterYear cluster = request.clusterId() == null ? null : clusters.find(request.clusterId()).orElse(null);
        if (request.personId() != null) {
            ProposalAccess.requirePersonProposer(cluster, request.unitCode(), caller);
        } else {
            ProposalAccess.requireProposer(cluster, caller);
        }
        if (request.unitCode() == null || request.awardTypeCode() == null || request.clusterId() == null) {
            throw Refusal.unprocessable("invalid-proposal", "proposal.request.required");
        }
        if (cluster == null) {
            throw Refusal.unprocessable("cluster-not-known", "voting.cluster.not-known", request.clusterId());
        }
        if (!cluster.hasMember(request.unitCode())) {
            throw Refusal.unprocessable("unit-not-member", "proposal.unit.not-member", request.unitCode(), cluster.code(), cluster.year());
        }
        AwardType award = catalogue.get(request.awardTypeCode());
        return new Candidate(request.unitCode(), award.code, cluster, null, nominee(award, request.personId(), request.unitCode()));
    }

    /**
     * The person a person award is proposed for: named, known from units-service and working in the proposing unit today (a
     * unit proposes its own people); none for a unit's award, which may not name one. The refusal names the person by id only:
     * whoever asks learns nothing of someone of another unit.
     */
    private KnownPerson nominee(AwardType award, UUID personId, String unitCode) {
        if (award.recipient == Recipient.PERSON && personId == null) {
            throw Refusal.unprocessable("person-required", "proposal.person.required", award.code);
        }
        if (award.recipient == Recipient.UNIT && personId != null) {
            throw Refusal.unprocessable("person-not-allowed", "proposal.person.not-allowed", award.code);
        }
        if (personId == null) {
            return null;
        }
        KnownPerson person = people.find(personId).filter(p -> p.memberOf(unitCode, eligibility.today()))
                .orElseThrow(() -> Refusal.unprocessable("person-not-member", "person.not-member", personId.toString(), unitCode));
        return person;
    }

    /** Every condition of the proposal's rule set with its verdict. */
    @Transactional
    public Judgement eligibility(long id, Caller caller) {
        Proposal proposal = store.get(id, caller);
        if (proposal.judgedProvisionally()) {
            // not received yet: judged as if received today, so the draft shows what submitting now would meet
            eligibility.choose(proposal);
        }
        return new Judgement(proposal.ruleSetChosenBecause, eligibility.currentVerdicts(proposal));
    }

    @Transactional
    public Proposal submit(long id, Caller caller) {
        Proposal proposal = store.lockAsProposer(id, caller);
        ProposalStatus.Route route = store.route(proposal);
        proposal.requireStep(ProposalStatus.SUBMITTED, route);
        // one submission of an award at a time, so two cannot both fit the last place of a quota
        catalogue.lockForSubmission(proposal.awardTypeCode);
        if (proposal.receive(eligibility.today())) {
            // the dossier is received now: the rule set that judges it is chosen for good
            eligibility.choose(proposal);
        }
        List<Verdict> verdicts = eligibility.verdicts(proposal, true);
        ProposalMoved moved = proposal.submit(route, verdicts, dossier.has(proposal.id, DossierFile.Kind.ACHIEVEMENT_REPORT), Instant.now(clock));
        proposal.heldBefore(eligibility.earlierAwards(proposal));
        dossier.attachCoverSubmission(proposal, caller);
        return store.record(proposal, moved, caller);
    }

    /** The proposer takes a returned proposal back to work on it. */
    @Transactional
    public Proposal rework(long id, Caller caller) {
        Proposal proposal = store.lockAsProposer(id, caller);
        return store.record(proposal, proposal.rework(store.route(proposal), Instant.now(clock)), caller);
    }

    /** The proposals the caller may see, by year and optionally cluster-year, award and status. */
    @Transactional
    public List<Proposal> list(int year, Long clusterId, String awardTypeCode, ProposalStatus status, Caller caller) {
        StringBuilder query = new StringBuilder("year = :year");
        Parameters params = Parameters.with("year", year);
        if (clusterId != null) {
            query.append(" and clusterId = :cluster");
            params.and("cluster", clusterId);
        }
        if (awardTypeCode != null && !awardTypeCode.isBlank()) {
            query.append(" and awardTypeCode = :award");
            params.and("award", awardTypeCode);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        return Proposal.<Proposal>list(query + " order by clusterCode, awardTypeCode, unitCode, id", params).stream()
                .filter(p -> access.canRead(p, caller)).toList();
    }

    /** The proposal, if the caller may read it (404 otherwise, so nobody learns what exists). */
    @Transactional
    public Proposal get(long id, Caller caller) {
        return store.get(id, caller);
    }

    @Transactional
    public List<ProposalTransition> history(long id, Caller caller) {
        store.get(id, caller);
        return ProposalTransition.list("proposalId = ?1 order by id", id);
    }

    /** Whether the caller may read the proposal ({@link ProposalAccess#canRead}). */
    public boolean canRead(Proposal proposal, Caller caller) {
        return access.canRead(proposal, caller);
    }

    /** Which way the proposal goes ({@link ProposalStore#route}). */
    public ProposalStatus.Route route(Proposal proposal) {
        return store.route(proposal);
    }
}
