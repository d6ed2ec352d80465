package vn.thidua.awards.ledger;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import java.io.InputStream;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.Messages;
import vn.thidua.platform.web.Page;
import vn.thidua.platform.web.PageRequest;
import vn.thidua.platform.web.ProblemException;
import vn.thidua.platform.web.Requests;
import vn.thidua.platform.web.SheetFile;
import vn.thidua.platform.web.Uploads;

/**
 * The award ledger (sổ khen thưởng): what each unit, or person of it, holds, streaks of years, and the import of awards from
 * before the system.
 */
@Tag(name = "Ledger", description = "Awards held by units, past and present.")
@Path("/api/awards/ledger")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER, Roles.PORTAL})
public class LedgerResource {
    private final LedgerService ledger;
    private final LedgerImport imports;
    private final Callers callers;

    private final Uploads uploads;

    public LedgerResource(LedgerService ledger, LedgerImport imports, Callers callers, Uploads uploads) {
        this.uploads = uploads;
        this.ledger = ledger;
        this.imports = imports;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "listLedgerEntries", summary = "List awards held (the ledger)")
    public Page<LedgerView> list(@QueryParam("unitCode") String unitCode, @QueryParam("awardTypeCode") String awardTypeCode,
                                 @QueryParam("year") String year, @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                                 @QueryParam("personId") @Parameter(description = "Only the awards of this person.") String personId) {
        return ledger.list(unitCode, personId(personId), awardTypeCode, Requests.optionalYear(year, ImportRow.MIN_YEAR, 2100),
                PageRequest.of(page, size), callers.current());
    }

    /** {@code years} consecutive years up to {@code until}: {@code {held, yearsHeld, missing}}; revoked awards do not count. */
    @GET
    @Path("/streak")
    @Operation(operationId = "getAwardStreak", summary = "Check consecutive years of an award")
    public LedgerService.StreakView streak(@QueryParam("unitCode") String unitCode, @QueryParam("awardTypeCode") String awardTypeCode,
                                           @QueryParam("years") String years, @QueryParam("until") String until,
                                           @QueryParam("personId") @Parameter(description = "The person's streak instead of the unit's.")
                                           String personId) {
        return ledger.streak(unitCode, personId(personId), awardTypeCode, wholeNumber(years, "years", 1, Streak.MAX_YEARS),
                wholeNumber(until, "until", ImportRow.MIN_YEAR, 2100), callers.current());
    }

    private static UUID personId(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException malformed) {
            throw ProblemException.badRequest("invalid-field", "ledger.person-id.invalid", raw);
        }
    }

    /** Past awards from a CSV or XLSX file; answers with what became of each row. */
    @POST
    @Path("/import")
    @Consumes({SheetFile.CSV, SheetFile.XLSX})
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "importLedgerEntries", summary = "Import past awards from CSV or XLSX")
    public LedgerImport.Report importEntries(InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                             @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        var caller = callers.current();
        caller.requireBoardOrAdmin();
        // the caller checked first; then the file read, bounded, under the service's bound on uploads in flight
        try (Uploads.Upload upload = uploads.receive(body, contentLength, SheetFile.MAX_FILE_BYTES, seen -> SheetFile.fileTooLarge())) {
            return imports.importRows(SheetFile.read(upload.bytes(), contentType, LedgerImport.LAYOUT), Messages.negotiate(acceptLanguage), caller);
        }
    }

    private static int wholeNumber(String raw, String parameter, int min, int max) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.badRequest("invalid-field", "problem.field.required", parameter);
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException malformed) {
            // answered below
        }
        throw ProblemException.badRequest("invalid-" + parameter, "ledger.parameter.invalid", parameter, min, max, raw);
    }
}
