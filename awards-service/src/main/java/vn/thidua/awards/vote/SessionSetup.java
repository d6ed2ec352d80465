package vn.thidua.awards.vote;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.thidua.awards.catalogue.AwardType;
import vn.thidua.awards.catalogue.CatalogueService;
import vn.thidua.awards.condition.Recipient;
import vn.thidua.awards.ranking.RankingFinalized;
import vn.thidua.awards.ranking.Rankings;
import vn.thidua.awards.vote.VotingService.SessionRequest;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.clusters.ClusterYear;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.time.VietnamTime;

/**
 * Sets a voting session up from the Board's request: the cluster-year as the directory knows it now, the candidates
 * (from the finalized ranking or named, members of the cluster-year all), and the rule set that the day of the
 * meeting chooses.
 */
@ApplicationScoped
public class SessionSetup {
    static final int MAX_CANDIDATES = VotingService.MAX_CANDIDATES;

    private final ClusterDirectory clusters;
    private final CatalogueService catalogue;
    private final Rankings rankings;
    private final Clock clock;
    private final String leadershipRulesOf;

    public SessionSetup(ClusterDirectory clusters, CatalogueService catalogue, Rankings rankings, Clock clock,
                        @ConfigProperty(name = "thidua.voting.leadership-rules-of", defaultValue = "CO_THI_DUA_TINH") String leadershipRulesOf) {
        this.clusters = clusters;
        this.catalogue = catalogue;
        this.rankings = rankings;
        this.clock = clock;
        this.leadershipRulesOf = leadershipRulesOf;
    }

    /** The session the request describes, SCHEDULED, not yet stored. */
    VotingSession schedule(SessionRequest request, Caller caller) {
        if (request == null || request.clusterId() == null || request.purpose() == null) {
            throw Refusal.unprocessable("invalid-voting-session", "voting.request.required");
        }
        ClusterYear cluster = clusters.find(request.clusterId())
                .orElseThrow(() -> Refusal.unprocessable("cluster-not-known", "voting.cluster.not-known", request.clusterId()));
        VotingSession session = VotingSession.schedule(UUID.randomUUID(), cluster.id(), cluster.code(), cluster.name(), cluster.kind(),
                cluster.year(), request.purpose(), request.opensAt(), request.closesAt(), caller.subject(), Instant.now(clock));
        Optional<List<RankingFinalized.Entry>> ranking = rankings.finalizedOf(cluster.id());
        List<RankingFinalized.Entry> ranked = ranking.orElse(List.of());
        String rulesOf;
        if (request.purpose() == Purpose.LEAD_AND_PROPOSE) {
            if (request.awardTypeCode() == null) {
                throw Refusal.unprocessable("invalid-voting-session", "voting.award.required");
            }
            rulesOf = request.awardTypeCode();
            AwardType award = catalogue.get(rulesOf);
            if (award.recipient != Recipient.UNIT) {
                // the cluster's units vote for units; a person is proposed by their own unit
                throw Refusal.unprocessable("invalid-voting-session", "voting.award.for-persons", award.code);
            }
            String awardTypeCode = award.code;
            List<String> units = leadCandidates(request, cluster, ranking);
            session.leadAndPropose(awardTypeCode, units, request.places() == null ? 1 : request.places(), ranked);
        } else {
            rulesOf = request.votingRulesOf() == null ? leadershipRulesOf : request.votingRulesOf();
            session.electLeadershipFor(request.leadsYear());
            session.addCandidates(Contest.LEADER, members(cluster, request.leaderNominees(), "leaderNominees", true), ranked);
            session.addCandidates(Contest.DEPUTY, members(cluster, request.deputyNominees(), "deputyNominees", false), ranked);
        }
        // the day the cluster meets chooses the rules (a conference of the past is entered with its own date)
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        LocalDate heldOn = request.heldOn() == null ? today : request.heldOn();
        if (request.heldOn() != null && (heldOn.isAfter(today.plusYears(1)) || heldOn.getYear() < cluster.year())) {
            throw Refusal.unprocessable("invalid-voting-session", "voting.held-on.range", heldOn.toString(), cluster.year());
        }
        session.judgeBy(catalogue.choose(rulesOf, cluster.year(), heldOn));
        return session;
    }

    /** The units of the finalized ranking down to {@code topN}, or the nominees: one or the other, never both. */
    private List<String> leadCandidates(SessionRequest request, ClusterYear cluster, Optional<List<RankingFinalized.Entry>> ranking) {
        boolean nominated = request.nominees() != null && !request.nominees().isEmpty();
        if (nominated == (request.topN() != null)) {
            throw Refusal.unprocessable("invalid-voting-session", "voting.candidates.one-source");
        }
        if (nominated) {
            return members(cluster, request.nominees(), "nominees", true);
        }
        List<RankingFinalized.Entry> finalized = ranking.orElseThrow(() ->
                Refusal.unprocessable("ranking-not-finalized", "voting.ranking.not-finalized", cluster.code(), cluster.year()));
        if (request.topN() < 1) {
            throw Refusal.unprocessable("invalid-voting-session", "voting.top-n.range");
        }
        // ties at the cut-off all stand: the ranking did not separate them
        return finalized.stream().filter(entry -> entry.rank() <= request.topN())
                .filter(entry -> cluster.members().contains(entry.unitCode())).map(RankingFinalized.Entry::unitCode).toList();
    }

    /** The units named, members of the cluster-year each, none twice. */
    private static List<String> members(ClusterYear cluster, List<String> units, String field, boolean required) {
        List<String> given = units == null ? List.of() : units;
        if (required && given.isEmpty()) {
            throw Refusal.unprocessable("invalid-voting-session", "voting.candidates.required", field);
        }
        if (given.size() > MAX_CANDIDATES) {
            throw Refusal.unprocessable("invalid-voting-session", "voting.candidates.too-many", field, MAX_CANDIDATES);
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String unit : given) {
            if (unit == null || !cluster.members().contains(unit)) {
                throw Refusal.unprocessable("candidate-not-member", "voting.candidate.not-member", String.valueOf(unit),
                        cluster.code(), cluster.year());
            }
            if (!distinct.add(unit)) {
                throw Refusal.unprocessable("invalid-voting-session", "voting.candidate.duplicate", unit);
            }
        }
        return new ArrayList<>(distinct);
    }
}
