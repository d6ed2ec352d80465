package vn.thidua.awards.cash;

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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.ProblemException;
import vn.thidua.platform.web.Requests;
import vn.thidua.platform.web.Versions;

/** The base salary (mức lương cơ sở) by the day it takes effect: read by whoever reads decisions, set by the Board. */
@Tag(name = "Base salaries", description = "The statutory base salary by date, from which cash awards are computed.")
@Path("/api/awards/base-salaries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER, Roles.PORTAL})
public class BaseSalaryResource {
    static final int MIN_YEAR = 1945;
    static final int MAX_YEAR = 2100;
    private final BaseSalaryService salaries;
    private final Callers callers;

    public BaseSalaryResource(BaseSalaryService salaries, Callers callers) {
        this.salaries = salaries;
        this.callers = callers;
    }

    /** Every base salary, oldest first. */
    @GET
    @Operation(operationId = "listBaseSalaries", summary = "List base salaries")
    public List<BaseSalaryView> list() {
        return salaries.list().stream().map(BaseSalaryView::of).toList();
    }

    @GET
    @Path("/{effectiveFrom}")
    @Operation(operationId = "getBaseSalary", summary = "Get the base salary in force from a day")
    @APIResponse(responseCode = "200", description = "The base salary.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = BaseSalaryView.class)))
    public Response get(@PathParam("effectiveFrom") String effectiveFrom) {
        BaseSalary salary = salaries.get(day(effectiveFrom));
        return Response.ok(BaseSalaryView.of(salary)).tag(Versions.etag(salary.version)).build();
    }

    /** Sets the base salary from that day, a new day or a correction ({@code If-Match} honoured when given). */
    @PUT
    @Path("/{effectiveFrom}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "saveBaseSalary", summary = "Set or correct the base salary from a day")
    @APIResponse(responseCode = "200", description = "The base salary as saved.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = BaseSalaryView.class)))
    public Response save(@PathParam("effectiveFrom") String effectiveFrom,
                         @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) String ifMatch,
                         BaseSalaryRequest request) {
        BaseSalary salary = salaries.save(day(effectiveFrom), Requests.requireBody(request), Versions.expected(ifMatch), callers.current());
        return Response.ok(BaseSalaryView.of(salary)).tag(Versions.etag(salary.version)).build();
    }

    /** An ISO day ({@code 2026-07-01}) of a plausible year; 400 otherwise. */
    static LocalDate day(String raw) {
        try {
            LocalDate day = LocalDate.parse(raw == null ? "" : raw.strip());
            if (day.getYear() >= MIN_YEAR && day.getYear() <= MAX_YEAR) {
                return day;
            }
        } catch (DateTimeParseException malformed) {
            // answered below
        }
        throw ProblemException.badRequest("invalid-effective-from", "base-salary.effective-from.invalid", String.valueOf(raw), MIN_YEAR,
                MAX_YEAR);
    }
}
