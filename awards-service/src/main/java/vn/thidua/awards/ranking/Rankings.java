package vn.thidua.awards.ranking;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** What the rest of the service asks of the finalized rankings scoring-service sent. Joins the caller's transaction. */
@ApplicationScoped
public class Rankings {

    /** A unit's place in its cluster-year's finalized ranking, and the version of the criteria set it was scored by. */
    public record Standing(int rank, BigDecimal total, long criteriaSetVersion) {
    }

    /** The unit's standing in the newest finalized ranking of the cluster-year; none before one is finalized, or if it is not in it. */
    public Optional<Standing> standingOf(long clusterId, String unitCode) {
        FinalizedRanking ranking = FinalizedRanking.findById(clusterId);
        if (ranking == null) {
            return Optional.empty();
        }
        return ranking.ranking.stream().filter(e -> e.unitCode().equals(unitCode)).findFirst()
                .map(entry -> new Standing(entry.rank(), entry.total(), ranking.criteriaSetVersion));
    }

    /** The newest finalized ranking of the cluster-year, best first; none before scoring-service finalized one. */
    public Optional<List<RankingFinalized.Entry>> finalizedOf(long clusterId) {
        FinalizedRanking ranking = FinalizedRanking.findById(clusterId);
        return ranking == null ? Optional.empty() : Optional.of(ranking.ranking);
    }
}
