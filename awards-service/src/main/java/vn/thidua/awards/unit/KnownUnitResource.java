package vn.thidua.awards.unit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.Page;
import vn.thidua.platform.web.PageRequest;
import vn.thidua.platform.web.ProblemException;

/** Read-only view of the units awards-service knows, for checking that it is in step. */
@Path("/api/awards/units")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER, Roles.PORTAL})
public class KnownUnitResource {

    public record KnownUnitView(String code, String name, long version, Instant updatedAt) {
        static KnownUnitView of(KnownUnit unit) {
            return new KnownUnitView(unit.code, unit.name, unit.version, unit.updatedAt);
        }
    }

    @GET
    public Page<KnownUnitView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest request = PageRequest.of(page, size);
        var query = KnownUnit.<KnownUnit>findAll(io.quarkus.panache.common.Sort.by("code"));
        long total = query.count();
        var items = query.page(request.page(), request.size()).list().stream().map(KnownUnitView::of).toList();
        return new Page<>(items, request.page(), request.size(), total);
    }

    @GET
    @Path("/{code}")
    public KnownUnitView get(@PathParam("code") String code) {
        KnownUnit unit = KnownUnit.findById(code);
        if (unit == null) {
            throw ProblemException.notFound("unit-not-found", "unit.not-known", code);
        }
        return KnownUnitView.of(unit);
    }
}
