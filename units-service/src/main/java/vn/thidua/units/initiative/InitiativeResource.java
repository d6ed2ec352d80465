package vn.thidua.units.initiative;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.Page;
import vn.thidua.platform.web.PageRequest;
import vn.thidua.platform.web.Requests;
import vn.thidua.platform.web.Text;
import vn.thidua.platform.web.Versions;
import vn.thidua.platform.web.openapi.ApiDocs;
import vn.thidua.units.person.PersonAccess;
import vn.thidua.units.person.YearResult;

@Tag(name = "Initiatives", description = "Initiatives (sáng kiến) of a unit's people and their recognitions by Initiative Councils.")
@Path("/api/initiatives")
@Produces(MediaType.APPLICATION_JSON)
public class InitiativeResource {
    private final InitiativeService initiatives;
    private final Callers callers;

    public InitiativeResource(InitiativeService initiatives, Callers callers) {
        this.initiatives = initiatives;
        this.callers = callers;
    }

    public record InitiativeRequest(@Schema(required = true, pattern = ApiDocs.UNIT_CODE_PATTERN, maxLength = ApiDocs.UNIT_CODE_MAX_LENGTH) String unitCode,
                                    @Schema(required = true, maxLength = 500) String title,
                                    @Schema(maxLength = 4000) String summary,
                                    @Schema(required = true) LocalDate registeredOn,
                                    @Schema(required = true, description = "The authors: people of the unit on the day registered; 1 to 20.") List<UUID> authors) {
    }

    public record RecognitionRequest(@Schema(required = true, enumeration = {"GRASSROOTS", "PROVINCE", "NATIONAL"}) String level,
                                     @Schema(required = true, enumeration = {"UNIT", "PROVINCE", "NATIONAL"}) String scope,
                                     @Schema(required = true, maxLength = 300) String issuer,
                                     @Schema(required = true, maxLength = 60) String decisionNumber,
                                     @Schema(required = true) LocalDate decidedOn) {
    }

    public record AuthorView(UUID personId, String fullName) {
    }

    public record RecognitionView(RecognitionLevel level, EffectScope scope, String issuer, String decisionNumber, LocalDate decidedOn) {
    }

    public record InitiativeView(UUID id, String unitCode, String title, String summary, LocalDate registeredOn, List<AuthorView> authors,
                                 List<RecognitionView> recognitions, long version) {
        static InitiativeView of(InitiativeService.Seen seen) {
            Initiative i = seen.initiative();
            boolean full = seen.view() == PersonAccess.View.FULL;
            return new InitiativeView(i.id, i.unitCode, i.title, full ? i.summary : null, i.registeredOn,
                    i.authors().stream().map(a -> new AuthorView(a.personId, seen.authorNames().get(a.personId))).toList(),
                    i.recognitions().stream().map(r -> new RecognitionView(r.level, r.scope, r.issuer, r.decisionNumber, r.decidedOn)).toList(),
                    i.version);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.UNIT_REP, Roles.CLUSTER_LEADER})
    @Operation(operationId = "registerInitiative", summary = "Register an initiative of a unit's people")
    @APIResponse(responseCode = "201", description = "The initiative.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = InitiativeView.class)))
    public Response register(InitiativeRequest request, UriInfo uri) {
        Requests.requireBody(request);
        InitiativeService.Seen seen = initiatives.register(request.unitCode(), Text.clean(request.title(), 500, "title", true),
                Text.clean(request.summary(), 4000, "summary", false), request.registeredOn(), request.authors(), callers.current());
        return Response.created(uri.getAbsolutePathBuilder().path(seen.initiative().id.toString()).build())
                .tag(Versions.etag(seen.initiative().version)).entity(InitiativeView.of(seen)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.COUNCIL_MEMBER})
    @Operation(operationId = "listInitiatives", summary = "A unit's initiatives, newest first")
    public Page<InitiativeView> list(@QueryParam("unit") @Parameter(required = true) String unit,
                                     @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        if (unit == null || unit.isBlank()) {
            throw Refusal.invalid("invalid-field", "problem.field.required", "unit");
        }
        Page<InitiativeService.Seen> found = initiatives.list(unit, PageRequest.of(page, size), callers.current());
        return new Page<>(found.items().stream().map(InitiativeView::of).toList(), found.page(), found.size(), found.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.COUNCIL_MEMBER})
    @Operation(operationId = "getInitiative", summary = "Get an initiative")
    @APIResponse(responseCode = "200", description = "The initiative.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = InitiativeView.class)))
    public Response get(@PathParam("id") String id) {
        InitiativeService.Seen seen = initiatives.read(id(id), callers.current());
        return Response.ok(InitiativeView.of(seen)).tag(Versions.etag(seen.initiative().version)).build();
    }

    @POST
    @Path("/{id}/recognitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.UNIT_REP, Roles.CLUSTER_LEADER})
    @Operation(operationId = "recogniseInitiative", summary = "Record an Initiative Council's recognition",
            description = "The unit records its own council's (GRASSROOTS); the Board any level. Once per level.")
    @APIResponse(responseCode = "200", description = "The initiative.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = InitiativeView.class)))
    public Response recognise(@PathParam("id") String id,
                              @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The version read; optional.") String ifMatch,
                              RecognitionRequest request) {
        Requests.requireBody(request);
        if (request.decidedOn() == null) {
            throw Refusal.invalid("invalid-field", "problem.field.required", "decidedOn");
        }
        Initiative.Recognition recognition = new Initiative.Recognition(YearResult.enumValue(RecognitionLevel.class, request.level(), "level", true),
                YearResult.enumValue(EffectScope.class, request.scope(), "scope", true), Text.clean(request.issuer(), 300, "issuer", true),
                Text.clean(request.decisionNumber(), 60, "decisionNumber", true), request.decidedOn());
        InitiativeService.Seen seen = initiatives.recognise(id(id), Versions.expected(ifMatch), recognition, callers.current());
        return Response.ok(InitiativeView.of(seen)).tag(Versions.etag(seen.initiative().version)).build();
    }

    private static UUID id(String raw) {
        try {
            return UUID.fromString(raw == null ? "" : raw.strip());
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("initiative-not-found", "initiative.not-found", raw);
        }
    }
}
