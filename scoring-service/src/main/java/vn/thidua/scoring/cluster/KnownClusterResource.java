package vn.thidua.scoring.cluster;

import vn.thidua.platform.web.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.thidua.platform.clusters.ClusterYear;
import vn.thidua.platform.clusters.KnownCluster;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.Page;
import vn.thidua.platform.web.PageRequest;
import vn.thidua.platform.web.ProblemException;
import vn.thidua.platform.web.Requests;
import vn.thidua.platform.web.Versions;

/**
 * Read-only view of the cluster-years scoring-service knows (its platform-clusters read model), for
 * checking that it is in step with units-service. Cluster leaders and unit representatives see only
 * the cluster-years their unit is in.
 */
@Tag(name = "Scoring clusters", description = "Clusters as the scoring service knows them (from units-service events).")
@Path("/api/scoring/clusters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER})
public class KnownClusterResource {
    private final Callers callers;

    public KnownClusterResource(Callers callers) {
        this.callers = callers;
    }

    /** A cluster-year as this service knows it; members in code order. */
    public record KnownClusterView(long id, String code, String name, String kind, int year, List<String> members,
                                   String leaderUnitCode, String deputyUnitCode, long version, Instant updatedAt) {
        static KnownClusterView of(KnownCluster cluster) {
            return new KnownClusterView(cluster.id, cluster.code, cluster.name, cluster.kind, cluster.year,
                    cluster.sortedMembers(), cluster.leaderUnitCode, cluster.deputyUnitCode, cluster.version,
                    cluster.updatedAt);
        }
    }

    @GET
    @Transactional
    @Operation(operationId = "listScoringClusters", summary = "List clusters as the scoring service knows them")
    public Page<KnownClusterView> list(@QueryParam("year") String year, @QueryParam("page") String page,
                                       @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(number(page, "invalid-page", "problem.invalid-page"),
                number(size, "invalid-page-size", "problem.invalid-page-size"));
        Integer wantedYear = Requests.optionalYear(year, ClusterYear.MIN_YEAR, ClusterYear.MAX_YEAR);
        ClusterReadAccess access = ClusterReadAccess.of(callers.current());
        if (access.nothing()) {
            return new Page<>(List.of(), request.page(), request.size(), 0);
        }
        Page<KnownCluster> found = KnownCluster.page(wantedYear, access.all() ? Optional.empty() : access.unit(), request);
        return new Page<>(found.items().stream().map(KnownClusterView::of).toList(), found.page(), found.size(), found.total());
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(operationId = "getScoringCluster", summary = "Get a cluster as the scoring service knows it")
    @APIResponse(responseCode = "200", description = "The cluster-year.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = KnownClusterView.class)))
    public Response get(@PathParam("id") String id) {
        Long wanted = Requests.optionalId(id, "id");
        if (wanted == null) {
            // a blank id ("/clusters/%20") is no id: Hibernate would refuse the null as a 500
            throw ProblemException.badRequest("invalid-id", "problem.parameter.invalid-id", "id", id);
        }
        KnownCluster cluster = KnownCluster.findById(wanted);
        if (cluster == null) {
            throw ProblemException.notFound("cluster-not-found", "cluster.not-known", id);
        }
        if (!ClusterReadAccess.of(callers.current()).allows(cluster.members)) {
            throw new ForbiddenException("may not read cluster-year " + id);
        }
        return Response.ok(KnownClusterView.of(cluster)).tag(Versions.etag(cluster.version)).build();
    }

    private static Integer number(String raw, String slug, String messageKey) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(slug, messageKey, PageRequest.MAX_SIZE);
        }
    }


}
