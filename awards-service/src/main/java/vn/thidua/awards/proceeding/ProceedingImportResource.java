package vn.thidua.awards.proceeding;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import java.io.InputStream;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.Messages;
import vn.thidua.platform.web.SheetFile;
import vn.thidua.platform.web.Uploads;

/**
 * The agencies' cross-check lists (police, tax office, social insurance, inspectorate, ...; by 10/12):
 * the collectives under discipline review, investigation, inspection, audit or complaint verification,
 * recorded as proceedings (Decree 152/2025 Art. 4(4)).
 */
@Tag(name = "Proceedings", description = "Disciplinary and inspection proceedings against units.")
@Path("/api/awards/proceedings/import")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD})
public class ProceedingImportResource {
    static final SheetFile.Layout LAYOUT = new SheetFile.Layout(List.of("unit_code", "kind", "opened_on", "agency", "reference", "note"),
            Set.of("unit_code", "kind", "opened_on", "agency", "reference"), 20_000);
    private final ProceedingService proceedings;
    private final Callers callers;

    private final Uploads uploads;

    public ProceedingImportResource(ProceedingService proceedings, Callers callers, Uploads uploads) {
        this.uploads = uploads;
        this.proceedings = proceedings;
        this.callers = callers;
    }

    /**
     * A CSV (UTF-8) or XLSX with columns {@code unit_code, kind, opened_on, agency, reference, note} (note optional);
     * answers with what became of each row.
     */
    @POST
    @Consumes({SheetFile.CSV, SheetFile.XLSX})
    @Operation(operationId = "importProceedings", summary = "Import proceedings from CSV or XLSX")
    public ProceedingService.Report importLists(InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                                @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        var caller = callers.current();
        caller.requireBoardOrAdmin();
        // the caller checked first; then the file read, bounded, under the service's bound on uploads in flight
        try (Uploads.Upload upload = uploads.receive(body, contentLength, SheetFile.MAX_FILE_BYTES, seen -> SheetFile.fileTooLarge())) {
            return proceedings.importRows(SheetFile.read(upload.bytes(), contentType, LAYOUT), Messages.negotiate(acceptLanguage), caller);
        }
    }
}
