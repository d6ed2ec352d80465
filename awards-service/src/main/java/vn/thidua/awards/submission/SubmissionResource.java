package vn.thidua.awards.submission;

import jakarta.transaction.Transactional;
import vn.thidua.awards.calendar.Deadline;
import vn.thidua.platform.web.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.thidua.awards.proposal.Proposal;
import vn.thidua.awards.proposal.ProposalStatus;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.ContentDisposition;
import vn.thidua.platform.web.Requests;
import vn.thidua.platform.web.Versions;

/** The province's submissions to the Prime Minister (tờ trình of the Chairman), and the national Board's answers. */
@Tag(name = "Submissions", description = "Cover submissions (tờ trình) of proposals to the deciding authority.")
@Path("/api/awards/submissions")
@Produces(MediaType.APPLICATION_JSON)
// one transaction a request: the view reads the submission's candidates and deadlines after the step
@Transactional
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.VIEWER, Roles.PORTAL})
public class SubmissionResource {
    private final SubmissionService submissions;
    private final Callers callers;
    private final SubmissionDeadlines deadlines;

    public SubmissionResource(SubmissionService submissions, Callers callers, SubmissionDeadlines deadlines) {
        this.submissions = submissions;
        this.deadlines = deadlines;
        this.callers = callers;
    }

    public record SendRequest(@Schema(description = "The day it left; today when left out.") LocalDate on) {
    }

    public record ReturnRequest(LocalDate on, @Schema(required = true, maxLength = 2000) String reason) {
    }

    public record AcceptRequest(LocalDate on, @Schema(maxLength = 200, description = "The national system's reference.") String reference) {
    }

    public record Candidate(long proposalId, String unitCode, String unitName, String awardTypeCode, String clusterCode,
                            ProposalStatus status, String councilResult, String href) {
    }

    public record SubmissionView(long id, int year, String number, String signedBy, LocalDate signedOn, ProvincialSubmission.Status status,
                                 LocalDate sentOn, LocalDate returnDue, LocalDate returnedOn, String returnReason, boolean returnedLate,
                                 LocalDate acceptedOn, LocalDate decisionDue, String nationalReference, List<Candidate> candidates,
                                 String documentSha256, String documentHref, List<Deadline> deadlines,
                                 long version, String createdBy, Instant createdAt) {
        static SubmissionView of(ProvincialSubmission s, List<Proposal> covered, List<Deadline> deadlines) {
            Map<String, String> names = SubmissionService.unitNames(covered);
            List<Candidate> candidates = covered.stream().map(p -> new Candidate(p.id, p.unitCode, names.get(p.unitCode), p.awardTypeCode,
                    p.clusterCode, p.status, p.councilResult, "/api/awards/proposals/" + p.id)).toList();
            return new SubmissionView(s.id, s.year, s.number, s.signedBy, s.signedOn, s.status, s.sentOn, s.returnDue, s.returnedOn,
                    s.returnReason, s.returnedLate(), s.acceptedOn, s.decisionDue, s.nationalReference, candidates, s.documentSha256,
                    "/api/awards/submissions/" + s.id + "/document", deadlines, s.version, s.createdBy, s.createdAt);
        }
    }

    @GET
    @Operation(operationId = "listSubmissions", summary = "List cover submissions")
    public List<SubmissionView> list(@QueryParam("year") Integer year) {
        return submissions.list(year, callers.current()).stream().map(this::view).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "draftSubmission", summary = "Draft a cover submission")
    @APIResponse(responseCode = "201", description = "The submission, drafted.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = SubmissionView.class)))
    public Response draft(SubmissionService.SubmissionRequest request) {
        Requests.requireBody(request);
        ProvincialSubmission submission = submissions.draft(request, callers.current());
        return Response.created(URI.create("/api/awards/submissions/" + submission.id)).entity(view(submission))
                .tag(Versions.etag(submission.version)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSubmission", summary = "Get a cover submission")
    @APIResponse(responseCode = "200", description = "The submission.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = SubmissionView.class)))
    public Response get(@PathParam("id") long id) {
        ProvincialSubmission submission = submissions.get(id, callers.current());
        return Response.ok(view(submission)).tag(Versions.etag(submission.version)).build();
    }

    @GET
    @Path("/{id}/document")
    @Produces("application/pdf")
    @Operation(operationId = "getSubmissionDocument", summary = "Get a cover submission's document")
    @APIResponse(responseCode = "200", description = "The submission's document.", content = @Content(mediaType = ApiDocs.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response document(@PathParam("id") long id) {
        ProvincialSubmission submission = submissions.get(id, callers.current());
        return Response.ok(submission.document, "application/pdf")
                .header("Content-Disposition", ContentDisposition.attachment("to-trinh-ubnd-" + submission.year + "-" + submission.id + ".pdf"))
                .build();
    }

    @POST
    @Path("/{id}/send")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "sendSubmission", summary = "Send a cover submission")
    public SubmissionView send(@PathParam("id") long id, SendRequest request) {
        return view(submissions.send(id, request == null ? null : request.on(), callers.current()));
    }

    @POST
    @Path("/{id}/returned")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.PORTAL})
    @Operation(operationId = "recordSubmissionReturned", summary = "Record that a submission was returned")
    public SubmissionView returned(@PathParam("id") long id, ReturnRequest request) {
        Requests.requireBody(request);
        return view(submissions.returned(id, request.on(), request.reason(), callers.current()));
    }

    @POST
    @Path("/{id}/accepted")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.PORTAL})
    @Operation(operationId = "recordSubmissionAccepted", summary = "Record that a submission was accepted")
    public SubmissionView accepted(@PathParam("id") long id, AcceptRequest request) {
        Requests.requireBody(request);
        return view(submissions.accepted(id, request.on(), request.reference(), callers.current()));
    }

    private SubmissionView view(ProvincialSubmission submission) {
        return SubmissionView.of(submission, submissions.covered(submission.id, callers.current()), deadlines.ofSubmission(submission));
    }
}
