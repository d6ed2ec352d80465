package vn.thidua.awards.proposal;

import vn.thidua.awards.calendar.Deadline;
import vn.thidua.platform.web.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiFunction;
import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.thidua.awards.catalogue.ChoiceView;
import vn.thidua.awards.condition.Outcome;
import vn.thidua.awards.condition.Verdict;
import vn.thidua.awards.condition.Vocabulary;
import vn.thidua.awards.proposal.ProposalService.ProposalRequest;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import java.io.InputStream;
import vn.thidua.platform.web.ContentDisposition;
import vn.thidua.platform.web.Messages;
import vn.thidua.platform.web.PdfDocument;
import vn.thidua.platform.web.Uploads;
import vn.thidua.platform.web.ProblemException;
import vn.thidua.platform.web.Requests;

/** Award proposals and their dossiers, from the cluster's vote to the decision. */
@Tag(name = "Proposals", description = "Award proposals: dossier, eligibility, attestations and their workflow.")
@Path("/api/awards/proposals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER, Roles.PORTAL})
public class ProposalResource {
    private final ProposalService proposals;
    private final BoardAppraisal appraisal;
    private final ProposalDecisions decisions;
    private final ProposalAttestations attestations;
    private final DossierService dossiers;
    private final ProposalExport exports;
    private final Callers callers;
    private final ProposalDeadlines deadlines;
    private final long maxFileBytes;
    @jakarta.ws.rs.core.Context
    HttpHeaders headers;

    private final Uploads uploads;

    public ProposalResource(ProposalService proposals, BoardAppraisal appraisal, ProposalDecisions decisions,
                            ProposalAttestations attestations, DossierService dossiers, ProposalExport exports, Callers callers,
                            ProposalDeadlines deadlines, Uploads uploads,
                            @ConfigProperty(name = "thidua.proposals.max-file-size", defaultValue = "10M") MemorySize maxFileSize) {
        this.uploads = uploads;
        this.proposals = proposals;
        this.appraisal = appraisal;
        this.decisions = decisions;
        this.attestations = attestations;
        this.dossiers = dossiers;
        this.exports = exports;
        this.deadlines = deadlines;
        this.callers = callers;
        this.maxFileBytes = maxFileSize.asLongValue();
    }

    public record ProposalView(long id, String unitCode,
                               @Schema(description = "The person proposed, for an award to persons; absent for a unit's.") UUID personId,
                               String personName, String awardTypeCode, int year, long clusterId, String clusterCode, long ruleSetId,
                               UUID votingSessionId, Integer rankingRank, BigDecimal rankingTotal, ProposalStatus status, String statusReason,
                               String legalGround, String decisionNumber, LocalDate decisionDate, String decidingAuthority,
                               List<Proposal.EarlierAward> earlierAwards, LocalDate receivedOn, LocalDate judgedOn,
                               ChoiceView ruleSetChosenBecause, UUID councilSessionId, String councilResult, Long submissionId,
                               List<Deadline> deadlines, long version, Instant createdAt,
                               Instant updatedAt) {
        static ProposalView of(Proposal p, Locale locale) {
            return of(p, locale, null);
        }

        /** With its deadlines (shown for one proposal; lists leave them out, null: GET /api/awards/deadlines has them all). */
        static ProposalView of(Proposal p, Locale locale, List<Deadline> deadlines) {
            return new ProposalView(p.id, p.unitCode, p.personId, p.personName, p.awardTypeCode, p.year, p.clusterId, p.clusterCode, p.ruleSetId, p.votingSessionId,
                    p.rankingRank, p.rankingTotal, p.status, p.statusReason, p.legalGround, p.decisionNumber, p.decisionDate,
                    p.decidingAuthority, p.earlierAwards, p.receivedOn,
                    p.ruleSetChosenBecause == null ? null : p.ruleSetChosenBecause.judgedOn(),
                    ChoiceView.of(p.ruleSetChosenBecause, ChoiceView.Occasion.DOSSIER, locale), p.councilSessionId, p.councilResult,
                    p.submissionId, deadlines, p.version, p.createdAt, p.updatedAt);
        }
    }

    /**
     * One condition with its outcome (PASS, FAIL, UNKNOWN) and the reason in the caller's language; a group
     * ({@code all}, {@code any}) with its members. {@code passed} is the outcome PASS.
     */
    public record VerdictView(String kind, java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> params, String citation,
                              String tag, Outcome outcome, boolean passed, String reason, List<VerdictView> children) {
        static VerdictView of(Verdict v, Locale locale) {
            return new VerdictView(v.kind(), v.params(), v.citation(), v.tag(), v.outcome(), v.passed(),
                    Messages.text(locale, v.messageKey(), v.args().toArray()), v.children().stream().map(c -> of(c, locale)).toList());
        }
    }

    /** {@code eligible} when every condition passes; {@code outcome} says whether what fails is known to fail or not known yet. */
    public record Eligibility(boolean eligible, Outcome outcome, ChoiceView ruleSetChosenBecause, List<VerdictView> rules) {
    }

    public record AttestationRequest(@Schema(required = true) Boolean holds, @Schema(required = true, maxLength = 2000) String basis) {
    }

    public record Reason(@Schema(required = true, maxLength = 2000) String reason,
                         @Schema(maxLength = 500, description = "The legal ground: required to revoke, not read otherwise.") String legalGround) {
    }

    public record TransitionView(ProposalStatus from, ProposalStatus to, String reason, String actor, Instant at) {
    }

    @GET
    @Operation(operationId = "listProposals", summary = "List proposals")
    public List<ProposalView> list(@QueryParam("year") @Parameter(required = true, schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "2100")) String year, @QueryParam("clusterId") String clusterId,
                                   @QueryParam("awardTypeCode") String awardTypeCode, @QueryParam("status") String status) {
        return proposals.list(Requests.requiredYear(year, 2000, 2100), Requests.optionalId(clusterId, "clusterId"), awardTypeCode,
                status(status), callers.current()).stream().map(p -> ProposalView.of(p, locale())).toList();
    }

    /** The list as it goes with a cover submission: an XLSX with Vietnamese headers, the same proposals as {@link #list}. */
    @GET
    @Path("/export")
    @Produces({vn.thidua.platform.web.Table.XLSX, MediaType.APPLICATION_JSON})
    @Operation(operationId = "exportProposals", summary = "Export proposals as XLSX")
    @APIResponse(responseCode = "200", description = "The proposals as a spreadsheet to save (`Content-Disposition`).",
            content = @Content(mediaType = ApiDocs.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response export(@QueryParam("year") @Parameter(required = true, schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "2100")) String year, @QueryParam("clusterId") String clusterId,
                           @QueryParam("awardTypeCode") String awardTypeCode, @QueryParam("status") String status) {
        int forYear = Requests.requiredYear(year, 2000, 2100);
        return exports.export(forYear, Requests.optionalId(clusterId, "clusterId"), awardTypeCode, status(status), callers.current())
                .xlsxDownload(ProposalListTable.SHEET, "danh-sach-de-nghi-khen-thuong-" + forYear + ".xlsx");
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createProposal", summary = "Create a proposal")
    @APIResponse(responseCode = "201", description = "The proposal, created.", content = @Content(schema = @Schema(implementation = ProposalView.class)))
    public Response create(ProposalRequest request) {
        Proposal proposal = proposals.create(Requests.requireBody(request), callers.current());
        return Response.created(URI.create("/api/awards/proposals/" + proposal.id)).entity(ProposalView.of(proposal, locale())).build();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(operationId = "getProposal", summary = "Get a proposal")
    public ProposalView get(@PathParam("id") long id) {
        Proposal proposal = proposals.get(id, callers.current());
        return ProposalView.of(proposal, locale(), deadlines.ofProposal(proposal));
    }

    @GET
    @Path("/{id}/eligibility")
    @Transactional
    @Operation(operationId = "getProposalEligibility", summary = "Get a proposal's eligibility")
    public Eligibility eligibility(@PathParam("id") long id) {
        Locale locale = locale();
        ProposalService.Judgement judgement = proposals.eligibility(id, callers.current());
        Outcome outcome = Vocabulary.outcome(judgement.verdicts());
        return new Eligibility(outcome == Outcome.PASS, outcome,
                ChoiceView.of(judgement.ruleSetChosenBecause(), ChoiceView.Occasion.DOSSIER, locale),
                judgement.verdicts().stream().map(v -> VerdictView.of(v, locale)).toList());
    }

    /** The Board's findings on the conditions only people can judge (ATTESTED), the latest of each. */
    @GET
    @Path("/{id}/attestations")
    @Operation(operationId = "listAttestations", summary = "List the Board's attestations on a proposal")
    public List<ProposalAttestations.AttestationRecord> attestations(@PathParam("id") long id) {
        return attestations.of(id, callers.current());
    }

    /** The Board finds that an ATTESTED condition ({@code key}) holds or not, and on what basis. */
    @PUT
    @Path("/{id}/attestations/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "attestCondition", summary = "Attest whether a condition holds")
    public ProposalAttestations.AttestationRecord attest(@PathParam("id") long id, @PathParam("key") String key, AttestationRequest request) {
        Requests.requireBody(request);
        String code = key == null ? "" : key.strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z0-9_]{2,40}")) {
            throw ProblemException.badRequest("invalid-attestation-key", "proposal.attestation.key", String.valueOf(key));
        }
        if (request.holds() == null) {
            throw ProblemException.unprocessable("invalid-field", "problem.field.required", "holds");
        }
        return attestations.attest(id, code, request.holds(), vn.thidua.platform.web.Text.clean(request.basis(), 2000, "basis", true),
                callers.current());
    }

    private Locale locale() {
        return Messages.negotiate(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getProposalHistory", summary = "Get a proposal's history")
    public List<TransitionView> history(@PathParam("id") long id) {
        return proposals.history(id, callers.current()).stream()
                .map(t -> new TransitionView(t.fromStatus, t.toStatus, t.reason, t.actor, t.at)).toList();
    }

    @POST
    @Path("/{id}/submit")
    @Operation(operationId = "submitProposal", summary = "Submit a proposal")
    public ProposalView submit(@PathParam("id") long id) {
        return step(id, proposals::submit);
    }

    @POST
    @Path("/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "returnProposal", summary = "Return a proposal to its proposer")
    public ProposalView returnToProposer(@PathParam("id") long id, Reason request) {
        return step(id, (proposal, caller) -> appraisal.returnToProposer(proposal, Requests.requireBody(request).reason(), caller));
    }

    @POST
    @Path("/{id}/rework")
    @Operation(operationId = "reworkProposal", summary = "Rework a returned proposal")
    public ProposalView rework(@PathParam("id") long id) {
        return step(id, proposals::rework);
    }

    @POST
    @Path("/{id}/appraisal")
    @Operation(operationId = "startAppraisal", summary = "Start appraising a proposal")
    public ProposalView startAppraisal(@PathParam("id") long id) {
        return step(id, appraisal::startAppraisal);
    }

    @POST
    @Path("/{id}/appraise")
    @Operation(operationId = "appraiseProposal", summary = "Record a proposal's appraisal")
    public ProposalView appraise(@PathParam("id") long id) {
        return step(id, appraisal::appraise);
    }

    @POST
    @Path("/{id}/forward")
    @Operation(operationId = "forwardProposal", summary = "Forward a proposal")
    public ProposalView forward(@PathParam("id") long id) {
        return step(id, appraisal::forward);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rejectProposal", summary = "Reject a proposal")
    public ProposalView reject(@PathParam("id") long id, Reason request) {
        return step(id, (proposal, caller) -> appraisal.reject(proposal, Requests.requireBody(request).reason(), caller));
    }

    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "revokeProposal", summary = "Revoke a proposal")
    public ProposalView revoke(@PathParam("id") long id, Reason request) {
        Reason body = Requests.requireBody(request);
        return step(id, (proposal, caller) -> decisions.revoke(proposal, body.reason(), body.legalGround(), caller));
    }

    @GET
    @Path("/{id}/files")
    @Operation(operationId = "listProposalFiles", summary = "List a proposal's dossier files")
    public List<Dossier.FileInfo> files(@PathParam("id") long id) {
        return dossiers.files(id, callers.current());
    }

    /** The unit's achievement report (báo cáo thành tích): a raw PDF body, its name in {@code X-File-Name}; replaces an earlier one. */
    @PUT
    @Path("/{id}/files/achievement-report")
    @Consumes("application/pdf")
    @Operation(operationId = "uploadAchievementReport", summary = "Upload the achievement report (PDF)")
    @APIResponse(responseCode = "201", description = "The report, stored (an earlier one replaced).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Dossier.FileInfo.class)))
    public Response achievementReport(@PathParam("id") long id, @HeaderParam("X-File-Name") @Parameter(required = true, description = "The file's name, as the dossier lists it.", schema = @Schema(type = SchemaType.STRING, maxLength = 255)) String fileName, InputStream body) {
        return upload(id, DossierFile.Kind.ACHIEVEMENT_REPORT, fileName, body);
    }

    /** Another attachment of the dossier: a raw PDF body, its name in {@code X-File-Name}. */
    @POST
    @Path("/{id}/files")
    @Consumes("application/pdf")
    @Operation(operationId = "uploadAttachment", summary = "Upload another dossier attachment (PDF)")
    @APIResponse(responseCode = "201", description = "The attachment, stored.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Dossier.FileInfo.class)))
    public Response attachment(@PathParam("id") long id, @HeaderParam("X-File-Name") @Parameter(required = true, description = "The file's name, as the dossier lists it.", schema = @Schema(type = SchemaType.STRING, maxLength = 255)) String fileName, InputStream body) {
        return upload(id, DossierFile.Kind.OTHER, fileName, body);
    }

    @GET
    @Path("/{id}/files/{fileId}")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(operationId = "downloadProposalFile", summary = "Download a dossier file")
    @APIResponse(responseCode = "200", description = "The file, with its name in `Content-Disposition`.",
            content = @Content(mediaType = ApiDocs.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response file(@PathParam("id") long id, @PathParam("fileId") long fileId) {
        DossierFile file = dossiers.file(id, fileId, callers.current());
        return Response.ok(file.content, "application/pdf").header("Content-Disposition", ContentDisposition.attachment(file.fileName))
                .header("Digest", "sha-256=" + java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(file.sha256)))
                .build();
    }

    /**
     * Who may upload here is checked before a byte of the body is read; then the body is read under the
     * service's bound on uploads in flight, to a temporary file, cut off past the file limit, parsed as a
     * PDF, and stored (the rights checked again under the proposal's lock).
     */
    private Response upload(long id, DossierFile.Kind kind, String fileName, InputStream body) {
        Caller caller = callers.current();
        String length = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        dossiers.requireUploadable(id, kind, declared(length), caller);
        try (Uploads.Upload upload = uploads.receive(body, length, maxFileBytes,
                seen -> PdfDocument.tooLarge(seen, maxFileBytes, "dossier-file", "proposal.dossier.file"))) {
            PdfDocument.verify(upload.file(), "dossier-file", "proposal.dossier.file");
            return uploaded(id, dossiers.upload(id, kind, fileName, upload, caller));
        }
    }

    private static long declared(String contentLength) {
        try {
            return contentLength == null ? -1 : Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The cover submission (tờ trình) as it would read if submitted now. */
    @GET
    @Path("/{id}/cover-submission")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(operationId = "previewCoverSubmission", summary = "Preview the cover submission")
    @APIResponse(responseCode = "200", description = "The cover submission as it would read now.",
            content = @Content(mediaType = ApiDocs.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response coverPreview(@PathParam("id") long id) {
        return Response.ok(dossiers.coverPreview(id, callers.current()), "application/pdf")
                .header("Content-Disposition", ContentDisposition.attachment("to-trinh-" + id + ".pdf")).build();
    }

    private Response uploaded(long id, DossierFile file) {
        return Response.created(URI.create("/api/awards/proposals/" + id + "/files/" + file.id))
                .entity(new Dossier.FileInfo(file.id, file.kind, file.fileName, file.sha256, file.sizeBytes, file.addedBy, file.addedAt)).build();
    }

    private ProposalView step(long id, BiFunction<Long, Caller, Proposal> step) {
        return ProposalView.of(step.apply(id, callers.current()), locale());
    }

    private static ProposalStatus status(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return ProposalStatus.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-status", "proposal.status.invalid", raw);
        }
    }
}
