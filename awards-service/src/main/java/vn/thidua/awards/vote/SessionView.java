package vn.thidua.awards.vote;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.thidua.awards.catalogue.ChoiceView;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.time.VietnamTime;

/**
 * A session as the API shows it. Times are in Vietnam's offset (+07:00). The count appears only to
 * those who may see it ({@link VotingAccess.mayReadResult}); {@code ownUnitHasVoted} only to a
 * unit's people, about their own unit.
 */
public record SessionView(UUID id, UUID runoffOf, long clusterId, String clusterCode, String clusterName, String kind, int year,
                          Purpose purpose, String awardTypeCode, Integer leadsYear, long ruleSetId, LocalDate heldOn, LocalDate judgedOn,
                          ChoiceView ruleSetChosenBecause, int leadPlaces,
                          OffsetDateTime opensAt, OffsetDateTime closesAt, SessionStatus status, OffsetDateTime openedAt,
                          OffsetDateTime closedAt, OffsetDateTime publishedAt, List<CandidateView> candidates,
                          Boolean ownUnitHasVoted, VoteResult result, long version) {

    public record CandidateView(Contest contest, int position, String unitCode, Integer rankingRank, BigDecimal rankingTotal) {
    }

    static SessionView of(VotingSession s, Caller caller, VotingService voting, java.util.Locale locale) {
        List<CandidateView> candidates = s.candidates.stream()
                .sorted(java.util.Comparator.comparing((VotingSession.Candidate c) -> c.contest).thenComparingInt(c -> c.position))
                .map(c -> new CandidateView(c.contest, c.position, c.unitCode, c.rankingRank, c.rankingTotal)).toList();
        Boolean ownUnitHasVoted = caller.hasAnyRole(Roles.UNIT_REP, Roles.CLUSTER_LEADER) && caller.unit().isPresent()
                ? voting.hasVoted(s.id, caller.unit().get()) : null;
        return new SessionView(s.id, s.runoffOf, s.clusterId, s.clusterCode, s.clusterName, s.kind, s.year, s.purpose, s.awardTypeCode,
                s.leadsYear, s.ruleSetId, s.heldOn(), s.ruleSetChosenBecause == null ? null : s.ruleSetChosenBecause.judgedOn(), ChoiceView.of(s.ruleSetChosenBecause, ChoiceView.Occasion.VOTE, locale),
                s.leadPlaces, local(s.opensAt), local(s.closesAt), s.status, local(s.openedAt),
                local(s.closedAt), local(s.publishedAt), candidates, ownUnitHasVoted,
                VotingAccess.mayReadResult(s, caller) ? s.result : null, s.version);
    }

    private static OffsetDateTime local(Instant at) {
        return at == null ? null : at.atZone(VietnamTime.ZONE).toOffsetDateTime();
    }
}
