package vn.thidua.awards.ranking;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.ProblemException;

/** The finalized rankings awards-service holds: what its votes and proposals will rest on. Rankings are public within the system. */
@Tag(name = "Finalized rankings", description = "Cluster rankings as finalized by the scoring service, as the awards service holds them.")
@Path("/api/awards/rankings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER, Roles.PORTAL})
public class FinalizedRankingResource {

    public record RankingView(long clusterId, String clusterCode, String clusterName, String kind, int year, long criteriaSetId,
                              long criteriaSetVersion, Instant finalizedAt, List<RankingFinalized.Entry> ranking) {
        static RankingView of(FinalizedRanking r) {
            return new RankingView(r.clusterId, r.clusterCode, r.clusterName, r.kind, r.year, r.criteriaSetId, r.criteriaSetVersion,
                    r.finalizedAt, r.ranking);
        }
    }

    @GET
    @Operation(operationId = "listFinalizedRankings", summary = "List a year's finalized cluster rankings")
    public List<RankingView> ofYear(@QueryParam("year") Integer year) {
        if (year == null) {
            throw ProblemException.badRequest("invalid-field", "problem.field.required", "year");
        }
        return FinalizedRanking.<FinalizedRanking>list("year = ?1 order by clusterCode", year).stream().map(RankingView::of).toList();
    }

    @GET
    @Path("/{clusterId}")
    @Operation(operationId = "getFinalizedRanking", summary = "Get a cluster's finalized ranking")
    public RankingView ofCluster(@PathParam("clusterId") long clusterId) {
        FinalizedRanking ranking = FinalizedRanking.findById(clusterId);
        if (ranking == null) {
            throw ProblemException.notFound("ranking-not-found", "ranking.not-known", clusterId);
        }
        return RankingView.of(ranking);
    }
}
