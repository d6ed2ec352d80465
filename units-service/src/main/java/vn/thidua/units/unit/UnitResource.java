package vn.thidua.units.unit;

import vn.thidua.platform.domain.ExpectedVersion;
import vn.thidua.platform.web.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import java.io.InputStream;
import vn.thidua.platform.web.Uploads;
import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.Messages;
import vn.thidua.platform.web.Page;
import vn.thidua.platform.web.PageRequest;
import vn.thidua.platform.web.ProblemException;
import vn.thidua.platform.web.Requests;
import vn.thidua.platform.web.SheetFile;
import vn.thidua.platform.web.Text;
import vn.thidua.platform.web.Versions;

@Tag(name = "Units", description = "Units: registration, details and status.")
@Path("/api/units")
@Produces(MediaType.APPLICATION_JSON)
public class UnitResource {
    private final UnitService units;
    private final UnitImport imports;
    private final Callers callers;

    private final Uploads uploads;

    public UnitResource(UnitService units, UnitImport imports, Callers callers, Uploads uploads) {
        this.uploads = uploads;
        this.units = units;
        this.imports = imports;
        this.callers = callers;
    }

    public record ContactRequest(@Schema(maxLength = 200) String person,
                                 @Schema(maxLength = 30, pattern = "^\\+?[0-9][0-9 ().-]{5,28}$") String phone,
                                 @Schema(maxLength = 254, format = "email") String email) {
    }

    /** What a client sends to register or replace a unit; {@code code} is ignored on replace. */
    public record UnitRequest(@Schema(pattern = ApiDocs.UNIT_CODE_PATTERN, maxLength = ApiDocs.UNIT_CODE_MAX_LENGTH, description = "Required to register; not read on replace.") String code,
                              @Schema(required = true, maxLength = UnitName.MAX_LENGTH) String name, @Schema(maxLength = 100) String shortName,
                              @Schema(enumeration = {"MASS_ORGANISATION", "DEPARTMENT", "DISTRICT", "COMMUNE", "ENTERPRISE", "OTHER"}, description = "OTHER when left out; case and `-` for `_` forgiven.") String kind,
                              @Schema(pattern = ApiDocs.UNIT_CODE_PATTERN, maxLength = ApiDocs.UNIT_CODE_MAX_LENGTH) String parentCode,
                              @Schema(maxLength = 10, pattern = "^[0-9]{2,10}$") String administrativeAreaCode, ContactRequest contact) {
        UnitDetails details() {
            ContactRequest c = contact == null ? new ContactRequest(null, null, null) : contact;
            return UnitDetails.parse(name, shortName, kind, parentCode, administrativeAreaCode,
                    UnitDetails.Contact.parse(c.person(), c.phone(), c.email()));
        }
    }

    public record StatusRequest(@Schema(required = true, enumeration = {"ACTIVE", "MERGED", "DISSOLVED"}, description = "Case forgiven.") String status,
                                @Schema(required = true) LocalDate effectiveFrom,
                                @Schema(pattern = ApiDocs.UNIT_CODE_PATTERN, maxLength = ApiDocs.UNIT_CODE_MAX_LENGTH, description = "The unit it merged into: required for MERGED.") String mergedInto,
                                @Schema(maxLength = 1000) String reason) {
    }

    public record ContactView(String person, String phone, String email) {
    }

    /** A unit as the API shows it. */
    public record UnitView(String code, String name, String shortName, UnitKind kind, String parentCode,
                           String administrativeAreaCode, ContactView contact, UnitStatus status,
                           LocalDate statusEffectiveFrom, String mergedIntoCode, long version,
                           Instant createdAt, Instant updatedAt) {
        static UnitView of(Unit unit) {
            return new UnitView(unit.code, unit.name, unit.shortName, unit.kind, unit.parentCode, unit.administrativeAreaCode,
                    new ContactView(unit.contactPerson, unit.contactPhone, unit.contactEmail), unit.status,
                    unit.statusEffectiveFrom, unit.mergedIntoCode, unit.version, unit.createdAt, unit.updatedAt);
        }
    }

    public record StatusChangeView(UnitStatus status, LocalDate effectiveFrom, String mergedIntoCode, String reason,
                                   String changedBy, Instant changedAt) {
        static StatusChangeView of(UnitStatusChange change) {
            return new StatusChangeView(change.status, change.effectiveFrom, change.mergedIntoCode, change.reason,
                    change.changedBy, change.changedAt);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "registerUnit", summary = "Register a unit")
    @APIResponse(responseCode = "201", description = "The unit, registered.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    public Response register(UnitRequest request, UriInfo uri) {
        Requests.requireBody(request);
        Unit unit = units.register(UnitCode.parse(request.code()), request.details());
        return Response.created(uri.getAbsolutePathBuilder().path(unit.code).build())
                .tag(Versions.etag(unit.version))
                .entity(UnitView.of(unit))
                .build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER, Roles.PORTAL})
    @Operation(operationId = "listUnits", summary = "List units")
    public Page<UnitView> list(@QueryParam("q") String text, @QueryParam("kind") String kind,
                               @QueryParam("parent") String parent, @QueryParam("status") String status,
                               @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        UnitService.UnitQuery query = new UnitService.UnitQuery(text, kind == null ? null : UnitDetails.kind(kind),
                parent, status == null ? null : status(status));
        Page<Unit> found = units.search(query, PageRequest.of(page, size), callers.current());
        return new Page<>(found.items().stream().map(UnitView::of).toList(), found.page(), found.size(), found.total());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER, Roles.PORTAL})
    @Operation(operationId = "getUnit", summary = "Get a unit")
    @APIResponse(responseCode = "200", description = "The unit.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    public Response get(@PathParam("code") String code) {
        Unit unit = units.read(UnitCode.parse(code), callers.current());
        return Response.ok(UnitView.of(unit)).tag(Versions.etag(unit.version)).build();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.UNIT_REP})
    @Operation(operationId = "updateUnit", summary = "Change a unit")
    @APIResponse(responseCode = "200", description = "The unit as changed.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    public Response update(@PathParam("code") String code,
                           @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = ApiDocs.IF_MATCH_REQUIRED) String ifMatch,
                           UnitRequest request) {
        Requests.requireBody(request);
        // the body's code is ignored on replace; one naming another unit is an attempt to act for it
        if (request.code() != null && !request.code().isBlank() && !request.code().strip().equals(code.strip())) {
            callers.current().requireBoardOrActsFor(request.code().strip());
        }
        ExpectedVersion expected = Versions.requiredVersion(ifMatch);
        Unit unit = units.update(UnitCode.parse(code), expected, request.details(), callers.current());
        return Response.ok(UnitView.of(unit)).tag(Versions.etag(unit.version)).build();
    }

    @POST
    @Path("/{code}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "changeUnitStatus", summary = "Change a unit's status")
    @APIResponse(responseCode = "200", description = "The unit with its new status.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    public Response changeStatus(@PathParam("code") String code,
                                 @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = ApiDocs.IF_MATCH_REQUIRED) String ifMatch,
                                 StatusRequest request) {
        Requests.requireBody(request);
        ExpectedVersion expected = Versions.requiredVersion(ifMatch);
        UnitCode mergedInto = request.mergedInto() == null || request.mergedInto().isBlank() ? null : UnitCode.parse(request.mergedInto());
        Unit unit = units.changeStatus(UnitCode.parse(code), expected, status(request.status()), request.effectiveFrom(),
                mergedInto, Text.clean(request.reason(), 1000, "reason", false), callers.current());
        return Response.ok(UnitView.of(unit)).tag(Versions.etag(unit.version)).build();
    }

    @GET
    @Path("/{code}/status-history")
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER, Roles.PORTAL})
    @Operation(operationId = "getUnitStatusHistory", summary = "Get a unit's status history")
    public List<StatusChangeView> statusHistory(@PathParam("code") String code) {
        return units.history(UnitCode.parse(code), callers.current()).stream().map(StatusChangeView::of).toList();
    }

    /** Registers or updates units from a CSV or XLSX file; answers with what happened to each row. */
    @POST
    @Path("/import")
    @Consumes({UnitSheet.CSV, UnitSheet.XLSX})
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "importUnits", summary = "Import units from CSV or XLSX")
    public UnitImport.Report importUnits(InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
                                         @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                         @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        // the role is checked before the body is read; then the file, bounded, under the bound on uploads in flight
        try (Uploads.Upload upload = uploads.receive(body, contentLength, SheetFile.MAX_FILE_BYTES, seen -> SheetFile.fileTooLarge())) {
            List<SheetFile.Row> rows = UnitSheet.read(upload.bytes(), contentType);
            return imports.importRows(rows, Messages.negotiate(acceptLanguage));
        }
    }

    private static UnitStatus status(String raw) {
        try {
            return UnitStatus.valueOf(raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-field", "unit.status.invalid", raw);
        }
    }

}
