package vn.thidua.awards.deadline;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.thidua.awards.calendar.Deadline;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.ProblemException;

/** {@code GET /api/awards/deadlines?year=}: what is due, late or returned in the year, for the caller. */
@Tag(name = "Deadlines", description = "Deadlines that apply to proposals and submissions.")
@Path("/api/awards/deadlines")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.VIEWER, Roles.PORTAL, Roles.UNIT_REP, Roles.CLUSTER_LEADER})
public class DeadlineResource {
    private final DeadlineService deadlines;
    private final Callers callers;

    public DeadlineResource(DeadlineService deadlines, Callers callers) {
        this.deadlines = deadlines;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "listDeadlines", summary = "List deadlines")
    public List<Deadline> list(@QueryParam("year") Integer year) {
        if (year == null || year < 2000 || year > 2100) {
            throw ProblemException.badRequest("invalid-query", "quota.year", String.valueOf(year));
        }
        return deadlines.of(year, callers.current());
    }
}
