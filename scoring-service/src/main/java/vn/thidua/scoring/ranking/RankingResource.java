package vn.thidua.scoring.ranking;

import vn.thidua.platform.web.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.transaction.Transactional;
import vn.thidua.platform.web.ContentDisposition;
import vn.thidua.scoring.export.ExportFile;
import vn.thidua.scoring.export.ExportFormat;
import vn.thidua.platform.web.Table;
import java.util.List;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;

@Tag(name = "Rankings", description = "Rankings of a criteria set's units.")
@Path("/api/scoring/criteria-sets/{setId}/ranking")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER})
public class RankingResource {
    private final RankingService rankings;
    private final Callers callers;

    public RankingResource(RankingService rankings, Callers callers) {
        this.rankings = rankings;
        this.callers = callers;
    }

    /**
     * @param provisional true until the set is closed: scores may still change
     * @param units       in rank order, each with its total, breakdown by group and stage, band and tie-break
     */
    public record RankingView(long criteriaSetId, long clusterId, String status, boolean provisional, boolean finalized,
                              List<Ranking.RankedUnit> units) {
        static RankingView of(RankingService.ClusterRanking ranking) {
            var set = ranking.set();
            return new RankingView(set.id, set.clusterId, set.status.name(), ranking.provisional(),
                    set.finalizedVersion != null && set.finalizedVersion == set.version, ranking.units());
        }
    }

    @GET
    @Operation(operationId = "getRanking", summary = "Get a criteria set's ranking")
    public RankingView ranking(@PathParam("setId") long setId) {
        return RankingView.of(rankings.ranking(setId, callers.current()));
    }

    /** The ranking as a spreadsheet (XLSX, the default) or CSV, in the layout the Board prints. */
    @GET
    @Path("/export")
    @Produces({Table.XLSX, Table.CSV, MediaType.APPLICATION_JSON})
    @Transactional
    @Operation(operationId = "exportRanking", summary = "Export a ranking as XLSX or CSV")
    @APIResponse(responseCode = "200", description = "The file to save (`Content-Disposition`).", content = {
            @Content(mediaType = ApiDocs.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ApiDocs.CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response export(@PathParam("setId") long setId, @QueryParam("format") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"xlsx", "csv"}, defaultValue = "xlsx")) String format) {
        ExportFormat exportFormat = ExportFormat.parse(format);
        RankingService.ClusterRanking ranking = rankings.ranking(setId, callers.current());
        return download(exportFormat.file(RankingTable.of(ranking, rankings.clusterOf(ranking.set())), "Xếp hạng",
                "xep-hang-bang-tieu-chi-" + setId));
    }

    private static Response download(ExportFile file) {
        return Response.ok(file.content(), file.mediaType())
                .header("Content-Disposition", ContentDisposition.attachment(file.fileName())).build();
    }

    /** Publishes the closed set's ranking as {@code ClusterRankingFinalized}. */
    @POST
    @Path("/finalize")
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "finalizeRanking", summary = "Finalize a closed set's ranking")
    public RankingView finalizeRanking(@PathParam("setId") long setId) {
        return RankingView.of(rankings.finalizeRanking(setId, callers.current()));
    }
}
