package vn.thidua.units.unit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.ProblemException;

@Path("/api/units")
@Produces(MediaType.APPLICATION_JSON)
public class UnitResource {
    private final UnitService units;

    public UnitResource(UnitService units) {
        this.units = units;
    }

    /** What a client sends to register a unit. */
    public record NewUnit(String code, String name) {
    }

    /** A unit as the API shows it. */
    public record UnitView(String code, String name, long version, Instant createdAt, Instant updatedAt) {
        static UnitView of(Unit unit) {
            return new UnitView(unit.code, unit.name, unit.version, unit.createdAt, unit.updatedAt);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    public Response register(NewUnit request, UriInfo uri) {
        if (request == null) {
            throw ProblemException.badRequest("missing-body", "problem.body-missing");
        }
        Unit unit = units.register(UnitCode.parse(request.code()), UnitName.parse(request.name()));
        return Response.created(uri.getAbsolutePathBuilder().path(unit.code).build())
                .tag(etag(unit))
                .entity(UnitView.of(unit))
                .build();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER, Roles.PORTAL})
    public Response get(@PathParam("code") String code) {
        Unit unit = units.get(UnitCode.parse(code));
        return Response.ok(UnitView.of(unit)).tag(etag(unit)).build();
    }

    private static EntityTag etag(Unit unit) {
        return new EntityTag(Long.toString(unit.version));
    }
}
