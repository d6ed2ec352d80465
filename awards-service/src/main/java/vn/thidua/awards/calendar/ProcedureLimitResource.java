package vn.thidua.awards.calendar;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.ProblemException;
import vn.thidua.platform.web.Requests;
import vn.thidua.platform.web.Text;
import vn.thidua.platform.web.Versions;

/** The procedure's time limits as data, each in force for a period, and the deadlines they give. */
@Tag(name = "Procedure limits", description = "Time limits set by the procedures, and the deadlines they give.")
@Path("/api/awards/procedure-limits")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER, Roles.PORTAL})
public class ProcedureLimitResource {
    private final ProcedureLimitService limits;
    private final Deadlines deadlines;
    private final Callers callers;

    public ProcedureLimitResource(ProcedureLimitService limits, Deadlines deadlines, Callers callers) {
        this.limits = limits;
        this.deadlines = deadlines;
        this.callers = callers;
    }

    public record EndRequest(@Schema(required = true) LocalDate effectiveTo, @Schema(required = true, maxLength = 2000) String reason) {
    }

    /** Every limit, or those of one {@code code}, by code then start. */
    @GET
    @Operation(operationId = "listProcedureLimits", summary = "List procedure time limits")
    public List<ProcedureLimitView> list(@QueryParam("code") String code) {
        return limits.list(code == null || code.isBlank() ? null : code(code)).stream().map(ProcedureLimitView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getProcedureLimit", summary = "Get a procedure time limit")
    @APIResponse(responseCode = "200", description = "The limit.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = ProcedureLimitView.class)))
    public Response get(@PathParam("id") String id) {
        ProcedureLimit limit = limits.get(id(id));
        return Response.ok(ProcedureLimitView.of(limit)).tag(Versions.etag(limit.version)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "addProcedureLimit", summary = "Add a procedure time limit")
    @APIResponse(responseCode = "201", description = "The limit, added.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = ProcedureLimitView.class)))
    public Response add(ProcedureLimitRequest request) {
        ProcedureLimit limit = limits.add(Requests.requireBody(request), callers.current());
        return Response.created(URI.create("/api/awards/procedure-limits/" + limit.id)).entity(ProcedureLimitView.of(limit))
                .tag(Versions.etag(limit.version)).build();
    }

    /** Ends an open limit once, when the next text applies ({@code If-Match} required); audited. */
    @POST
    @Path("/{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "endProcedureLimit", summary = "End an open procedure time limit")
    @APIResponse(responseCode = "200", description = "The limit, ended.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = ProcedureLimitView.class)))
    public Response end(@PathParam("id") String id,
                        @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = ApiDocs.IF_MATCH_REQUIRED) String ifMatch,
                        EndRequest request) {
        Requests.requireBody(request);
        Versions.required(ifMatch);
        ProcedureLimit limit = limits.end(id(id), request.effectiveTo(), Text.clean(request.reason(), 2000, "reason", false), Versions.expected(ifMatch),
                callers.current());
        return Response.ok(ProcedureLimitView.of(limit)).tag(Versions.etag(limit.version)).build();
    }

    /**
     * The deadline a limit gives: {@code ?code=NATIONAL_RETURN_FAULTY&from=2026-12-14} for a count of working
     * days after {@code from} (several {@code code}s add up: {@code ?code=NATIONAL_SUBMIT_TO_PM&code=NATIONAL_CONSULTATION_EXTRA}),
     * {@code ?code=YEAR_END_DOSSIER_DUE&year=2026} for a day of the year.
     */
    @GET
    @Path("/due")
    @Operation(operationId = "computeDueDate", summary = "Compute the deadline a limit gives")
    public Deadlines.Due due(@QueryParam("code") List<String> codes, @QueryParam("from") String from, @QueryParam("year") String year) {
        List<String> limitCodes = (codes == null || codes.isEmpty() ? List.of("") : codes).stream().map(ProcedureLimitResource::code)
                .distinct().toList();
        if (limitCodes.size() > 10) {
            throw ProblemException.badRequest("invalid-procedure-limit-code", "procedure-limit.code", String.join(",", codes));
        }
        if (from != null && !from.isBlank()) {
            return deadlines.workingDaysAfter(day(from), limitCodes);
        }
        if (limitCodes.size() > 1) {
            throw ProblemException.badRequest("invalid-procedure-limit-code", "procedure-limit.code", String.join(",", codes));
        }
        return deadlines.dayOfYear(limitCodes.get(0),
                Requests.requiredYear(year, WorkingCalendarResource.MIN_YEAR, WorkingCalendarResource.MAX_YEAR));
    }

    private static String code(String raw) {
        String code = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (!ProcedureLimitRequest.CODE.matcher(code).matches()) {
            throw ProblemException.badRequest("invalid-procedure-limit-code", "procedure-limit.code", String.valueOf(raw));
        }
        return code;
    }

    private static long id(String raw) {
        Long id = Requests.optionalId(raw, "id");
        if (id == null) {
            throw ProblemException.badRequest("invalid-id", "problem.parameter.invalid-id", "id", String.valueOf(raw));
        }
        return id;
    }

    private static LocalDate day(String raw) {
        try {
            LocalDate day = LocalDate.parse(raw.strip());
            if (day.getYear() >= WorkingCalendarResource.MIN_YEAR && day.getYear() <= WorkingCalendarResource.MAX_YEAR) {
                return day;
            }
        } catch (DateTimeParseException malformed) {
            // answered below
        }
        throw ProblemException.badRequest("invalid-from", "calendar.day.date-invalid", raw);
    }
}
