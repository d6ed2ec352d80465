package vn.thidua.awards.rating;

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

/** The yearly ratings of many units at once, as the Board receives them (the province's rating decisions). */
@Tag(name = "Task ratings", description = "Each unit's yearly task-completion rating.")
@Path("/api/awards/ratings/import")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD})
public class TaskRatingImportResource {
    static final SheetFile.Layout LAYOUT = new SheetFile.Layout(List.of("unit_code", "year", "rating", "source"),
            Set.of("unit_code", "year", "rating", "source"), 20_000);
    private final TaskRatingService ratings;
    private final Callers callers;

    private final Uploads uploads;

    public TaskRatingImportResource(TaskRatingService ratings, Callers callers, Uploads uploads) {
        this.uploads = uploads;
        this.ratings = ratings;
        this.callers = callers;
    }

    /** A CSV (UTF-8) or XLSX with columns {@code unit_code, year, rating, source}; answers with what became of each row. */
    @POST
    @Consumes({SheetFile.CSV, SheetFile.XLSX})
    @Operation(operationId = "importTaskRatings", summary = "Import task ratings from CSV or XLSX")
    public TaskRatingService.Report importRatings(InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                                  @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        var caller = callers.current();
        caller.requireBoardOrAdmin();
        // the caller checked first; then the file read, bounded, under the service's bound on uploads in flight
        try (Uploads.Upload upload = uploads.receive(body, contentLength, SheetFile.MAX_FILE_BYTES, seen -> SheetFile.fileTooLarge())) {
            return ratings.importRows(SheetFile.read(upload.bytes(), contentType, LAYOUT), Messages.negotiate(acceptLanguage), caller);
        }
    }
}
