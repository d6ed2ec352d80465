package vn.thidua.scoring.criteria;

import vn.thidua.platform.domain.ExpectedVersion;
import vn.thidua.platform.web.openapi.ApiDocs;
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
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.ProblemException;
import vn.thidua.platform.web.Requests;
import vn.thidua.platform.web.Text;
import vn.thidua.platform.web.Versions;

@Tag(name = "Criteria sets", description = "A cluster's criteria sets and their life cycle.")
@Path("/api/scoring/criteria-sets")
// one transaction per call, so the answer can read the criteria it shows
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER})
public class CriteriaSetResource {
    private final CriteriaSetService sets;
    private final Callers callers;

    public CriteriaSetResource(CriteriaSetService sets, Callers callers) {
        this.sets = sets;
        this.callers = callers;
    }

    public record CriterionRequest(@Schema(required = true, pattern = "^[A-Za-z0-9.\\-]{1,20}$", description = "Unique in the set.") String code,
                                   @Schema(required = true, maxLength = 500) String title, @Schema(maxLength = 4000) String guidance,
                                   @Schema(required = true) CriterionKind kind,
                                   @Schema(required = true, minimum = "0", exclusiveMinimum = true) BigDecimal maxPoints,
                                   Boolean evidenceRequired, ComputedFrom computedFrom, BigDecimal pointsPerPercent,
                                   BigDecimal pointsPerItem) {
    }

    public record GroupRequest(@Schema(required = true, pattern = "^[A-Za-z0-9.\\-]{1,20}$", description = "Unique in the set.") String code,
                               @Schema(required = true, maxLength = 500) String title,
                               @Schema(required = true, minimum = "0") BigDecimal maxPoints,
                               @Schema(required = true, minItems = 1) List<CriterionRequest> criteria) {
    }

    /** A criteria set as the Board writes it; {@code clusterId} is used on creation only. */
    public record CriteriaSetRequest(@Schema(description = "The cluster-year: required to create, not read to redefine.") Long clusterId,
                                     @Schema(required = true, maxLength = 300) String title,
                                     @Schema(required = true, description = "100 or 1000: what the groups' maximum points add up to.") Integer scale,
                                     @Schema(minimum = "0", description = "0 when left out.") BigDecimal bonusCap, Boolean peerEnabled,
                                     Boolean peerTrimExtremes, @Schema(description = "BOARD when left out.") BoardReviewer boardReviewer,
                                     CriteriaDefinition.Deadlines deadlines,
                                     @Schema(description = "Highest minTotal first.") List<CriteriaDefinition.Band> bands,
                                     @Schema(uniqueItems = true) List<TieBreak> tieBreaks,
                                     @Schema(minimum = "0", exclusiveMinimum = true, maximum = "100",
                                             description = "Required with the WOMEN_SHARE tie-break; at most 2 decimal places.") BigDecimal womenShareThresholdPercent,
                                     @Schema(required = true, minItems = 1) List<GroupRequest> groups) {
        CriteriaDefinition definition() {
            // null items stay null: the definition's validation names them
            List<CriteriaDefinition.GroupDefinition> groupDefinitions = groups == null ? null : groups.stream()
                    .map(g -> g == null ? null : new CriteriaDefinition.GroupDefinition(code(g.code()),
                            Text.clean(g.title(), 500, "groups.title", false), g.maxPoints(),
                            g.criteria() == null ? null : g.criteria().stream().map(CriteriaSetRequest::criterion).toList()))
                    .toList();
            List<CriteriaDefinition.Band> cleanBands = bands == null ? null : bands.stream()
                    .map(b -> b == null ? null : new CriteriaDefinition.Band(Text.clean(b.label(), 100, "bands.label", false), b.minTotal()))
                    .toList();
            return new CriteriaDefinition(Text.clean(title, 300, "title", false), scale == null ? 0 : scale, bonusCap,
                    Boolean.TRUE.equals(peerEnabled), Boolean.TRUE.equals(peerTrimExtremes), boardReviewer, deadlines, cleanBands,
                    tieBreaks, womenShareThresholdPercent, groupDefinitions);
        }

        private static CriteriaDefinition.CriterionDefinition criterion(CriterionRequest c) {
            return c == null ? null : new CriteriaDefinition.CriterionDefinition(code(c.code()),
                    Text.clean(c.title(), 500, "criteria.title", false), Text.clean(c.guidance(), 4000, "criteria.guidance", false),
                    c.kind(), c.maxPoints(), Boolean.TRUE.equals(c.evidenceRequired()), c.computedFrom(), c.pointsPerPercent(),
                    c.pointsPerItem());
        }

        private static String code(String raw) {
            return raw == null ? null : raw.strip();
        }
    }

    public record ReasonRequest(@Schema(maxLength = 2000) String reason) {
    }

    public record CopyRequest(@Schema(required = true) Long clusterId) {
    }

    public record CriteriaSetView(long id, long clusterId, String title, int scale, BigDecimal bonusCap, CriteriaSetStatus status,
                                  boolean peerEnabled, boolean peerTrimExtremes, BoardReviewer boardReviewer,
                                  CriteriaDefinition.Deadlines deadlines, List<CriteriaDefinition.Band> bands, List<TieBreak> tieBreaks,
                                  BigDecimal womenShareThresholdPercent, List<CriteriaDefinition.GroupDefinition> groups, Long copiedFrom,
                                  boolean rankingFinalized, long version, Instant createdAt, Instant updatedAt) {
        static CriteriaSetView of(CriteriaSet set) {
            CriteriaDefinition d = set.definition();
            return new CriteriaSetView(set.id, set.clusterId, set.title, set.scale, set.bonusCap, set.status, set.peerEnabled,
                    set.peerTrimExtremes, set.boardReviewer, d.deadlines(), d.bands(), d.tieBreaks(), d.womenShareThresholdPercent(),
                    d.groups(), set.copiedFrom, set.finalizedVersion != null && set.finalizedVersion == set.version, set.version,
                    set.createdAt, set.updatedAt);
        }
    }

    public record AuditView(String action, String reason, String actor, Instant at) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createCriteriaSet", summary = "Create a criteria set")
    @APIResponse(responseCode = "201", description = "The set, created as a draft.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = CriteriaSetView.class)))
    public Response create(CriteriaSetRequest request, UriInfo uri) {
        Requests.requireBody(request);
        if (request.clusterId() == null) {
            throw ProblemException.badRequest("invalid-field", "problem.field.required", "clusterId");
        }
        CriteriaSet set = sets.create(request.clusterId(), request.definition(), callers.current());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(set.id)).build())
                .tag(Versions.etag(set.version)).entity(CriteriaSetView.of(set)).build();
    }

    @GET
    @Operation(operationId = "listCriteriaSets", summary = "List a cluster's criteria sets")
    public List<CriteriaSetView> ofCluster(@QueryParam("clusterId") @Parameter(required = true) Long clusterId) {
        if (clusterId == null) {
            throw ProblemException.badRequest("invalid-field", "problem.field.required", "clusterId");
        }
        return sets.ofCluster(clusterId, callers.current()).stream().map(CriteriaSetView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCriteriaSet", summary = "Get a criteria set")
    @APIResponse(responseCode = "200", description = "The set.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = CriteriaSetView.class)))
    public Response get(@PathParam("id") long id) {
        return view(sets.read(id, callers.current()));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "redefineCriteriaSet", summary = "Redefine a draft criteria set")
    @APIResponse(responseCode = "200", description = "The set as redefined.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = CriteriaSetView.class)))
    public Response redefine(@PathParam("id") long id,
                             @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = ApiDocs.IF_MATCH_REQUIRED) String ifMatch,
                             CriteriaSetRequest request) {
        Requests.requireBody(request);
        ExpectedVersion expected = Versions.requiredVersion(ifMatch);
        return view(sets.redefine(id, expected, request.definition(), callers.current()));
    }

    @POST
    @Path("/{id}/copy")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "copyCriteriaSet", summary = "Copy a criteria set")
    @APIResponse(responseCode = "201", description = "The copy, a new draft.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = CriteriaSetView.class)))
    public Response copy(@PathParam("id") long id, CopyRequest request, UriInfo uri) {
        Requests.requireBody(request);
        if (request.clusterId() == null) {
            throw ProblemException.badRequest("invalid-field", "problem.field.required", "clusterId");
        }
        CriteriaSet copy = sets.copy(id, request.clusterId(), callers.current());
        return Response.created(uri.getBaseUriBuilder().path("api/scoring/criteria-sets").path(Long.toString(copy.id)).build())
                .tag(Versions.etag(copy.version)).entity(CriteriaSetView.of(copy)).build();
    }

    @POST
    @Path("/{id}/publish")
    @Operation(operationId = "publishCriteriaSet", summary = "Publish a criteria set")
    @APIResponse(responseCode = "200", description = "The set, published.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = CriteriaSetView.class)))
    public Response publish(@PathParam("id") long id,
                            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) String ifMatch) {
        return view(sets.publish(id, Versions.expected(ifMatch), callers.current()));
    }

    @POST
    @Path("/{id}/close")
    @Operation(operationId = "closeCriteriaSet", summary = "Close a criteria set")
    @APIResponse(responseCode = "200", description = "The set, closed.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = CriteriaSetView.class)))
    public Response close(@PathParam("id") long id,
                          @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) String ifMatch) {
        return view(sets.close(id, Versions.expected(ifMatch), callers.current()));
    }

    @POST
    @Path("/{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reopenCriteriaSet", summary = "Reopen a criteria set")
    @APIResponse(responseCode = "200", description = "The set, reopened.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = CriteriaSetView.class)))
    public Response reopen(@PathParam("id") long id,
                           @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) String ifMatch,
                           ReasonRequest request) {
        String reason = request == null ? null : Text.clean(request.reason(), 2000, "reason", false);
        return view(sets.reopen(id, reason, Versions.expected(ifMatch), callers.current()));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "getCriteriaSetHistory", summary = "Get a criteria set's history")
    public List<AuditView> history(@PathParam("id") long id) {
        return sets.history(id).stream().map(a -> new AuditView(a.action, a.reason, a.actor, a.at)).toList();
    }

    private static Response view(CriteriaSet set) {
        return Response.ok(CriteriaSetView.of(set)).tag(Versions.etag(set.version)).build();
    }

}
