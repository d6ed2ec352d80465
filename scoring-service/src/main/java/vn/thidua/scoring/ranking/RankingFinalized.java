package vn.thidua.scoring.ranking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import vn.thidua.platform.clusters.ClusterYear;
import vn.thidua.scoring.criteria.CriteriaSet;

/** The data of {@code vn.thidua.scoring.ClusterRankingFinalized} (docs/events.md). */
public record RankingFinalized(long criteriaSetId, long criteriaSetVersion, long clusterId, String clusterCode, String clusterName,
                               String kind, int year, Instant finalizedAt, List<Entry> ranking) {

    public record Entry(int rank, String unitCode, BigDecimal total, String band, String tieBreak) {
    }

    static RankingFinalized of(CriteriaSet set, long version, ClusterYear cluster, List<Ranking.RankedUnit> ranked, Instant now) {
        return new RankingFinalized(set.id, version, cluster.id(), cluster.code(), cluster.name(), cluster.kind(), cluster.year(), now,
                ranked.stream().map(u -> new Entry(u.rank(), u.unitCode(), u.total(), u.band(), u.tieBreak())).toList());
    }
}
