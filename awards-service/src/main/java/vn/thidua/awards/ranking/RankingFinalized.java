package vn.thidua.awards.ranking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import vn.thidua.platform.events.MalformedEventException;

/** awards-service's tolerant reading of scoring-service's ClusterRankingFinalized (docs/events.md). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RankingFinalized(Long criteriaSetId, Long criteriaSetVersion, Long clusterId, String clusterCode, String clusterName,
                        String kind, Integer year, Instant finalizedAt, List<Entry> ranking) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(int rank, String unitCode, BigDecimal total, String band, String tieBreak) {
    }

    public RankingFinalized {
        if (criteriaSetId == null || criteriaSetVersion == null || clusterId == null || clusterCode == null || clusterName == null
                || kind == null || year == null || finalizedAt == null || ranking == null
                || ranking.stream().anyMatch(e -> e == null || e.unitCode() == null || e.total() == null || e.rank() < 1)) {
            throw new MalformedEventException("A ClusterRankingFinalized needs the set, the cluster-year and a complete ranking");
        }
        ranking = List.copyOf(ranking);
    }
}
