package vn.thidua.awards.council;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.thidua.awards.catalogue.AwardType;
import vn.thidua.awards.catalogue.CouncilReview;
import vn.thidua.awards.council.CouncilSession.Presence;
import vn.thidua.awards.vote.SessionStatus;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.time.VietnamTime;
import vn.thidua.platform.units.KnownUnit;

/** What the API shows of the Council: entities never cross the REST boundary. */
public final class CouncilViews {
    
    private CouncilViews() {
    }

    public record TermView(long id, String name, LocalDate servesFrom, LocalDate servesTo, String decisionNumber, LocalDate decisionDate) {
        static TermView of(CouncilTerm term) {
            return new TermView(term.id, term.name, term.servesFrom, term.servesTo, term.decisionNumber, term.decisionDate);
        }
    }

    public record MemberView(String id, long termId, String fullName, String position, CouncilRole role, boolean standing) {
        static MemberView of(CouncilMember member) {
            return new MemberView(member.id, member.termId, member.fullName, member.position, member.role, member.standing);
        }
    }

    /**
     * A session as the caller may see it: the roll (fixed once open; until then the term's members who would
     * sit), attendance, how many ballots are in (never whose is which), the agenda, and each candidate's
     * result once the caller may see it.
     */
    public record SessionView(UUID id, int year, long termId, String termName, CouncilReview.Body body, LocalDate heldOn, String place,
                              SessionStatus status, OffsetDateTime openedAt, OffsetDateTime closedAt, OffsetDateTime publishedAt,
                              List<MemberView> roll, List<String> present, List<String> writtenOpinions, int ballotsCast,
                              List<AgendaItemView> agenda, boolean minutesAvailable) {
    }

    /** A candidate: unit, award, the cluster or block it comes from and its place there, its rules and (when visible) its result. */
    public record AgendaItemView(long proposalId, int position, String unitCode, String unitName, String awardTypeCode, String awardName,
                                 long clusterId, String clusterCode, String clusterName, BigDecimal rankingTotal, Integer rankingRank,
                                 long ruleSetId, RulesView rules, CouncilResult.CandidateResult result) {
    }

    public record RulesView(String quorum, String threshold, boolean strictlyAbove, String basis, boolean writtenOpinionsCount,
                            String citation, String tag) {
        static RulesView of(CouncilReview review) {
            return new RulesView(CouncilCount.quorumText(review), review.thresholdFraction() != null ? review.thresholdFraction()
                    : vn.thidua.awards.document.PdfLayout.percent(review.thresholdPercent()), review.strictly(), review.basis().name(),
                    review.countsWrittenOpinions(), review.citation(), review.tag());
        }
    }

    static SessionView of(CouncilSession session, Caller caller, CouncilService service, CouncilBallots ballots) {
        CouncilTerm term = CouncilTerm.findById(session.termId);
        Map<String, CouncilMember> members = new HashMap<>();
        CouncilMember.ofTerm(session.termId).forEach(member -> members.put(member.id, member));
        List<MemberView> roll = service.roll(session).stream().map(members::get).filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparing((CouncilMember m) -> m.role).thenComparing(m -> m.fullName, CouncilMember.VIETNAMESE))
                .map(MemberView::of).toList();
        boolean resultVisible = session.result != null && CouncilAccess.mayReadResult(session, caller);
        Map<String, String> unitNames = KnownUnit.namesOf(session.agenda.stream().map(item -> item.unitCode).toList());
        Map<String, String> awardNames = new LinkedHashMap<>();
        Map<Long, CouncilReview> reviews = service.reviews(session);
        List<AgendaItemView> agenda = session.agenda.stream().map(item -> new AgendaItemView(item.proposalId, item.position, item.unitCode,
                unitNames.get(item.unitCode), item.awardTypeCode, awardNames.computeIfAbsent(item.awardTypeCode,
                code -> AwardType.<AwardType>findByIdOptional(code).map(type -> type.name).orElse(code)), item.clusterId, item.clusterCode,
                item.clusterName, item.rankingTotal, item.rankingRank, item.ruleSetId, RulesView.of(reviews.get(item.ruleSetId)),
                resultVisible ? session.result.of(item.proposalId).orElse(null) : null)).toList();
        int cast = session.status == SessionStatus.SCHEDULED ? 0 : ballots.voted(session.id).size();
        return new SessionView(session.id, session.year, session.termId, term.name, session.body, session.heldOn, session.place,
                session.status, local(session.openedAt), local(session.closedAt), local(session.publishedAt), roll,
                List.copyOf(session.members(Presence.PRESENT)), List.copyOf(session.members(Presence.WRITTEN)), cast, agenda,
                session.minutesPdf != null);
    }

    private static OffsetDateTime local(Instant at) {
        return at == null ? null : at.atZone(VietnamTime.ZONE).toOffsetDateTime();
    }
}
