package vn.thidua.awards.vote;

import vn.thidua.platform.domain.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.thidua.awards.catalogue.CatalogueService;
import vn.thidua.awards.catalogue.RuleSet;
import vn.thidua.awards.document.DocumentSettings;
import vn.thidua.platform.time.VietnamTime;
import vn.thidua.platform.units.KnownUnit;
import vn.thidua.platform.security.Caller;

/** Gathers what the minutes of a counted session say and renders them. */
@ApplicationScoped
public class MinutesService {
    private final VotingService voting;
    private final BallotBox box;
    private final MinutesPdf pdf = new MinutesPdf();

    private final DocumentSettings documents;
    private final CatalogueService catalogue;

    public MinutesService(VotingService voting, BallotBox box, DocumentSettings documents, CatalogueService catalogue) {
        this.voting = voting;
        this.box = box;
        this.documents = documents;
        this.catalogue = catalogue;
    }

    @Transactional
    public byte[] render(UUID id, Caller caller) {
        VotingSession session = voting.get(id, caller);
        if (session.result == null || !VotingAccess.mayReadResult(session, caller)) {
            throw Refusal.conflict("voting-result-not-published", "voting.result.not-published");
        }
        return pdf.render(minutesOf(session));
    }

    /** The minutes of a counted session, whoever asks: for the dossier of a proposal that rests on it. */
    @Transactional
    public byte[] render(UUID sessionId) {
        VotingSession session = VotingSession.findById(sessionId);
        if (session.result == null) {
            throw new IllegalStateException("Session " + session.id + " has not been counted");
        }
        return pdf.render(minutesOf(session));
    }

    Minutes minutesOf(VotingSession session) {
        RuleSet rules = catalogue.ruleSet(session.ruleSetId).orElseThrow(
                () -> new IllegalStateException("Session " + session.id + " names rule set " + session.ruleSetId + ", which is gone"));
        List<String> roll = box.roll(session.id);
        Set<String> units = new LinkedHashSet<>(roll);
        session.candidates.forEach(c -> units.add(c.unitCode));
        Map<String, String> names = new HashMap<>();
        for (String code : units) {
            KnownUnit unit = KnownUnit.findById(code);
            if (unit != null) {
                names.put(code, unit.name);
            }
        }
        String awardName = session.awardTypeCode == null ? null : catalogue.nameOf(session.awardTypeCode);
        return new Minutes(session.clusterName, session.clusterCode, session.year, session.purpose, awardName, session.leadsYear,
                session.runoffOf != null, session.openedAt.atZone(VietnamTime.ZONE), session.closedAt.atZone(VietnamTime.ZONE),
                session.status == SessionStatus.PUBLISHED, rules.legalBasis, rules.legalBasisDate, Boolean.TRUE.equals(rules.voting.secret()),
                roll, box.voted(session.id), session.result, names, session.heldOn(), documents.place(),
                session.ruleSetChosenBecause == null ? null : vn.thidua.awards.catalogue.ChoiceView.of(session.ruleSetChosenBecause,
                        vn.thidua.awards.catalogue.ChoiceView.Occasion.VOTE, vn.thidua.platform.web.Messages.VIETNAMESE).reason());
    }
}
