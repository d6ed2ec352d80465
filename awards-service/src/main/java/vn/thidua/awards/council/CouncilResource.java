package vn.thidua.awards.council;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import vn.thidua.platform.web.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.thidua.awards.catalogue.CouncilReview;
import vn.thidua.awards.council.CouncilService.AttendanceRequest;
import vn.thidua.awards.council.CouncilTerms.MemberRequest;
import vn.thidua.awards.council.CouncilService.SessionRequest;
import vn.thidua.awards.council.CouncilTerms.TermRequest;
import vn.thidua.awards.council.CouncilViews.MemberView;
import vn.thidua.awards.council.CouncilViews.SessionView;
import vn.thidua.awards.council.CouncilViews.TermView;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.ContentDisposition;
import vn.thidua.platform.web.ProblemException;
import vn.thidua.platform.web.Requests;
import vn.thidua.platform.web.Text;

/**
 * The provincial Emulation &amp; Commendation Council: its terms and members, its sessions and their secret
 * ballot. The Board runs it; viewers read it; Council members read their term's sessions and vote. Units'
 * representatives and cluster leaders have no business here (403 by role).
 */
@Tag(name = "Council", description = "The emulation and commendation council: terms, members, sessions and ballots.")
@Path("/api/awards")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.VIEWER, Roles.COUNCIL_MEMBER})
public class CouncilResource {
    private final CouncilService council;
    private final CouncilTerms terms;
    private final CouncilRecords records;
    private final CouncilBallots ballots;
    private final Callers callers;

    public CouncilResource(CouncilService council, CouncilTerms terms, CouncilRecords records, CouncilBallots ballots, Callers callers) {
        this.terms = terms;
        this.records = records;
        this.council = council;
        this.ballots = ballots;
        this.callers = callers;
    }

    public record TermBody(@Schema(required = true, maxLength = 300) String name, @Schema(required = true) LocalDate servesFrom,
                           @Schema(required = true, description = "Not before servesFrom.") LocalDate servesTo,
                           @Schema(required = true, maxLength = 300) String decisionNumber, @Schema(required = true) LocalDate decisionDate) {
    }

    public record MemberBody(@Schema(required = true, maxLength = 200) String fullName, @Schema(maxLength = 300) String position,
                             @Schema(required = true) CouncilRole role) {
    }

    public record SessionBody(@Schema(required = true, minimum = "2000", maximum = "2100") Integer year, @Schema(required = true) Long termId,
                              @Schema(required = true) CouncilReview.Body body, @Schema(required = true) LocalDate heldOn,
                              @Schema(required = true, maxLength = 300) String place) {
    }

    public record AgendaBody(@Schema(required = true, minItems = 1, maxItems = 200) List<Long> proposalIds) {
    }

    /** A ballot: {@code choices} by proposal id; {@code member} only when the Board records an absent member's written opinion. */
    public record BallotBody(@Schema(description = "The absent member whose written opinion the Board records; left out when a member votes.") String member,
                             @Schema(required = true, minProperties = 1, additionalProperties = vn.thidua.awards.vote.Choice.class,
                                     description = "A choice for every proposal on the agenda, by proposal id.") Map<String, String> choices) {
    }

    public record BallotReceipt(String receipt) {
    }

    // ---- terms and members

    @GET
    @Path("/council-terms")
    @Operation(operationId = "listCouncilTerms", summary = "List council terms")
    public List<TermView> terms() {
        return terms.terms(callers.current()).stream().map(TermView::of).toList();
    }

    @POST
    @Path("/council-terms")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "createCouncilTerm", summary = "Create a council term")
    @APIResponse(responseCode = "201", description = "The term, created.", content = @Content(schema = @Schema(implementation = TermView.class)))
    public Response createTerm(TermBody body) {
        Requests.requireBody(body);
        CouncilTerm term = terms.createTerm(new TermRequest(Text.name(body.name(), 300, "name", true), body.servesFrom(), body.servesTo(),
                Text.clean(body.decisionNumber(), 300, "decisionNumber", true), body.decisionDate()), callers.current());
        return Response.created(URI.create("/api/awards/council-terms/" + term.id)).entity(TermView.of(term)).build();
    }

    @GET
    @Path("/council-terms/{id}/members")
    @Operation(operationId = "listCouncilMembers", summary = "List a council term's members")
    public List<MemberView> members(@PathParam("id") String id) {
        return terms.members(termId(id), callers.current()).stream().map(MemberView::of).toList();
    }

    @POST
    @Path("/council-terms/{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "addCouncilMember", summary = "Add a member to a council term")
    @APIResponse(responseCode = "201", description = "The member, added.", content = @Content(schema = @Schema(implementation = MemberView.class)))
    public Response addMember(@PathParam("id") String id, MemberBody body) {
        Requests.requireBody(body);
        CouncilMember member = terms.addMember(termId(id), new MemberRequest(Text.name(body.fullName(), 200, "fullName", true),
                Text.clean(body.position(), 300, "position", false), body.role()), callers.current());
        return Response.created(URI.create("/api/awards/council-terms/" + member.termId + "/members")).entity(MemberView.of(member)).build();
    }

    // ---- sessions

    @GET
    @Path("/council-sessions")
    @Transactional
    @Operation(operationId = "listCouncilSessions", summary = "List council sessions")
    public List<SessionView> sessions(@QueryParam("year") @Parameter(required = true, schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "2100")) String year) {
        Caller caller = callers.current();
        return council.list(Requests.requiredYear(year, 2000, 2100), caller).stream().map(s -> CouncilViews.of(s, caller, council, ballots)).toList();
    }

    @POST
    @Path("/council-sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Transactional
    @Operation(operationId = "createCouncilSession", summary = "Create a council session")
    @APIResponse(responseCode = "201", description = "The session, scheduled.", content = @Content(schema = @Schema(implementation = SessionView.class)))
    public Response create(SessionBody body) {
        Requests.requireBody(body);
        Caller caller = callers.current();
        CouncilSession session = council.create(new SessionRequest(body.year(), body.termId(), body.body(), body.heldOn(),
                Text.clean(body.place(), 300, "place", true)), caller);
        return Response.created(URI.create("/api/awards/council-sessions/" + session.id)).entity(CouncilViews.of(session, caller, council, ballots))
                .build();
    }

    @GET
    @Path("/council-sessions/{id}")
    @Transactional
    @Operation(operationId = "getCouncilSession", summary = "Get a council session")
    public SessionView session(@PathParam("id") String id) {
        return view(id, council::get);
    }

    @POST
    @Path("/council-sessions/{id}/agenda")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Transactional
    @Operation(operationId = "addToCouncilAgenda", summary = "Add proposals to a council session's agenda")
    public SessionView addToAgenda(@PathParam("id") String id, AgendaBody body) {
        Requests.requireBody(body);
        return view(id, (sessionId, caller) -> council.addToAgenda(sessionId, body.proposalIds(), caller));
    }

    @PUT
    @Path("/council-sessions/{id}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Transactional
    @Operation(operationId = "recordCouncilAttendance", summary = "Record a council session's attendance")
    public SessionView attendance(@PathParam("id") String id, AttendanceRequest body) {
        Requests.requireBody(body);
        return view(id, (sessionId, caller) -> council.recordAttendance(sessionId, body, caller));
    }

    @POST
    @Path("/council-sessions/{id}/open")
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Transactional
    @Operation(operationId = "openCouncilSession", summary = "Open a council session")
    public SessionView open(@PathParam("id") String id) {
        return view(id, council::open);
    }

    @POST
    @Path("/council-sessions/{id}/ballots")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.COUNCIL_MEMBER})
    @Operation(operationId = "castCouncilBallot", summary = "Cast a council member's ballot")
    @APIResponse(responseCode = "201", description = "The ballot is in the box; the receipt is shown only now, to the voter.",
            content = @Content(schema = @Schema(implementation = BallotReceipt.class)))
    public Response cast(@PathParam("id") String id, BallotBody body) {
        Requests.requireBody(body);
        String receipt = council.cast(sessionId(id), body.member(), body.choices(), callers.current());
        return Response.status(Response.Status.CREATED).entity(new BallotReceipt(receipt)).build();
    }

    @POST
    @Path("/council-sessions/{id}/close")
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Transactional
    @Operation(operationId = "closeCouncilSession", summary = "Close a council session")
    public SessionView close(@PathParam("id") String id) {
        return view(id, council::close);
    }

    @POST
    @Path("/council-sessions/{id}/publish")
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Transactional
    @Operation(operationId = "publishCouncilResult", summary = "Publish a council session's result")
    public SessionView publish(@PathParam("id") String id) {
        return view(id, council::publish);
    }

    /** The receipts of every counted ballot, sorted: each member finds its own, nobody learns anyone's choice. */
    @GET
    @Path("/council-sessions/{id}/receipts")
    @Operation(operationId = "listCouncilBallotReceipts", summary = "List the receipts of every counted council ballot")
    public List<String> receipts(@PathParam("id") String id) {
        return records.receipts(sessionId(id), callers.current());
    }

    /** The minutes (biên bản họp xét) as published: the same bytes every time. */
    @GET
    @Path("/council-sessions/{id}/minutes")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(operationId = "getCouncilMinutes", summary = "Get the council session's minutes (PDF)")
    @APIResponse(responseCode = "200", description = "The minutes as published.",
            content = @Content(mediaType = ApiDocs.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response minutes(@PathParam("id") String id) {
        UUID sessionId = sessionId(id);
        byte[] pdf = records.minutes(sessionId, callers.current());
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", ContentDisposition.attachment("bien-ban-hoi-dong-" + sessionId + ".pdf")).build();
    }

    private SessionView view(String id, java.util.function.BiFunction<UUID, Caller, CouncilSession> step) {
        Caller caller = callers.current();
        return CouncilViews.of(step.apply(sessionId(id), caller), caller, council, ballots);
    }

    private static UUID sessionId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw CouncilService.notFound(id);
        }
    }

    private static long termId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("council-term-not-found", "council.term.not-found", id);
        }
    }
}
