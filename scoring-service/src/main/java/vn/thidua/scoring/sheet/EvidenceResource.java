package vn.thidua.scoring.sheet;

import vn.thidua.platform.web.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import java.io.InputStream;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.ContentDisposition;
import vn.thidua.platform.web.FileKind;
import vn.thidua.platform.web.ProblemException;
import vn.thidua.platform.web.Uploads;

/**
 * Evidence files. Upload with the raw file as the body ({@code application/pdf}, {@code image/png}
 * or {@code image/jpeg}) and its name in {@code X-File-Name}; put the answer's {@code link} in a
 * score's evidence.
 */
@Tag(name = "Sheets", description = "Scoring sheets, their scores and evidence.")
@Path("/api/scoring")
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER})
public class EvidenceResource {
    private final EvidenceService evidence;
    private final Callers callers;

    private final Uploads uploads;

    public EvidenceResource(EvidenceService evidence, Callers callers, Uploads uploads) {
        this.uploads = uploads;
        this.evidence = evidence;
        this.callers = callers;
    }

    public record EvidenceView(UUID id, String link, String fileName, String contentType, long size, String sha256,
                               String uploadedBy, Instant uploadedAt) {
        static EvidenceView of(EvidenceFile file) {
            return new EvidenceView(file.id, file.link(), file.fileName, file.contentType, file.sizeBytes, file.sha256,
                    file.uploadedBy, file.uploadedAt);
        }
    }

    /**
     * Who may add evidence to the sheet is checked before a byte of the body is read; then the body is
     * read under the service's bound on uploads in flight, to a temporary file, cut off past the limit,
     * checked to be the kind it claims, and stored.
     */
    @POST
    @Path("/sheets/{id}/evidence")
    @Consumes({"application/pdf", "image/png", "image/jpeg"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "uploadEvidence", summary = "Upload evidence to a scoring sheet")
    @APIResponse(responseCode = "201", description = "The file, stored; `link` is what a score's evidence names.",
            content = @Content(schema = @Schema(implementation = EvidenceView.class)))
    public Response upload(@PathParam("id") long sheetId,
                           @HeaderParam("X-File-Name") @Parameter(description = "The file's name (`minh-chung` when left out).",
                                   schema = @Schema(type = SchemaType.STRING, maxLength = 255)) String fileName,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        Caller caller = callers.current();
        evidence.requireUploadable(sheetId, declared(contentLength), caller);
        try (Uploads.Upload upload = uploads.receive(body, contentLength, evidence.maxSize(), seen -> evidence.tooLarge())) {
            FileKind kind = evidence.check(upload, contentType);
            EvidenceFile file = evidence.upload(sheetId, fileName, kind, upload, caller);
            return Response.created(URI.create(file.link())).entity(EvidenceView.of(file)).build();
        }
    }

    private static long declared(String contentLength) {
        try {
            return contentLength == null ? -1 : Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @GET
    @Path("/evidence/{fileId}")
    @Produces({"application/pdf", "image/png", "image/jpeg", MediaType.APPLICATION_JSON})
    @Operation(operationId = "downloadEvidence", summary = "Download an evidence file")
    @APIResponse(responseCode = "200", description = "The file as uploaded, in its own type.", content = {
            @Content(mediaType = ApiDocs.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response download(@PathParam("fileId") String fileId) {
        UUID id;
        try {
            id = UUID.fromString(fileId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("evidence-not-found", "evidence.not-found", fileId);
        }
        EvidenceFile file = evidence.read(id, callers.current());
        return Response.ok(file.content)
                .type(file.contentType)
                .tag("sha256-" + file.sha256)
                .header("Content-Disposition", ContentDisposition.inline(file.fileName))
                .build();
    }
}
