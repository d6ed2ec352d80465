package vn.thidua.awards.council;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.thidua.awards.catalogue.CatalogueService;
import vn.thidua.awards.catalogue.CouncilReview;
import vn.thidua.awards.catalogue.RuleSet;
import vn.thidua.awards.council.CouncilSession.AgendaItem;
import vn.thidua.awards.vote.SessionStatus;

/** What a Council session is held under: its roll, and the Council review that the rule set of each candidate sets. */
@ApplicationScoped
public class CouncilSetting {
    private final CatalogueService catalogue;

    public CouncilSetting(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    /** The roll the session would have if it opened now: its term's members, or only the standing ones. */
    List<String> roll(CouncilSession session) {
        if (session.status != SessionStatus.SCHEDULED) {
            return session.roll.stream().sorted().toList();
        }
        return CouncilMember.<CouncilMember>list("termId", session.termId).stream()
                .filter(member -> session.body == CouncilReview.Body.COUNCIL || member.standing).map(member -> member.id).sorted().toList();
    }

    /** The Council review of every rule set on the agenda, by rule set id. */
    Map<Long, CouncilReview> reviews(CouncilSession session) {
        Map<Long, CouncilReview> reviews = new LinkedHashMap<>();
        for (AgendaItem item : session.agenda) {
            reviews.computeIfAbsent(item.ruleSetId, ruleSetId -> {
                RuleSet rules = catalogue.ruleSet(ruleSetId).orElse(null);
                if (rules == null || rules.council == null) {
                    // the gate admitted it under a Council review; rule sets are never edited in place, so this is a bug
                    throw new IllegalStateException("Rule set " + ruleSetId + " of session " + session.id + " has no Council review");
                }
                return rules.council;
            });
        }
        return reviews;
    }
}
