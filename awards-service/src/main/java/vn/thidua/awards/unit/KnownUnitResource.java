package vn.thidua.awards.unit;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
@Tag(name = "Awards units", description = "Units as the awards service knows them (from units-service events).")
@Path("/api/awards/units")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER, Roles.PORTAL})
public class KnownUnitResource {

    @GET
    @Operation(operationId = "listAwardsUnits", summary = "List units as the awards service knows them")
    public Page<KnownUnitView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return KnownUnitView.page(page, size);
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getAwardsUnit", summary = "Get a unit as the awards service knows it")
    public KnownUnitView get(@PathParam("code") String code) {
        return KnownUnitView.of(code);
    }
}
