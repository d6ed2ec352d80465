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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.Requests;
import vn.thidua.platform.web.Versions;

/** The working calendar of a year (weekend days, holidays, make-up working days): read by everybody, entered whole by the Board. */
@Tag(name = "Working calendars", description = "Working days and holidays per year.")
@Path("/api/awards/working-calendars")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER, Roles.PORTAL})
public class WorkingCalendarResource {
    static final int MIN_YEAR = 1945;
    static final int MAX_YEAR = 2100;
    private final WorkingCalendarService calendars;
    private final Callers callers;

    public WorkingCalendarResource(WorkingCalendarService calendars, Callers callers) {
        this.calendars = calendars;
        this.callers = callers;
    }

    @GET
    @Path("/{year}")
    @Operation(operationId = "getWorkingCalendar", summary = "Get a year's working calendar")
    @APIResponse(responseCode = "200", description = "The year's calendar.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = WorkingCalendarView.class)))
    public Response get(@PathParam("year") String year) {
        WorkingCalendarYear found = calendars.get(Requests.requiredYear(year, MIN_YEAR, MAX_YEAR));
        return Response.ok(WorkingCalendarView.of(found)).tag(Versions.etag(found.version)).build();
    }

    /** Replaces the whole year; a year entered before needs {@code If-Match} (428 without, 412 stale). */
    @PUT
    @Path("/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "replaceWorkingCalendar", summary = "Replace a year's working calendar")
    @APIResponse(responseCode = "200", description = "The year's calendar as saved.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = WorkingCalendarView.class)))
    @APIResponse(responseCode = "428", description = "The year was entered before: `If-Match` is required to replace it.")
    public Response replace(@PathParam("year") String year,
                            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = ApiDocs.IF_MATCH_TO_REPLACE) String ifMatch,
                            WorkingCalendarRequest request) {
        WorkingCalendarYear saved = calendars.replace(Requests.requiredYear(year, MIN_YEAR, MAX_YEAR), Requests.requireBody(request), Versions.expected(ifMatch),
                callers.current());
        return Response.ok(WorkingCalendarView.of(saved)).tag(Versions.etag(saved.version)).build();
    }
}
