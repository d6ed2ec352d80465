package vn.thidua.awards.quota;

import vn.thidua.platform.web.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
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
import java.time.Instant;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.ProblemException;
import vn.thidua.platform.web.Requests;
import vn.thidua.platform.web.Text;
import vn.thidua.platform.web.Versions;

/**
 * The base of the Government-flag quota for a year: the cluster-years with a recorded emulation leader (from
 * units-service) and the Board's count of leaders of clusters/blocks run outside the system, which it enters here.
 */
@Tag(name = "Quota base", description = "The base from which a year's award quotas are computed.")
@Path("/api/awards/quota-base/{year}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.VIEWER})
public class LeadersOutsideResource {
    private final Callers callers;
    private final ClusterDirectory clusters;

    public LeadersOutsideResource(Callers callers, ClusterDirectory clusters) {
        this.callers = callers;
        this.clusters = clusters;
    }

    public record OutsideRequest(@Schema(required = true, minimum = "0", maximum = "10000") Integer count,
                                 @Schema(required = true, maxLength = 1000) String note) {
    }

    public record QuotaBaseView(int year, int clusterYearsWithLeader, int leadersOutside, int total, String note, Long version,
                                String enteredBy, Instant enteredAt) {
    }

    @GET
    @Transactional
    @Operation(operationId = "getQuotaBase", summary = "Get a year's quota base")
    @APIResponse(responseCode = "200", description = "The year's quota base; `ETag` once the Board has entered its count.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = QuotaBaseView.class)))
    public Response get(@PathParam("year") int year) {
        return view(year(year), LeadersOutside.findById(year));
    }

    /** Enters (or corrects, with If-Match) the Board's count of leaders outside the system for the year. */
    @PUT
    @Path("/leaders-outside")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Transactional
    @Operation(operationId = "enterLeadersOutside", summary = "Enter the count of leaders outside the system")
    @APIResponse(responseCode = "200", description = "The year's quota base with the count.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = QuotaBaseView.class)))
    public Response enter(@PathParam("year") int year,
                          @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) String ifMatch,
                          OutsideRequest request) {
        Requests.requireBody(request);
        year(year);
        if (request.count() == null || request.count() < 0 || request.count() > 10_000) {
            throw ProblemException.unprocessable("invalid-field", "quota.outside.count");
        }
        String note = Text.clean(request.note(), 1000, "note", true);
        LeadersOutside entry = LeadersOutside.findById(year, LockModeType.PESSIMISTIC_WRITE);
        if (entry == null) {
            entry = new LeadersOutside();
            entry.year = year;
        } else {
            Versions.requireMatch(ifMatch, entry.version);
        }
        entry.count = request.count();
        entry.note = note;
        entry.enteredBy = callers.current().subject();
        entry.enteredAt = Instant.now();
        entry.persistAndFlush();
        return view(year, entry);
    }

    private Response view(int year, LeadersOutside outside) {
        int inSystem = clusters.clusterYearsWithEmulationLeader(year);
        int counted = outside == null ? 0 : outside.count;
        QuotaBaseView view = new QuotaBaseView(year, inSystem, counted, inSystem + counted, outside == null ? null : outside.note,
                outside == null ? null : outside.version, outside == null ? null : outside.enteredBy, outside == null ? null : outside.enteredAt);
        Response.ResponseBuilder response = Response.ok(view);
        return outside == null ? response.build() : response.tag(Versions.etag(outside.version)).build();
    }

    private static int year(int year) {
        if (year < 2000 || year > 2100) {
            throw ProblemException.unprocessable("invalid-field", "quota.year", year);
        }
        return year;
    }
}
