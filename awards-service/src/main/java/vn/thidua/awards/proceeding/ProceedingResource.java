package vn.thidua.awards.proceeding;

import vn.thidua.platform.web.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.thidua.awards.unit.UnitCodes;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.Requests;
import vn.thidua.platform.web.Text;
import vn.thidua.platform.web.Versions;

/** Proceedings against a unit (Decree 152/2025 Art. 4(4)). */
@Tag(name = "Proceedings", description = "Disciplinary and inspection proceedings against units.")
@Path("/api/awards/units/{code}/proceedings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.VIEWER, Roles.UNIT_REP, Roles.CLUSTER_LEADER})
public class ProceedingResource {
    private final ProceedingService proceedings;
    private final Callers callers;

    public ProceedingResource(ProceedingService proceedings, Callers callers) {
        this.proceedings = proceedings;
        this.callers = callers;
    }

    /** {@code reference}: the number of the agency's letter, optional; the same unit, source and reference is one proceeding (409 again). */
    public record OpenRequest(@Schema(required = true) Proceeding.Kind kind, @Schema(required = true, description = "Not in the future.") LocalDate openedOn,
                              @Schema(required = true, maxLength = 500, description = "The agency that opened it.") String source,
                              @Schema(maxLength = 2000) String note, @Schema(maxLength = 100) String reference) {
    }

    public record CloseRequest(@Schema(required = true, description = "Not in the future, nor before the proceeding opened.") LocalDate closedOn,
                               @Schema(required = true, maxLength = 500) String source) {
    }

    public record ProceedingView(long id, String unitCode, Proceeding.Kind kind, LocalDate openedOn, String source, String reference, String note,
                                 boolean open, LocalDate closedOn, String closeSource, long version, String recordedBy, Instant recordedAt,
                                 String closedBy, Instant closedAt) {
        static ProceedingView of(Proceeding p) {
            return new ProceedingView(p.id, p.unitCode, p.kind, p.openedOn, p.source, p.reference, p.note, p.open(), p.closedOn, p.closeSource, p.version,
                    p.recordedBy, p.recordedAt, p.closedBy, p.closedAt);
        }
    }

    @GET
    @Operation(operationId = "listProceedings", summary = "List a unit's proceedings")
    public List<ProceedingView> list(@PathParam("code") String code) {
        return proceedings.list(UnitCodes.parse(code), callers.current()).stream().map(ProceedingView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "openProceeding", summary = "Open a proceeding against a unit")
    @APIResponse(responseCode = "201", description = "The proceeding, recorded.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = ProceedingView.class)))
    public Response open(@PathParam("code") String code, OpenRequest request) {
        Requests.requireBody(request);
        String unit = UnitCodes.parse(code);
        Proceeding proceeding = proceedings.open(unit, new ProceedingService.Opening(request.kind(), request.openedOn(),
                Text.clean(request.source(), 500, "source", false), Text.clean(request.note(), 2000, "note", false),
                Text.clean(request.reference(), 100, "reference", false)), callers.current());
        return Response.created(URI.create("/api/awards/units/" + unit + "/proceedings/" + proceeding.id))
                .entity(ProceedingView.of(proceeding)).tag(Versions.etag(proceeding.version)).build();
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "closeProceeding", summary = "Close a proceeding")
    @APIResponse(responseCode = "200", description = "The proceeding, closed.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = ProceedingView.class)))
    public Response close(@PathParam("code") String code, @PathParam("id") long id,
                          @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) String ifMatch,
                          CloseRequest request) {
        Requests.requireBody(request);
        Proceeding proceeding = proceedings.close(UnitCodes.parse(code), id, request.closedOn(), Text.clean(request.source(), 500, "source", false),
                Versions.expected(ifMatch), callers.current());
        return Response.ok(ProceedingView.of(proceeding)).tag(Versions.etag(proceeding.version)).build();
    }
}
