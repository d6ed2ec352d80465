package vn.thidua.awards.vote;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import vn.thidua.platform.web.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.thidua.awards.vote.VotingService.Attendance;
import vn.thidua.awards.vote.VotingService.RunoffRequest;
import vn.thidua.awards.vote.VotingService.SessionRequest;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.ContentDisposition;
import vn.thidua.platform.web.ProblemException;
import vn.thidua.platform.web.Requests;

/** Voting sessions of cluster-years: the Board runs them, member units' representatives vote. */
@Tag(name = "Voting", description = "Cluster voting sessions: voter roll, secret ballots, receipts, results and minutes.")
@Path("/api/awards/voting-sessions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER, Roles.PORTAL})
public class VotingResource {
    private final VotingService voting;
    private final VotingRecords records;
    private final MinutesService minutes;
    private final Callers callers;
    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.HttpHeaders headers;

    public VotingResource(VotingService voting, VotingRecords records, MinutesService minutes, Callers callers) {
        this.records = records;
        this.voting = voting;
        this.minutes = minutes;
        this.callers = callers;
    }

    /** A ballot as the voter marks it: per contest, per candidate unit code, FOR, AGAINST or ABSTAIN. */
    public record BallotRequest(@Schema(required = true, minProperties = 1, description = "By contest (LEAD, LEADER, DEPUTY), by candidate unit code: "
            + "FOR, AGAINST or ABSTAIN. A candidate left out abstains.") Map<String, Map<String, String>> choices) {
    }

    /** The voter's proof that its ballot is in the box; it reveals nothing of the choices. */
    public record BallotReceipt(String receipt) {
    }

    /** A receipt to check, in the request body: never in a path or query, which access logs keep beside the caller. */
    public record ReceiptQuery(@Schema(required = true, pattern = "^[0-9a-f]{64}$") String receipt) {
    }

    /** Whether the ballot with that receipt is in the box (counted once the session is closed). */
    public record ReceiptCheck(boolean counted) {
    }

    @GET
    @Transactional
    @Operation(operationId = "listVotingSessions", summary = "List voting sessions")
    public List<SessionView> list(@QueryParam("year") @Parameter(required = true, schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "2100")) String year, @QueryParam("clusterId") String clusterId) {
        Caller caller = callers.current();
        return voting.list(Requests.requiredYear(year, 2000, 2100), Requests.optionalId(clusterId, "clusterId"), caller).stream()
                .map(session -> SessionView.of(session, caller, voting, locale())).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "createVotingSession", summary = "Create a voting session")
    @APIResponse(responseCode = "201", description = "The session, scheduled.", content = @Content(schema = @Schema(implementation = SessionView.class)))
    public Response create(SessionRequest request) {
        Caller caller = callers.current();
        VotingSession session = voting.create(Requests.requireBody(request), caller);
        return Response.created(URI.create("/api/awards/voting-sessions/" + session.id)).entity(SessionView.of(session, caller, voting, locale())).build();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(operationId = "getVotingSession", summary = "Get a voting session")
    public SessionView get(@PathParam("id") String id) {
        return view(id, voting::get);
    }

    @POST
    @Path("/{id}/open")
    @Transactional
    @Operation(operationId = "openVotingSession", summary = "Open a voting session")
    public SessionView open(@PathParam("id") String id) {
        return view(id, voting::open);
    }

    @POST
    @Path("/{id}/ballots")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "castBallot", summary = "Cast a unit's ballot")
    @APIResponse(responseCode = "201", description = "The ballot is in the box; the receipt is shown only now, to the voter.",
            content = @Content(schema = @Schema(implementation = BallotReceipt.class)))
    public Response cast(@PathParam("id") String id, BallotRequest request) {
        String receipt = voting.cast(sessionId(id), Requests.requireBody(request).choices(), callers.current());
        return Response.status(Response.Status.CREATED).entity(new BallotReceipt(receipt)).build();
    }

    @POST
    @Path("/{id}/close")
    @Transactional
    @Operation(operationId = "closeVotingSession", summary = "Close a voting session")
    public SessionView close(@PathParam("id") String id) {
        return view(id, voting::close);
    }

    @POST
    @Path("/{id}/publish")
    @Transactional
    @Operation(operationId = "publishVotingResult", summary = "Publish a voting session's result")
    public SessionView publish(@PathParam("id") String id) {
        return view(id, voting::publish);
    }

    @POST
    @Path("/{id}/runoff")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "startRunoff", summary = "Start a runoff voting session")
    @APIResponse(responseCode = "201", description = "The runoff session, scheduled.", content = @Content(schema = @Schema(implementation = SessionView.class)))
    public Response runoff(@PathParam("id") String id, RunoffRequest request) {
        Caller caller = callers.current();
        VotingSession session = voting.runoff(sessionId(id), Requests.requireBody(request), caller);
        return Response.created(URI.create("/api/awards/voting-sessions/" + session.id)).entity(SessionView.of(session, caller, voting, locale())).build();
    }

    /** The voter roll and how many units have voted; which ones only once closed. Never what they voted. */
    @GET
    @Path("/{id}/attendance")
    @Operation(operationId = "getVotingAttendance", summary = "Get a voting session's voter roll and turnout")
    public Attendance attendance(@PathParam("id") String id) {
        return records.attendance(sessionId(id), callers.current());
    }

    /** The receipts of every counted ballot, sorted: each voter finds its own, nobody learns anyone's choice. */
    @GET
    @Path("/{id}/receipts")
    @Operation(operationId = "listBallotReceipts", summary = "List the receipts of every counted ballot")
    public List<String> receipts(@PathParam("id") String id) {
        return records.receipts(sessionId(id), callers.current());
    }

    @POST
    @Path("/{id}/receipts/check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkBallotReceipt", summary = "Check that a ballot receipt was counted")
    public ReceiptCheck checkReceipt(@PathParam("id") String id, ReceiptQuery query) {
        return new ReceiptCheck(records.holds(sessionId(id), Requests.requireBody(query).receipt(), callers.current()));
    }

    /** The minutes (biên bản kiểm phiếu) as a PDF: a draft for the Board once closed, final once published. */
    @GET
    @Path("/{id}/minutes")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(operationId = "getVotingMinutes", summary = "Get the vote-count minutes (PDF)")
    @APIResponse(responseCode = "200", description = "The minutes: a draft once closed, final once published.",
            content = @Content(mediaType = ApiDocs.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response minutes(@PathParam("id") String id) {
        UUID sessionId = sessionId(id);
        byte[] pdf = minutes.render(sessionId, callers.current());
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", ContentDisposition.attachment("bien-ban-" + sessionId + ".pdf")).build();
    }

    /** Applies one step of the session's life (or a read) for the current caller and shows the session as that caller may see it. */
    private SessionView view(String id, java.util.function.BiFunction<UUID, Caller, VotingSession> step) {
        Caller caller = callers.current();
        return SessionView.of(step.apply(sessionId(id), caller), caller, voting, locale());
    }

    private java.util.Locale locale() {
        return vn.thidua.platform.web.Messages.negotiate(headers == null ? null
                : headers.getHeaderString(jakarta.ws.rs.core.HttpHeaders.ACCEPT_LANGUAGE));
    }

    private static UUID sessionId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("voting-session-not-found", "voting.not-found", id);
        }
    }
}
