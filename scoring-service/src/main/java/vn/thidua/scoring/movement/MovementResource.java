package vn.thidua.scoring.movement;

import vn.thidua.platform.domain.ExpectedVersion;
import vn.thidua.platform.web.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.ProblemException;
import vn.thidua.platform.web.Requests;
import vn.thidua.platform.web.Versions;

/** Emulation movements (phong trào thi đua): anyone signed in reads them; the Board and cluster leaders write them. */
@Tag(name = "Movements", description = "Emulation movements.")
@Path("/api/scoring/movements")
// one transaction per call, so the answer can read the movement's collections
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER, Roles.PORTAL})
public class MovementResource {
    private final MovementService movements;
    private final Callers callers;

    public MovementResource(MovementService movements, Callers callers) {
        this.movements = movements;
        this.callers = callers;
    }

    /** A movement; {@code durationYears} is its length in whole years, last day included. */
    public record MovementView(long id, String name, MovementKind kind, Launcher launchedBy, Long launchingClusterId,
                               boolean allClusters, List<Long> participantClusterIds, LocalDate startDate, LocalDate endDate,
                               int durationYears, List<String> goals, List<Long> criteriaSetIds, long version,
                               Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
        static MovementView of(Movement m) {
            return new MovementView(m.id, m.name, m.kind, m.launchedBy, m.launchingClusterId, m.allClusters,
                    new ArrayList<>(new TreeSet<>(m.participantClusterIds)), m.startDate, m.endDate, m.period().durationYears(),
                    List.copyOf(m.goals), new ArrayList<>(new TreeSet<>(m.criteriaSetIds)), m.version, m.createdAt, m.createdBy,
                    m.updatedAt, m.updatedBy);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER})
    @Operation(operationId = "launchMovement", summary = "Launch an emulation movement")
    @APIResponse(responseCode = "201", description = "The movement, launched.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = MovementView.class)))
    public Response launch(MovementRequest request, UriInfo uri) {
        Requests.requireBody(request);
        Movement movement = movements.launch(request, callers.current());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(movement.id)).build())
                .tag(Versions.etag(movement.version)).entity(MovementView.of(movement)).build();
    }

    @GET
    @Operation(operationId = "listMovements", summary = "List emulation movements")
    public List<MovementView> find(@QueryParam("year") String year, @QueryParam("clusterId") String clusterId,
                                   @QueryParam("kind") String kind) {
        Integer wantedYear = Requests.optionalYear(year, MovementRules.MIN_YEAR, MovementRules.MAX_YEAR);
        return movements.find(wantedYear, Requests.optionalId(clusterId, "clusterId"), kind(kind)).stream().map(MovementView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getMovement", summary = "Get an emulation movement")
    @APIResponse(responseCode = "200", description = "The movement.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = MovementView.class)))
    public Response get(@PathParam("id") long id) {
        return view(movements.get(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER})
    @Operation(operationId = "updateMovement", summary = "Change an emulation movement")
    @APIResponse(responseCode = "200", description = "The movement as changed.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = MovementView.class)))
    public Response change(@PathParam("id") long id,
                           @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = ApiDocs.IF_MATCH_REQUIRED) String ifMatch,
                           MovementRequest request) {
        ExpectedVersion expected = Versions.requiredVersion(ifMatch);
        Requests.requireBody(request);
        return view(movements.change(id, expected, request, callers.current()));
    }

    private static Response view(Movement movement) {
        return Response.ok(MovementView.of(movement)).tag(Versions.etag(movement.version)).build();
    }




    private static MovementKind kind(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return MovementKind.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-movement-kind", "movement.query.kind", raw);
        }
    }
}
