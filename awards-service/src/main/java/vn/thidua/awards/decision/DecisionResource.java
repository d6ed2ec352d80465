package vn.thidua.awards.decision;

import vn.thidua.platform.web.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.Messages;
import vn.thidua.platform.web.ProblemException;
import vn.thidua.platform.web.Requests;
import vn.thidua.platform.web.Table;

/**
 * Award decisions (quyết định khen thưởng), recorded by the Board or posted by the Department of
 * Home Affairs portal. A new decision answers 201; the same decision posted again answers 200 with
 * what was recorded the first time. Each decided unit shows the cash its award pays, and the payment
 * list of a decision comes as a spreadsheet.
 */
@Tag(name = "Decisions", description = "Award decisions and their payment lists.")
@Path("/api/awards/decisions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER, Roles.PORTAL})
public class DecisionResource {
    private final DecisionService decisions;
    private final Callers callers;

    public DecisionResource(DecisionService decisions, Callers callers) {
        this.decisions = decisions;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordDecision", summary = "Record an award decision")
    @APIResponse(responseCode = "201", description = "The decision, recorded.", content = @Content(schema = @Schema(implementation = DecisionView.class)))
    @APIResponse(responseCode = "200", description = "The same decision was recorded before: nothing changed (its `Location` names it).",
            content = @Content(schema = @Schema(implementation = DecisionView.class)))
    public Response record(DecisionRequest request, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        DecisionService.Recorded recorded = decisions.record(Requests.requireBody(request), callers.current(),
                Messages.negotiate(acceptLanguage));
        URI location = URI.create("/api/awards/decisions/" + recorded.decision().id());
        return recorded.created() ? Response.created(location).entity(recorded.decision()).build()
                : Response.ok(recorded.decision()).location(location).build();
    }

    @GET
    @Operation(operationId = "listDecisions", summary = "List award decisions")
    public List<DecisionView> list(@QueryParam("year") String year, @QueryParam("awardTypeCode") String awardTypeCode,
                                   @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return decisions.list(Requests.optionalYear(year, DecisionRequest.MIN_YEAR, DecisionRequest.MAX_YEAR), awardTypeCode,
                callers.current(), Messages.negotiate(acceptLanguage));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDecision", summary = "Get an award decision")
    public DecisionView get(@PathParam("id") long id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return decisions.get(id, callers.current(), Messages.negotiate(acceptLanguage));
    }

    /**
     * The payment list (danh sách chi trả) of the decision, {@code format} xlsx (the default) or csv, for
     * whoever may read the decision. In Vietnamese whatever the caller's language: it is filed as it is.
     */
    @GET
    @Path("/{id}/payments")
    @Produces({Table.XLSX, Table.CSV, MediaType.APPLICATION_JSON})
    @Operation(operationId = "getDecisionPayments", summary = "Get a decision's payment list")
    @APIResponse(responseCode = "200", description = "The payment list, as a file to save (`Content-Disposition`).", content = {
            @Content(mediaType = ApiDocs.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ApiDocs.CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response payments(@PathParam("id") long id,
                             @QueryParam("format") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"xlsx", "csv"}, defaultValue = "xlsx")) String format) {
        String extension = format == null || format.isBlank() ? "xlsx" : format.strip().toLowerCase(Locale.ROOT);
        if (!extension.equals("xlsx") && !extension.equals("csv")) {
            throw ProblemException.badRequest("invalid-format", "decision.payments.format", String.valueOf(format));
        }
        DecisionView decision = decisions.get(id, callers.current(), Messages.VIETNAMESE);
        Table list = PaymentList.of(decision);
        String fileName = PaymentList.fileName(decision, extension);
        return extension.equals("csv") ? list.csvDownload(fileName) : list.xlsxDownload(PaymentList.SHEET, fileName);
    }
}
