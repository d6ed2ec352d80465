package vn.thidua.awards.unit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.units.KnownUnitView;
import vn.thidua.platform.web.Page;

/** Read-only view of the units awards-service knows, for checking that it is in step. */
@Path("/api/awards/units")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER, Roles.PORTAL})
public class KnownUnitResource {

    @GET
    public Page<KnownUnitView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return KnownUnitView.page(page, size);
    }

    @GET
    @Path("/{code}")
    public KnownUnitView get(@PathParam("code") String code) {
        return KnownUnitView.of(code);
    }
}
