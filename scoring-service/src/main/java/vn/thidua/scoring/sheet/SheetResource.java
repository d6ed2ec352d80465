package vn.thidua.scoring.sheet;

import jakarta.validation.constraints.Size;
import java.util.Comparator;
import vn.thidua.platform.web.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.ProblemException;
import vn.thidua.platform.web.Table;
import vn.thidua.platform.web.Text;
import vn.thidua.platform.web.Versions;
import vn.thidua.scoring.criteria.CriteriaSet;
import vn.thidua.scoring.criteria.Criterion;
import vn.thidua.scoring.criteria.Stage;
import vn.thidua.platform.web.ContentDisposition;
import vn.thidua.scoring.export.ExportFile;
import vn.thidua.scoring.export.ExportFormat;

@Tag(name = "Sheets", description = "Scoring sheets, their scores and evidence.")
@Path("/api/scoring")
// one transaction per call, so the answer can read the criteria it shows
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER})
public class SheetResource {
    private static final int MAX_EVIDENCE = 20;
    private final SheetService sheets;
    private final Callers callers;

    public SheetResource(SheetService sheets, Callers callers) {
        this.sheets = sheets;
        this.callers = callers;
    }

    public record ScoreRequest(@Schema(required = true, minimum = "0", description = "At most the criterion's maximum points, 2 decimal places.") BigDecimal points,
                               @Schema(maxLength = 2000) String comment,
                               @Schema(maxItems = MAX_EVIDENCE, description = "Links to the unit's evidence files.") List<@Size(max = 2000) String> evidence,
                               @Schema(maxLength = 2000, description = "Required from the Board when it changes the points.") String explanation) {
    }

    public record ReasonRequest(@Schema(maxLength = 2000) String reason) {
    }

    public record ScoreView(String criterionCode, BigDecimal points, String comment, List<String> evidence, String explanation,
                            String updatedBy, Instant updatedAt) {
    }

    public record SheetView(long id, long criteriaSetId, Stage stage, String unitCode, String scorerCode, SheetStatus status,
                            Instant submittedAt, String submittedBy, long version, List<ScoreView> scores) {
    }

    public record SheetSummary(long id, Stage stage, String unitCode, String scorerCode, SheetStatus status, long version) {
    }

    public record AuditView(long sheetId, String criterionCode, String action, BigDecimal oldPoints, BigDecimal newPoints,
                            String reason, String actor, Instant at) {
    }

    @GET
    @Path("/sheets/{id}")
    @Operation(operationId = "getSheet", summary = "Get a scoring sheet")
    @APIResponse(responseCode = "200", description = "The sheet with its scores.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = SheetView.class)))
    public Response get(@PathParam("id") long id) {
        return view(sheets.read(id, callers.current()));
    }

    /** The sheet as a spreadsheet (XLSX, the default) or CSV, to print and sign. */
    @GET
    @Path("/sheets/{id}/export")
    @Produces({Table.XLSX, Table.CSV, MediaType.APPLICATION_JSON})
    @Operation(operationId = "exportSheet", summary = "Export a scoring sheet as XLSX or CSV")
    @APIResponse(responseCode = "200", description = "The file to save (`Content-Disposition`).", content = {
            @Content(mediaType = ApiDocs.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ApiDocs.CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response export(@PathParam("id") long id, @QueryParam("format") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"xlsx", "csv"}, defaultValue = "xlsx")) String format) {
        ExportFormat exportFormat = ExportFormat.parse(format);
        ScoreSheet sheet = sheets.read(id, callers.current());
        CriteriaSet set = CriteriaSet.findById(sheet.setId);
        return download(exportFormat.file(SheetTable.of(sheet, set, sheets.scoresOf(sheet)), "Phiếu chấm",
                "phieu-cham-" + sheet.stage.name().toLowerCase(Locale.ROOT) + "-" + sheet.unitCode + "-" + id));
    }

    private static Response download(ExportFile file) {
        return Response.ok(file.content(), file.mediaType())
                .header("Content-Disposition", ContentDisposition.attachment(file.fileName())).build();
    }

    @PUT
    @Path("/sheets/{id}/scores/{criterionCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "scoreCriterion", summary = "Score one criterion on a sheet")
    @APIResponse(responseCode = "200", description = "The sheet with the score.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = SheetView.class)))
    public Response score(@PathParam("id") long id, @PathParam("criterionCode") String criterionCode,
                          @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) String ifMatch,
                          ScoreRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("missing-body", "problem.body-missing");
        }
        List<String> evidence = request.evidence() == null ? List.of() : request.evidence().stream()
                .map(link -> Text.clean(link, 2000, "evidence", true)).toList();
        if (evidence.size() > MAX_EVIDENCE) {
            throw ProblemException.badRequest("invalid-field", "problem.field.too-long", "evidence", MAX_EVIDENCE);
        }
        ScoreEntry entry = new ScoreEntry(request.points(),
                Text.clean(request.comment(), 2000, "comment", false), evidence, Text.clean(request.explanation(), 2000, "explanation", false));
        return view(sheets.score(id, criterionCode, entry, Versions.expected(ifMatch), callers.current()));
    }

    @POST
    @Path("/sheets/{id}/submit")
    @Operation(operationId = "submitSheet", summary = "Submit a scoring sheet")
    @APIResponse(responseCode = "200", description = "The sheet, submitted.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = SheetView.class)))
    public Response submit(@PathParam("id") long id,
                           @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) String ifMatch) {
        return view(sheets.submit(id, Versions.expected(ifMatch), callers.current()));
    }

    @POST
    @Path("/sheets/{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "reopenSheet", summary = "Reopen a scoring sheet")
    @APIResponse(responseCode = "200", description = "The sheet, reopened.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = SheetView.class)))
    public Response reopen(@PathParam("id") long id, ReasonRequest request) {
        String reason = request == null ? null : Text.clean(request.reason(), 2000, "reason", false);
        return view(sheets.reopen(id, reason, callers.current()));
    }

    private Response view(ScoreSheet sheet) {
        Map<Long, String> codes = codesOf(sheet.setId);
        List<ScoreView> scores = sheets.scoresOf(sheet).stream()
                .map(s -> new ScoreView(codes.get(s.key.criterionId()), s.points, s.comment, s.evidence, s.explanation, s.updatedBy, s.updatedAt))
                .sorted(Comparator.comparing(ScoreView::criterionCode))
                .toList();
        SheetView view = new SheetView(sheet.id, sheet.setId, sheet.stage, sheet.unitCode, sheet.scorerCode, sheet.status,
                sheet.submittedAt, sheet.submittedBy, sheet.version, scores);
        return Response.ok(view).tag(Versions.etag(sheet.version)).build();
    }

    static Map<Long, String> codesOf(long setId) {
        CriteriaSet set = CriteriaSet.findById(setId);
        return set == null ? Map.of() : set.criteria().stream().collect(Collectors.toMap(c -> c.id, c -> c.code));
    }

    static Stage stage(String raw) {
        try {
            return Stage.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-field", "sheet.stage.invalid", raw);
        }
    }
}
