package vn.thidua.awards.catalogue;

import vn.thidua.awards.condition.AwardKind;
import vn.thidua.awards.condition.Recipient;
import vn.thidua.platform.time.VietnamTime;
import vn.thidua.platform.web.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
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
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.ProblemException;
import vn.thidua.platform.web.Requests;
import vn.thidua.platform.web.Text;
import vn.thidua.platform.web.Versions;

/** The award catalogue and its versioned rule sets. */
@Tag(name = "Award types", description = "The catalogue of award types and their rule sets.")
@Path("/api/awards/award-types")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER, Roles.PORTAL})
public class CatalogueResource {
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{2,40}");
    private final CatalogueService catalogue;
    private final Callers callers;

    public CatalogueResource(CatalogueService catalogue, Callers callers) {
        this.catalogue = catalogue;
        this.callers = callers;
    }

    /** The cash multiple is the rule set's now (a new decree must not rewrite what an earlier one paid). */
    public record AwardTypeRequest(@Schema(required = true, maxLength = 300) String name, @Schema(required = true) AwardLevel level,
                                   @Schema(required = true, maxLength = 300) String decidingAuthority,
                                   @Schema(description = "MERIT when left out.") AwardKind kind,
                                   @Schema(description = "Whom the award goes to: UNIT (a collective) or PERSON. UNIT for a new award type when "
                                           + "left out, unchanged for an existing one; it cannot change once the award has a rule set.")
                                   Recipient recipient) {
    }

    public record AwardTypeView(String code, String name, AwardLevel level, AwardKind kind, Recipient recipient, String decidingAuthority,
                                long version, Instant updatedAt) {
        static AwardTypeView of(AwardType t) {
            return new AwardTypeView(t.code, t.name, t.level, t.kind, t.recipient, t.decidingAuthority, t.version, t.updatedAt);
        }
    }

    public record EndRequest(@Schema(required = true) LocalDate effectiveTo, @Schema(required = true, maxLength = 2000) String reason) {
    }

    @GET
    @Operation(operationId = "listAwardTypes", summary = "List award types")
    public List<AwardTypeView> all() {
        return catalogue.all().stream().map(AwardTypeView::of).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getAwardType", summary = "Get an award type")
    @APIResponse(responseCode = "200", description = "The award type.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = AwardTypeView.class)))
    public Response get(@PathParam("code") String code) {
        AwardType type = catalogue.get(code(code));
        return Response.ok(AwardTypeView.of(type)).tag(Versions.etag(type.version)).build();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "saveAwardType", summary = "Create or change an award type")
    @APIResponse(responseCode = "200", description = "The award type as saved.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = AwardTypeView.class)))
    public Response save(@PathParam("code") String code,
                         @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) String ifMatch,
                         AwardTypeRequest request) {
        Requests.requireBody(request);
        AwardType type = catalogue.save(code(code), new CatalogueService.AwardTypeInput(Text.name(request.name(), 300, "name", true),
                request.level(), Text.clean(request.decidingAuthority(), 300, "decidingAuthority", true), request.kind(), request.recipient()),
                Versions.expected(ifMatch), callers.current());
        return Response.ok(AwardTypeView.of(type)).tag(Versions.etag(type.version)).build();
    }

    @GET
    @Path("/{code}/rule-sets")
    @Operation(operationId = "listRuleSets", summary = "List an award type's rule sets")
    public List<RuleSetView> ruleSets(@PathParam("code") String code) {
        catalogue.get(code(code));
        return catalogue.ruleSets(code(code)).stream().map(RuleSetView::of).toList();
    }

    /** The rule set in force on a day (today in Vietnam when {@code on} is left out). */
    @GET
    @Path("/{code}/rule-sets/in-force")
    @Operation(operationId = "getRuleSetInForce", summary = "Get the rule set in force on a day")
    public RuleSetView inForce(@PathParam("code") String code, @QueryParam("on") LocalDate on) {
        LocalDate day = on == null ? LocalDate.now(VietnamTime.ZONE) : on;
        return RuleSetView.of(catalogue.inForce(code(code), day));
    }

    @POST
    @Path("/{code}/rule-sets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addRuleSet", summary = "Add a rule set to an award type")
    @APIResponse(responseCode = "201", description = "The rule set, added.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = RuleSetView.class)))
    public Response addRuleSet(@PathParam("code") String code, RuleSetDefinition request) {
        Requests.requireBody(request);
        RuleSetDefinition definition = new RuleSetDefinition(Text.clean(request.legalBasis(), 500, "legalBasis", false),
                request.legalBasisDate(), request.legalBasisTag(), request.effectiveFrom(), request.effectiveTo(), request.transition(),
                request.transitionTag(), request.eligibility(), request.voting(),
                request.provincialChoices() == null ? null : request.provincialChoices().stream()
                        .map(choice -> Text.clean(choice, 200, "provincialChoices", false)).toList(),
                request.cashMultiple(), Text.clean(request.cashCitation(), 300, "cashCitation", false), request.cashTag(),
                request.council() == null ? null : new CouncilReview(request.council().body(), request.council().quorumPercent(),
                        request.council().quorumFraction(), request.council().thresholdPercent(), request.council().thresholdFraction(),
                        request.council().basis(), request.council().strictlyAbove(), request.council().writtenOpinionsCount(),
                        Text.clean(request.council().citation(), 300, "council.citation", false), request.council().tag(),
                        request.council().minimumBallotsForCounts()));
        RuleSet ruleSet = catalogue.addRuleSet(code(code), definition, callers.current());
        return Response.created(URI.create("/api/awards/award-types/" + ruleSet.awardTypeCode + "/rule-sets/" + ruleSet.id))
                .entity(RuleSetView.of(ruleSet)).tag(Versions.etag(ruleSet.version)).build();
    }

    @GET
    @Path("/{code}/rule-sets/{id}")
    @Operation(operationId = "getRuleSet", summary = "Get a rule set")
    @APIResponse(responseCode = "200", description = "The rule set.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = RuleSetView.class)))
    public Response ruleSet(@PathParam("code") String code, @PathParam("id") long id) {
        RuleSet ruleSet = catalogue.ruleSets(code(code)).stream().filter(r -> r.id == id).findFirst()
                .orElseThrow(() -> ProblemException.notFound("rule-set-not-found", "ruleset.not-found", id, code(code)));
        return Response.ok(RuleSetView.of(ruleSet)).tag(Versions.etag(ruleSet.version)).build();
    }

    /** Ends an open rule set once, when the next text applies (If-Match required); audited. */
    @POST
    @Path("/{code}/rule-sets/{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "endRuleSet", summary = "End an open rule set")
    @APIResponse(responseCode = "200", description = "The rule set, ended.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = RuleSetView.class)))
    public Response end(@PathParam("code") String code, @PathParam("id") long id,
                        @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = ApiDocs.IF_MATCH_REQUIRED) String ifMatch,
                        EndRequest request) {
        Requests.requireBody(request);
        Versions.required(ifMatch);
        RuleSet ruleSet = catalogue.end(code(code), id, request.effectiveTo(), Text.clean(request.reason(), 2000, "reason", false), Versions.expected(ifMatch),
                callers.current());
        return Response.ok(RuleSetView.of(ruleSet)).tag(Versions.etag(ruleSet.version)).build();
    }

    private static String code(String raw) {
        String code = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw ProblemException.badRequest("invalid-award-type-code", "award-type.code.invalid", String.valueOf(raw));
        }
        return code;
    }
}
