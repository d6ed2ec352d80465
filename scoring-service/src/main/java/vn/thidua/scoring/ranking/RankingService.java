package vn.thidua.scoring.ranking;

import java.util.Optional;
import vn.thidua.platform.domain.Refusal;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.clusters.ClusterYear;
import vn.thidua.platform.events.CloudEvents;
import vn.thidua.platform.events.Outbox;
import vn.thidua.platform.security.Caller;
import vn.thidua.scoring.criteria.CriteriaSet;
import vn.thidua.scoring.criteria.CriteriaSetAudit;
import vn.thidua.scoring.criteria.CriteriaSetService;
import vn.thidua.scoring.criteria.CriteriaSetStatus;
import vn.thidua.scoring.criteria.CriterionKind;
import vn.thidua.scoring.criteria.TieBreak;
import vn.thidua.scoring.registration.MemberStatistics;
import vn.thidua.scoring.sheet.ScoreQueries;
import vn.thidua.scoring.sheet.ScoreQueries.GroupPoints;

/** The ranking of a criteria set's cluster, and its publication once the set is closed. */
@ApplicationScoped
public class RankingService {
    public static final String TOPIC = "thidua.scoring.results.v1";
    public static final String SOURCE = "/thidua/scoring-service";
    public static final String RANKING_FINALIZED = "vn.thidua.scoring.ClusterRankingFinalized";

    private final CriteriaSetService sets;
    private final ClusterDirectory clusters;
    private final Outbox outbox;
    private final CloudEvents events;
    private final Clock clock;

    public RankingService(CriteriaSetService sets, ClusterDirectory clusters, Outbox outbox, CloudEvents events, Clock clock) {
        this.sets = sets;
        this.clusters = clusters;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    public record ClusterRanking(CriteriaSet set, boolean provisional, List<Ranking.RankedUnit> units) {
    }

    /** The Board sees the ranking at any time (provisional until closed); the cluster's members once it is closed. */
    public ClusterRanking ranking(long setId, Caller caller) {
        CriteriaSet set = sets.get(setId);
        boolean closed = set.status == CriteriaSetStatus.CLOSED;
        boolean insider = clusters.readableBy(set.clusterId, caller);
        if (!caller.isBoardOrAdmin() && !(closed && insider)) {
            throw new ForbiddenException("ranking of set " + setId);
        }
        return new ClusterRanking(set, !closed, closed ? closedRanking(set) : compute(set));
    }

    /** A province has about a hundred clusters and blocks a year, each with a set or two. */
    private static final int CLOSED_RANKINGS_KEPT = 1_000;

    /**
     * A closed set's ranking as computed for this version of the set, this state of its sheets and
     * these units preferred by WOMEN_SHARE (the Board may confirm statistics after the set closed).
     */
    private record ClosedRanking(long setVersion, ScoreQueries.SheetsState sheets, Set<String> womenShareReached,
                                 List<Ranking.RankedUnit> units) {
    }

    /**
     * The rankings of closed sets, which are read again and again (the review conference, the
     * exports, the province's overview) and change only if the set is reopened (a new version of
     * the set), the Board reopens one of its sheets (a new state of the sheets) or, for a set
     * that breaks ties by the share of women, the units that reach it change; all are checked at
     * every request, so each replica keeps its own copy without telling the others.
     * A provisional ranking changes with every submitted sheet and is never kept.
     */
    private final Map<Long, ClosedRanking> closedRankings = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, ClosedRanking> eldest) {
                    return size() > CLOSED_RANKINGS_KEPT;
                }
            });

    private List<Ranking.RankedUnit> closedRanking(CriteriaSet set) {
        // the state is read before the ranking is computed: a change in between leaves a newer
        // ranking under the older state, which the next request recomputes, never the reverse
        ScoreQueries.SheetsState sheets = ScoreQueries.sheetsState(set.id);
        Set<String> womenShareReached = womenShareReached(set);
        ClosedRanking kept = closedRankings.get(set.id);
        if (kept != null && kept.setVersion() == set.version && kept.sheets().equals(sheets)
                && kept.womenShareReached().equals(womenShareReached)) {
            return kept.units();
        }
        List<Ranking.RankedUnit> units = compute(set, womenShareReached);
        closedRankings.put(set.id, new ClosedRanking(set.version, sheets, womenShareReached, units));
        return units;
    }

    /** Publishes the final ranking of a closed set on {@value #TOPIC}, once per version of the set. */
    @Transactional
    public ClusterRanking finalizeRanking(long setId, Caller caller) {
        caller.requireBoardOrAdmin();
        CriteriaSet set = sets.get(setId);
        if (set.status != CriteriaSetStatus.CLOSED) {
            throw Refusal.conflict("criteria-set-status", "criteria.status.wrong", set.id, set.status, CriteriaSetStatus.CLOSED);
        }
        if (set.finalizedVersion != null && set.finalizedVersion == set.version) {
            throw Refusal.conflict("ranking-already-final", "ranking.already-final", set.id);
        }
        ClusterYear cluster = clusters.find(set.clusterId).orElseThrow(() ->
                Refusal.unprocessable("unknown-cluster", "criteria.cluster.unknown", set.clusterId));
        List<Ranking.RankedUnit> ranked = compute(set);
        long rankedVersion = set.version;
        Instant now = Instant.now(clock);
        outbox.publish(TOPIC, events.create(SOURCE, RANKING_FINALIZED, Long.toString(set.clusterId),
                RankingFinalized.of(set, rankedVersion, cluster, ranked, now)));
        // the flush below bumps the set's version once; remember that version as the finalized one, so
        // finalizing again needs a change (reopen and close) first
        set.finalizedVersion = rankedVersion + 1;
        set.updatedAt = now;
        CriteriaSetAudit.record(set.id, "FINALIZED", null, caller.subject(), now);
        set.persistAndFlush();
        return new ClusterRanking(set, false, ranked);
    }

    public Optional<ClusterYear> clusterOf(CriteriaSet set) {
        return clusters.find(set.clusterId);
    }

    List<Ranking.RankedUnit> compute(CriteriaSet set) {
        return compute(set, womenShareReached(set));
    }

    private static List<Ranking.RankedUnit> compute(CriteriaSet set, Set<String> womenShareReached) {
        Map<String, Accumulator> byUnit = new LinkedHashMap<>();
        for (GroupPoints row : ScoreQueries.pointsByGroup(set)) {
            byUnit.computeIfAbsent(row.unitCode(), Accumulator::new).add(row);
        }
        List<Ranking.UnitPoints> units = byUnit.values().stream().map(Accumulator::points).toList();
        return Ranking.rank(units, set.bonusCap, set.tieBreaks, set.bands, womenShareReached);
    }

    /**
     * The ranked units of the set whose women reach the set's threshold, by their member statistics
     * of the cluster-year's year: one query for the whole ranking (the units are those the ranking
     * reads, from unit_group_points), and none for a set without WOMEN_SHARE.
     *
     * <p>Only statistics the Board has confirmed count. The figures are the unit's own declaration
     * until then, and this rule decides the order of the ranking that goes to the Council and to
     * awards-service: a representative could otherwise move its unit ahead of a tied neighbour by
     * typing a number, even after the ranking was closed. Changed figures lose their confirmation,
     * so they also lose the preference until the Board has checked them again. A unit whose
     * statistics are not confirmed yet counts as one without statistics: not reaching it.
     */
    @SuppressWarnings("unchecked")
    private static Set<String> womenShareReached(CriteriaSet set) {
        if (!set.tieBreaks.contains(TieBreak.WOMEN_SHARE) || set.womenShareThresholdPercent == null) {
            return Set.of();
        }
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                SELECT r.unit_code, r.women, r.members
                FROM registration r JOIN known_cluster k ON k.year = r.year
                WHERE k.id = :cluster AND r.statistics_confirmed_at IS NOT NULL
                  AND r.unit_code IN (SELECT p.unit_code FROM unit_group_points p WHERE p.set_id = :set)
                """).setParameter("cluster", set.clusterId).setParameter("set", set.id).getResultList();
        Set<String> reached = new HashSet<>();
        for (Object[] row : rows) {
            if (MemberStatistics.womenReach(((Number) row[1]).intValue(), ((Number) row[2]).intValue(), set.womenShareThresholdPercent)) {
                reached.add((String) row[0]);
            }
        }
        return reached;
    }

    /** Folds the per-group, per-kind rows of one unit into its points. */
    private static final class Accumulator {
        private final String unitCode;
        private final Map<String, Ranking.Points> groups = new LinkedHashMap<>();
        private Ranking.Points finalPoints = Ranking.Points.ZERO;
        private Ranking.Points self = Ranking.Points.ZERO;
        private Ranking.Points peer = Ranking.Points.ZERO;
        private Ranking.Points board = Ranking.Points.ZERO;

        Accumulator(String unitCode) {
            this.unitCode = unitCode;
        }

        void add(GroupPoints row) {
            Ranking.Points finalOfRow = of(row.kind(), row.finalPoints());
            groups.merge(row.groupCode(), finalOfRow, Ranking.Points::plus);
            finalPoints = finalPoints.plus(finalOfRow);
            self = self.plus(of(row.kind(), row.selfPoints()));
            peer = peer.plus(of(row.kind(), row.peerPoints()));
            board = board.plus(of(row.kind(), row.boardPoints()));
        }

        Ranking.UnitPoints points() {
            return new Ranking.UnitPoints(unitCode, groups, finalPoints, self, peer, board);
        }

        private static Ranking.Points of(CriterionKind kind, BigDecimal value) {
            return switch (kind) {
                case STANDARD -> new Ranking.Points(value, BigDecimal.ZERO, BigDecimal.ZERO);
                case BONUS -> new Ranking.Points(BigDecimal.ZERO, value, BigDecimal.ZERO);
                case PENALTY -> new Ranking.Points(BigDecimal.ZERO, BigDecimal.ZERO, value);
            };
        }
    }
}
