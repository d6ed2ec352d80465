package vn.thidua.units.person;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.Messages;
import vn.thidua.platform.web.SheetFile;
import vn.thidua.platform.web.Uploads;

/** People of many units at once, from a file: each row names its unit, and a unit's representative imports only its own. */
@Tag(name = "People")
@Path("/api/people")
@Produces(MediaType.APPLICATION_JSON)
public class PeopleImportResource {
    private final PersonImport imports;
    private final Callers callers;
    private final Uploads uploads;

    public PeopleImportResource(PersonImport imports, Callers callers, Uploads uploads) {
        this.imports = imports;
        this.callers = callers;
        this.uploads = uploads;
    }

    /** Registers or updates people (and their results of a year) from a CSV or XLSX file; answers with what happened to each row. */
    @POST
    @Path("/import")
    @Consumes({PersonSheet.CSV, PersonSheet.XLSX})
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.UNIT_REP, Roles.CLUSTER_LEADER})
    @Operation(operationId = "importPeople", summary = "Import people from CSV or XLSX")
    public PersonImport.Report importPeople(InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
                                            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        try (Uploads.Upload upload = uploads.receive(body, contentLength, SheetFile.MAX_FILE_BYTES, seen -> SheetFile.fileTooLarge())) {
            List<SheetFile.Row> rows = PersonSheet.read(upload.bytes(), contentType);
            return imports.importRows(rows, callers.current(), Messages.negotiate(acceptLanguage));
        }
    }

}
