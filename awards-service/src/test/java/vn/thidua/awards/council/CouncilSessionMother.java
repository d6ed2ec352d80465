package vn.thidua.awards.council;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.thidua.awards.catalogue.CouncilReview;
import vn.thidua.awards.catalogue.RuleSetDefinition.VotingBasis;

/** Council sessions in memory, as plain tests need them: the whole Council of a 2021–2026 term reviewing one candidate. */
final class CouncilSessionMother {
    static final Instant NOW = Instant.parse("2017-01-20T02:00:00Z");
    static final long RULE_SET = 11L;
    static final long PROPOSAL = 7L;
    static final List<String> MEMBERS = List.of("m1", "m2", "m3", "m4", "m5");
    /** Two thirds present, more than half of all members for. */
    static final CouncilReview REVIEW = new CouncilReview(CouncilReview.Body.COUNCIL, new BigDecimal("66.67"), null, new BigDecimal("50"),
            null, VotingBasis.ALL_MEMBERS, true, false, "Điều 63 Nghị định 152/2025/NĐ-CP", "V");
    static final Map<Long, CouncilReview> REVIEWS = Map.of(RULE_SET, REVIEW);

    private CouncilSessionMother() {
    }

    static CouncilTerm term() {
        CouncilTerm term = new CouncilTerm();
        term.id = 1L;
        term.name = "Hội đồng Thi đua - Khen thưởng tỉnh nhiệm kỳ 2016-2021";
        term.servesFrom = LocalDate.of(2016, 6, 1);
        term.servesTo = LocalDate.of(2021, 5, 31);
        return term;
    }

    static CouncilSession scheduled() {
        CouncilSession session = CouncilSession.schedule(2016, term(), CouncilReview.Body.COUNCIL, LocalDate.of(2017, 1, 20), "Hội trường UBND tỉnh",
                "board-officer", NOW.minusSeconds(86_400));
        session.addToAgenda(List.of(new CouncilSession.AgendaItem(PROPOSAL, 2016, "000.00.31.H56", "CO_THI_DUA_CHINH_PHU", RULE_SET, 3L,
                "CUM-1", "Cụm thi đua số 1", 1, new BigDecimal("97.50"))));
        return session;
    }

    /** Open, with every member present. */
    static CouncilSession open() {
        CouncilSession session = scheduled();
        session.recordAttendance(MEMBERS, List.of(), MEMBERS, false);
        session.open(MEMBERS, REVIEWS, NOW);
        return session;
    }

    /** Closed, {@code forCount} of the five members for the candidate, the others against. */
    static CouncilSession closed(int forCount) {
        CouncilSession session = open();
        List<Map<Long, vn.thidua.awards.vote.Choice>> ballots = new java.util.ArrayList<>();
        for (int i = 0; i < MEMBERS.size(); i++) {
            ballots.add(session.ballot(Map.of(String.valueOf(PROPOSAL), i < forCount ? "FOR" : "AGAINST"), false, REVIEWS));
        }
        session.close(MEMBERS, ballots, REVIEWS, NOW);
        return session;
    }
}
