package vn.thidua.awards.decision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.Requests;

/**
 * Award decisions (quyết định khen thưởng), recorded by the Board or posted by the Department of
 * Home Affairs portal. A new decision answers 201; the same decision posted again answers 200 with
 * what was recorded the first time.
 */
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
    public Response record(DecisionRequest request) {
        DecisionService.Recorded recorded = decisions.record(Requests.requireBody(request), callers.current());
        URI location = URI.create("/api/awards/decisions/" + recorded.decision().id());
        return recorded.created() ? Response.created(location).entity(recorded.decision()).build()
                : Response.ok(recorded.decision()).location(location).build();
    }

    @GET
    public List<DecisionView> list(@QueryParam("year") String year, @QueryParam("awardTypeCode") String awardTypeCode) {
        return decisions.list(Requests.optionalYear(year, DecisionRequest.MIN_YEAR, DecisionRequest.MAX_YEAR), awardTypeCode,
                callers.current());
    }

    @GET
    @Path("/{id}")
    public DecisionView get(@PathParam("id") long id) {
        return decisions.get(id, callers.current());
    }
}
