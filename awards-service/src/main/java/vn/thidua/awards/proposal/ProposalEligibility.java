package vn.thidua.awards.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.thidua.awards.catalogue.CatalogueService;
import vn.thidua.awards.catalogue.RuleSet;
import vn.thidua.awards.catalogue.RuleSetChoice;
import vn.thidua.awards.condition.Facts;
import vn.thidua.awards.condition.Verdict;
import vn.thidua.awards.condition.Vocabulary;
import vn.thidua.awards.ledger.AwardHistory;
import vn.thidua.awards.person.KnownPeople;
import vn.thidua.awards.proceeding.ProceedingService;
import vn.thidua.awards.quota.LeadersOutside;
import vn.thidua.awards.rating.TaskRatingService;
import vn.thidua.awards.registration.RegisteredTitles;
import vn.thidua.awards.registration.YearEndReports;
import vn.thidua.awards.vote.PublishedVotes;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.clusters.ClusterYear;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.time.VietnamTime;

/**
 * Judges a proposal: chooses the rule set that judges it, gathers the facts of its unit and year from the
 * features that hold them (ledger, votes, registrations, ratings, proceedings, the cluster-years) and evaluates the
 * rule set's conditions on them. Joins the caller's transaction.
 */
@ApplicationScoped
public class ProposalEligibility {
    private final ClusterDirectory clusters;
    private final CatalogueService catalogue;
    private final AwardHistory history;
    private final RegisteredTitles registrations;
    private final YearEndReports yearEndReports;
    private final TaskRatingService ratings;
    private final ProceedingService proceedings;
    private final PublishedVotes votes;
    private final ProposalAttestations attestations;
    private final KnownPeople people;
    private final Clock clock;

    public ProposalEligibility(ClusterDirectory clusters, CatalogueService catalogue, AwardHistory history, RegisteredTitles registrations,
                               YearEndReports yearEndReports, TaskRatingService ratings, ProceedingService proceedings, PublishedVotes votes,
                               ProposalAttestations attestations, KnownPeople people, Clock clock) {
        this.clusters = clusters;
        this.catalogue = catalogue;
        this.history = history;
        this.registrations = registrations;
        this.yearEndReports = yearEndReports;
        this.ratings = ratings;
        this.proceedings = proceedings;
        this.votes = votes;
        this.attestations = attestations;
        this.people = people;
        this.clock = clock;
    }

    /** The verdicts of the proposal's conditions on today's facts, the proposal counted where it stands. */
    public List<Verdict> currentVerdicts(Proposal proposal) {
        return verdicts(proposal, proposal.outsideQuota());
    }

    /** @param addingThis whether this proposal is not yet counted against the quota (it is being submitted) */
    List<Verdict> verdicts(Proposal proposal, boolean addingThis) {
        RuleSet rules = ruleSet(proposal);
        Facts own = facts(proposal, addingThis);
        Map<String, List<Verdict>> otherAwards = new HashMap<>();
        for (String other : rules.eligibility.stream().flatMap(c -> c.findAll("MEETS_CONDITIONS_OF").stream())
                .map(c -> c.parameters().get("awardTypeCode").asText()).distinct().toList()) {
            otherAwards(proposal, other, own).ifPresent(verdicts -> otherAwards.put(other, verdicts));
        }
        return Vocabulary.evaluate(rules.eligibility, own.withOtherAwards(otherAwards));
    }

    /** Chooses the rule set that judges the proposal: by the day its dossier was received, today while it has not been. */
    void choose(Proposal proposal) {
        proposal.judgeBy(catalogue.choose(proposal.awardTypeCode, proposal.year, proposal.receivedOn != null ? proposal.receivedOn : today()));
    }

    /** The awards the unit (or the person proposed) held before the proposal's year, as the ledger says now (revocations left out). */
    List<Proposal.EarlierAward> earlierAwards(Proposal proposal) {
        return (proposal.ofPerson() ? history.ofPerson(proposal.personId) : history.of(proposal.unitCode)).stream().filter(e -> !e.revoked() && e.year < proposal.year)
                .map(e -> new Proposal.EarlierAward(e.awardTypeCode, e.year, e.decisionNumber, e.decisionDate, e.decidingAuthority))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    RuleSet ruleSet(Proposal proposal) {
        return catalogue.ruleSet(proposal.ruleSetId).orElseThrow();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(VietnamTime.ZONE));
    }

    /**
     * The verdicts of another award's rule set on the same unit and year, that rule set chosen by the same day; none when
     * no rule set of it judges that day. Its own references to further awards are not followed (they judge UNKNOWN).
     */
    private Optional<List<Verdict>> otherAwards(Proposal proposal, String awardTypeCode, Facts own) {
        LocalDate day = proposal.ruleSetChosenBecause != null && proposal.ruleSetChosenBecause.receivedOn() != null
                ? proposal.ruleSetChosenBecause.receivedOn() : today();
        RuleSetChoice choice;
        try {
            choice = catalogue.choose(awardTypeCode, proposal.year, day);
        } catch (Refusal noneInForce) {
            return Optional.empty();
        }
        RuleSet other = catalogue.ruleSet(choice.ruleSetId()).orElseThrow();
        // the same facts of the unit, seen as a proposal of that award: only the award and its count differ
        return Optional.of(Vocabulary.evaluate(other.eligibility, own.forAward(awardTypeCode, counted(awardTypeCode, proposal.year, false))));
    }

    /** What the conditions of the proposal's award look at for its unit and year. */
    private Facts facts(Proposal proposal, boolean addingThis) {
        ClusterYear cluster = clusters.find(proposal.clusterId)
                .orElseThrow(() -> Refusal.unprocessable("cluster-not-known", "voting.cluster.not-known", proposal.clusterId));
        Map<String, Facts.Attestation> found = new HashMap<>();
        attestations.of(proposal.id).forEach(a -> found.put(a.key(), new Facts.Attestation(a.holds(), a.basis(), a.actor())));
        return new Facts(proposal.unitCode, proposal.year, cluster.name(), ledTheCluster(proposal), proposal.rankingRank,
                proposal.rankingTotal, registrations.of(proposal.unitCode, proposal.year), proposal.awardTypeCode,
                counted(proposal.awardTypeCode, proposal.year, addingThis), clusters.clusterYearsWithEmulationLeader(proposal.year),
                LeadersOutside.of(proposal.year), history.heldAwards(proposal.unitCode),
                yearEndReports.of(proposal.unitCode, proposal.year).orElse(null), ratings.yearsOf(proposal.unitCode),
                proceedings.openOf(proposal.unitCode), found, Map.of(), person(proposal));
    }

    /** The person proposed, as their unit recorded their years and initiatives, with their own awards; none for a unit's proposal. */
    private Facts.Person person(Proposal proposal) {
        if (!proposal.ofPerson()) {
            return null;
        }
        return new Facts.Person(proposal.personId, proposal.personName, proposal.unitCode, people.yearsOf(proposal.personId),
                people.initiativesOf(proposal.personId), history.heldAwardsOfPerson(proposal.personId));
    }

    /** The award's proposals of the year that count against its quota, and this one if it is being added. */
    private static int counted(String awardTypeCode, int year, boolean addingThis) {
        List<ProposalStatus> counting = Arrays.stream(ProposalStatus.values()).filter(ProposalStatus::countsAgainstQuota).toList();
        return (int) Proposal.count("awardTypeCode = ?1 and year = ?2 and status in ?3", awardTypeCode, year, counting) + (addingThis ? 1 : 0);
    }

    /**
     * Whether the unit led the emulation of its cluster/block for the year: recorded so in units-service (from a vote
     * here or entered by the Board for a paper vote), or elected to lead by a published vote of its cluster-year here,
     * which units-service may not have carried back yet.
     */
    private boolean ledTheCluster(Proposal proposal) {
        return clusters.ledEmulation(proposal.unitCode, proposal.year) || votes.electedToLead(proposal.clusterId, proposal.unitCode);
    }
}
