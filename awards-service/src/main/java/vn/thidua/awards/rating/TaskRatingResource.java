package vn.thidua.awards.rating;

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
import java.time.Instant;
import java.util.List;
import vn.thidua.awards.unit.UnitCodes;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.Requests;
import vn.thidua.platform.web.Text;
import vn.thidua.platform.web.Versions;

/** Each unit's yearly task-completion rating, which RATING_STREAK conditions read. */
@Tag(name = "Task ratings", description = "Each unit's yearly task-completion rating.")
@Path("/api/awards/units/{code}/ratings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.VIEWER, Roles.UNIT_REP, Roles.CLUSTER_LEADER})
public class TaskRatingResource {
    private final TaskRatingService ratings;
    private final Callers callers;

    public TaskRatingResource(TaskRatingService ratings, Callers callers) {
        this.ratings = ratings;
        this.callers = callers;
    }

    public record RatingRequest(@Schema(required = true) TaskRating.Level rating,
                                @Schema(required = true, maxLength = 500, description = "Where the rating comes from.") String source) {
    }

    public record RatingView(String unitCode, int year, TaskRating.Level rating, String source, long version, String recordedBy,
                             Instant recordedAt) {
        static RatingView of(TaskRating r) {
            return new RatingView(r.key.unitCode, r.key.year, r.rating, r.source, r.version, r.recordedBy, r.recordedAt);
        }
    }

    @GET
    @Operation(operationId = "listTaskRatings", summary = "List a unit's task ratings")
    public List<RatingView> list(@PathParam("code") String code) {
        return ratings.of(UnitCodes.parse(code), callers.current()).stream().map(RatingView::of).toList();
    }

    @PUT
    @Path("/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "recordTaskRating", summary = "Record a unit's task rating for a year")
    @APIResponse(responseCode = "200", description = "The rating as recorded.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = RatingView.class)))
    public Response record(@PathParam("code") String code, @PathParam("year") String year,
                           @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) String ifMatch,
                           RatingRequest request) {
        Requests.requireBody(request);
        TaskRating rating = ratings.record(new TaskRatingService.Entry(UnitCodes.parse(code), Requests.requiredYear(year, 1945, 2100),
                request.rating(), Text.clean(request.source(), 500, "source", false)), Versions.expected(ifMatch), callers.current());
        return Response.ok(RatingView.of(rating)).tag(Versions.etag(rating.version)).build();
    }
}
