package vn.thidua.awards.council;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.thidua.awards.catalogue.CatalogueService;
import vn.thidua.awards.catalogue.CouncilReview;
import vn.thidua.awards.catalogue.RuleSetDefinition.VotingBasis;
import vn.thidua.awards.council.CouncilCount.Participation;
import vn.thidua.awards.council.CouncilSession.Presence;
import vn.thidua.awards.document.DocumentSettings;
import vn.thidua.awards.document.PdfLayout;
import vn.thidua.platform.units.KnownUnit;

/** Writes a Council session's minutes: what they say, gathered from the session, its term, its members and the catalogue. */
@ApplicationScoped
public class CouncilMinutesWriter {
    private final CouncilBallots ballots;
    private final CatalogueService catalogue;
    private final DocumentSettings documents;
    private final CouncilSetting setting;
    private final CouncilMinutesPdf pdf = new CouncilMinutesPdf();

    public CouncilMinutesWriter(CouncilBallots ballots, CatalogueService catalogue, DocumentSettings documents, CouncilSetting setting) {
        this.setting = setting;
        this.ballots = ballots;
        this.catalogue = catalogue;
        this.documents = documents;
    }

    /** The minutes of a closed session as they are published: rendered once, kept as they are. */
    byte[] render(CouncilSession session) {
        return pdf.render(minutesOf(session));
    }

    /** What the minutes say, gathered from the session, its term, its members and the catalogue. */
    CouncilMinutes minutesOf(CouncilSession session) {
        CouncilTerm term = CouncilTerm.findById(session.termId);
        Map<String, CouncilMember> members = new LinkedHashMap<>();
        CouncilMember.ofTerm(session.termId).forEach(member -> members.put(member.id, member));
        List<String> roll = names(members, session.roll);
        List<String> present = names(members, session.members(Presence.PRESENT));
        List<String> written = names(members, session.members(Presence.WRITTEN));
        Set<String> voted = new HashSet<>(ballots.voted(session.id));
        Set<String> writtenMembers = session.members(Presence.WRITTEN);
        int writtenCast = (int) voted.stream().filter(writtenMembers::contains).count();
        Participation participation = new Participation(session.roll.size(), voted.size() - writtenCast, writtenCast);
        Map<String, String> unitNames = KnownUnit.namesOf(session.agenda.stream().map(item -> item.unitCode).toList());
        Map<String, String> awardNames = new LinkedHashMap<>();
        session.agenda.forEach(item -> awardNames.computeIfAbsent(item.awardTypeCode, catalogue::nameOf));
        List<CouncilMinutes.Rules> rules = new ArrayList<>();
        Map<Long, CouncilReview> reviews = setting.reviews(session);
        reviews.forEach((ruleSetId, review) -> {
            String awards = session.agenda.stream().filter(item -> item.ruleSetId == ruleSetId).map(item -> awardNames.get(item.awardTypeCode))
                    .distinct().reduce((a, b) -> a + ", " + b).orElse("");
            rules.add(new CouncilMinutes.Rules(awards, CouncilCount.quorumText(review),
                    review.thresholdFraction() != null ? review.thresholdFraction()
                            : PdfLayout.percent(review.thresholdPercent()), review.strictly(),
                    review.basis() == VotingBasis.ALL_MEMBERS, review.countsWrittenOpinions(),
                    participation.takingPart(review), participation.quorumMet(review), review.citation()));
        });
        List<CouncilMinutes.Candidate> candidates = session.agenda.stream().map(item -> new CouncilMinutes.Candidate(
                unitNames.getOrDefault(item.unitCode, item.unitCode), item.unitCode, awardNames.get(item.awardTypeCode),
                item.clusterName == null ? item.clusterCode : item.clusterName, item.clusterCode, item.rankingTotal, item.rankingRank,
                session.result.of(item.proposalId).orElseThrow())).toList();
        return new CouncilMinutes(term.name, term.decisionNumber, term.decisionDate, session.body, session.year, session.heldOn, session.place,
                documents.place(), roll, present, written, rules, candidates);
    }

    /** The members' names, in the term's order (by role, then name). */
    private static List<String> names(Map<String, CouncilMember> members, Set<String> ids) {
        List<String> names = new ArrayList<>();
        members.forEach((id, member) -> {
            if (ids.contains(id)) {
                names.add(member.fullName);
            }
        });
        return names;
    }
}
