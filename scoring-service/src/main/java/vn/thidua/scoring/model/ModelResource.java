package vn.thidua.scoring.model;

import jakarta.validation.constraints.Size;
import java.util.Locale;
import vn.thidua.platform.web.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.Page;
import vn.thidua.platform.web.PageRequest;
import vn.thidua.platform.web.ProblemException;
import vn.thidua.platform.web.Requests;
import vn.thidua.platform.web.Text;
import vn.thidua.platform.web.Versions;
import vn.thidua.platform.units.KnownUnit;

/**
 * Models and advanced examples (mô hình, điển hình tiên tiến): recorded by their unit, replicated by
 * others, recognised by the Board. Any role reads; the calls below say who writes.
 */
@Tag(name = "Models", description = "Exemplary models and their replication.")
@Path("/api/scoring/models")
// one transaction per call, so the answer reads what the call wrote
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER})
public class ModelResource {
    static final int MAX_EVIDENCE = 20;

    private final ModelService models;
    private final Callers callers;

    public ModelResource(ModelService models, Callers callers) {
        this.models = models;
        this.callers = callers;
    }

    public record ModelRequest(@Schema(required = true, maxLength = 35) String unitCode, @Schema(required = true) ModelKind kind,
                               @Schema(required = true, maxLength = 300) String title, @Schema(maxLength = 4000) String description,
                               @Schema(maxLength = 100) String field,
                               @Schema(required = true, minimum = "1945", description = "Not after next year.") Integer startedYear,
                               @Schema(maxItems = MAX_EVIDENCE) List<@Size(max = 1000) String> evidence) {
        ModelService.Draft draft() {
            List<String> links = new ArrayList<>();
            if (evidence != null) {
                if (evidence.size() > MAX_EVIDENCE) {
                    throw ProblemException.badRequest("invalid-field", "model.evidence.too-many", MAX_EVIDENCE);
                }
                evidence.forEach(link -> links.add(Text.clean(link, 1000, "evidence", true)));
            }
            return new ModelService.Draft(Text.clean(unitCode, 35, "unitCode", true), kind, Text.clean(title, 300, "title", true),
                    Text.clean(description, 4000, "description", false), Text.clean(field, 100, "field", false), startedYear, links);
        }
    }

    public record ReplicationRequest(@Schema(required = true, maxLength = 35) String unitCode, LocalDate adoptedOn,
                                     @Schema(maxLength = 2000) String note) {
    }

    public record RecognitionRequest(LocalDate recognisedOn, @Schema(required = true, maxLength = 2000) String reason) {
    }

    public record ReplicationView(String unitCode, String unitName, LocalDate adoptedOn, String note, String recordedBy,
                                  Instant recordedAt) {
    }

    public record ModelView(long id, String unitCode, String unitName, ModelKind kind, String title, String description,
                            String field, int startedYear, List<String> evidence, boolean recognised, LocalDate recognisedOn,
                            String recognitionReason, String recognisedBy, int replicationCount,
                            List<ReplicationView> replications, long version, String createdBy, Instant createdAt,
                            Instant updatedAt) {
    }

    public record ModelSummary(long id, String unitCode, String unitName, ModelKind kind, String title, String field,
                               int startedYear, boolean recognised, LocalDate recognisedOn, long replicationCount) {
    }

    public record Adopter(String unitCode, String unitName, LocalDate adoptedOn) {
    }

    /** A line of the report for the review conference: adoptions in the year only. */
    public record ReplicatedLine(long id, String unitCode, String unitName, ModelKind kind, String title, String field,
                                 int startedYear, boolean recognised, int adoptingUnits, List<Adopter> adopters) {
    }

    /** Records a model: a unit-rep or cluster-leader for its own unit, admin or board for any unit. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordModel", summary = "Record an exemplary model")
    @APIResponse(responseCode = "201", description = "The model, recorded.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = ModelView.class)))
    public Response create(ModelRequest request, UriInfo uri) {
        Requests.requireBody(request);
        ExemplaryModel model = models.create(request.draft(), callers.current());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(model.id)).build())
                .tag(Versions.etag(model.version)).entity(view(model)).build();
    }

    /**
     * The models that pass every filter given, a page at a time. {@code clusterId}: owned by a member of
     * that cluster-year; {@code field}: contains the words, ignoring case and accents; {@code year}: started
     * in that year <em>or</em> adopted by some unit in that year; {@code recognised}: true or false.
     */
    @GET
    @Operation(operationId = "listModels", summary = "List exemplary models")
    public Page<ModelSummary> list(@QueryParam("clusterId") String clusterId, @QueryParam("field") String field,
                                   @QueryParam("year") String year, @QueryParam("recognised") String recognised,
                                   @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest request = PageRequest.of(page, size);
        ModelService.Filter filter = new ModelService.Filter(Requests.optionalId(clusterId, "clusterId"), Text.clean(field, 100, "field", false),
                Requests.optionalYear(year, ModelRules.FIRST_YEAR, 2100), recognised(recognised));
        Page<ExemplaryModel> found = models.search(filter, request);
        List<Long> ids = found.items().stream().map(m -> m.id).toList();
        Map<Long, Long> counts = models.replicationCounts(ids);
        Map<String, String> names = KnownUnit.namesOf(found.items().stream().map(m -> m.ownerUnitCode).distinct().toList());
        List<ModelSummary> items = found.items().stream()
                .map(m -> new ModelSummary(m.id, m.ownerUnitCode, names.get(m.ownerUnitCode), m.kind, m.title, m.field,
                        m.startedYear, m.recognised(), m.recognisedOn, counts.getOrDefault(m.id, 0L)))
                .toList();
        return new Page<>(items, found.page(), found.size(), found.total());
    }

    /** The Board's report for the review conference: models replicated in the year, most adopting units first. */
    @GET
    @Path("/replicated")
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "reportReplicatedModels", summary = "Report models replicated in a year")
    public List<ReplicatedLine> replicated(@QueryParam("year") @Parameter(required = true) String year, @QueryParam("clusterId") String clusterId) {
        int wantedYear = Requests.requiredYear(year, ModelRules.FIRST_YEAR, 2100);
        List<ModelService.Replicated> lines = models.replicatedIn(wantedYear, Requests.optionalId(clusterId, "clusterId"));
        Set<String> codes = new HashSet<>();
        lines.forEach(line -> {
            codes.add(line.model().ownerUnitCode);
            line.adoptions().forEach(r -> codes.add(r.unitCode));
        });
        Map<String, String> names = KnownUnit.namesOf(codes);
        return lines.stream().map(line -> {
            ExemplaryModel m = line.model();
            List<Adopter> adopters = line.adoptions().stream()
                    .map(r -> new Adopter(r.unitCode, names.get(r.unitCode), r.adoptedOn)).toList();
            return new ReplicatedLine(m.id, m.ownerUnitCode, names.get(m.ownerUnitCode), m.kind, m.title, m.field,
                    m.startedYear, m.recognised(), adopters.size(), adopters);
        }).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getModel", summary = "Get an exemplary model")
    @APIResponse(responseCode = "200", description = "The model.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = ModelView.class)))
    public Response get(@PathParam("id") String id) {
        ExemplaryModel model = models.get(ModelRules.parseId(id));
        return Response.ok(view(model)).tag(Versions.etag(model.version)).build();
    }

    /** Another unit adopted the model: that unit's rep (or cluster-leader), or admin or board. */
    @POST
    @Path("/{id}/replications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordReplication", summary = "Record that another unit adopted a model")
    @APIResponse(responseCode = "201", description = "The model with the adoption.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = ModelView.class)))
    public Response replicate(@PathParam("id") String id, ReplicationRequest request) {
        long modelId = ModelRules.parseId(id);
        Requests.requireBody(request);
        ExemplaryModel model = models.replicate(modelId, Text.clean(request.unitCode(), 35, "unitCode", true),
                request.adoptedOn(), Text.clean(request.note(), 2000, "note", false), callers.current());
        return Response.created(URI.create("/api/scoring/models/" + model.id))
                .tag(Versions.etag(model.version)).entity(view(model)).build();
    }

    /** The Board recognises the model, once. */
    @POST
    @Path("/{id}/recognition")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recogniseModel", summary = "Recognise a model")
    @APIResponse(responseCode = "200", description = "The model, recognised.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = ModelView.class)))
    public Response recognise(@PathParam("id") String id, RecognitionRequest request) {
        long modelId = ModelRules.parseId(id);
        Requests.requireBody(request);
        ExemplaryModel model = models.recognise(modelId, request.recognisedOn(),
                Text.clean(request.reason(), 2000, "reason", true), callers.current());
        return Response.ok(view(model)).tag(Versions.etag(model.version)).build();
    }

    private ModelView view(ExemplaryModel model) {
        List<ModelReplication> replications = models.replicationsOf(model.id);
        Set<String> codes = new HashSet<>();
        codes.add(model.ownerUnitCode);
        replications.forEach(r -> codes.add(r.unitCode));
        Map<String, String> names = KnownUnit.namesOf(codes);
        List<ReplicationView> views = replications.stream()
                .map(r -> new ReplicationView(r.unitCode, names.get(r.unitCode), r.adoptedOn, r.note, r.recordedBy, r.recordedAt))
                .toList();
        return new ModelView(model.id, model.ownerUnitCode, names.get(model.ownerUnitCode), model.kind, model.title,
                model.description, model.field, model.startedYear, List.copyOf(model.evidence), model.recognised(),
                model.recognisedOn, model.recognitionReason, model.recognisedBy, views.size(), views, model.version,
                model.createdBy, model.createdAt, model.updatedAt);
    }




    private static Boolean recognised(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest("invalid-recognised", "model.query.recognised", raw);
        };
    }
}
