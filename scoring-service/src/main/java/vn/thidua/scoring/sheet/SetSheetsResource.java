package vn.thidua.scoring.sheet;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.scoring.criteria.Stage;

/** The sheets of one criteria set, and the trail of their changes. */
@Tag(name = "Sheets", description = "Scoring sheets, their scores and evidence.")
@Path("/api/scoring/criteria-sets/{setId}/sheets")
// one transaction per call, so the answer can read the criteria it shows
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER})
public class SetSheetsResource {
    private final SheetService sheets;
    private final Callers callers;

    public SetSheetsResource(SheetService sheets, Callers callers) {
        this.sheets = sheets;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "listSheets", summary = "List a criteria set's scoring sheets")
    public List<SheetResource.SheetSummary> list(@PathParam("setId") long setId, @QueryParam("stage") String stage, @QueryParam("unit") String unit) {
        Optional<Stage> wantedStage = Optional.ofNullable(stage).map(SheetResource::stage);
        return sheets.list(setId, wantedStage, Optional.ofNullable(unit), callers.current()).stream()
                .map(s -> new SheetResource.SheetSummary(s.id, s.stage, s.unitCode, s.scorerCode, s.status, s.version)).toList();
    }

    @GET
    @Path("/audit")
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "auditSheets", summary = "Audit a criteria set's scoring sheets")
    public List<SheetResource.AuditView> audit(@PathParam("setId") long setId) {
        Map<Long, String> codes = SheetResource.codesOf(setId);
        return sheets.audit(setId, callers.current()).stream()
                .map(a -> new SheetResource.AuditView(a.sheetId, a.criterionId == null ? null : codes.get(a.criterionId), a.action,
                        a.oldPoints, a.newPoints, a.reason, a.actor, a.at))
                .toList();
    }
}
