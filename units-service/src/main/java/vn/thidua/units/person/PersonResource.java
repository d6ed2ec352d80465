package vn.thidua.units.person;

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
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.thidua.platform.domain.ExpectedVersion;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.Messages;
import vn.thidua.platform.web.Page;
import vn.thidua.platform.web.PageRequest;
import vn.thidua.platform.web.Requests;
import vn.thidua.platform.web.SheetFile;
import vn.thidua.platform.web.Table;
import vn.thidua.platform.web.Text;
import vn.thidua.platform.web.Uploads;
import vn.thidua.platform.web.Versions;
import vn.thidua.platform.web.openapi.ApiDocs;

@Tag(name = "People", description = "The people of a unit, their yearly results and the unit's member statistics computed from them. "
        + "Personal data: read only by the unit, the Board, the Council and (in part) the unit's cluster leader; reads by others are audited.")
@Path("/api/units/{code}/people")
@Produces(MediaType.APPLICATION_JSON)
public class PersonResource {
    private final PersonService people;
    private final Callers callers;
    private final Clock clock;

    public PersonResource(PersonService people, Callers callers, Clock clock) {
        this.clock = clock;
        this.people = people;
        this.callers = callers;
    }

    /** A new person of the unit, or ({@code personId}) a registered person who belongs to no unit now and joins this one. */
    public record PersonRequest(@Schema(description = "To take in a registered person who left another unit; the other fields but personnelCode, position and joinedOn are then not read.") UUID personId,
                                @Schema(maxLength = PersonDetails.NAME_MAX) String fullName,
                                @Schema(enumeration = {"FEMALE", "MALE"}) String gender,
                                @Schema(minimum = "1900", maximum = "2100") Integer birthYear,
                                @Schema(maxLength = PersonDetails.PERSONNEL_CODE_MAX, description = "The unit's own number for the person; unique among its current members.") String personnelCode,
                                @Schema(maxLength = PersonDetails.POSITION_MAX) String position,
                                @Schema(required = true) LocalDate joinedOn) {
    }

    public record LeaveRequest(@Schema(required = true, description = "The last day in the unit.") LocalDate leftOn,
                               @Schema(enumeration = {"LEFT", "RETIRED", "MOVED", "DECEASED"}) String reason) {
    }

    public record MoveRequest(@Schema(required = true, pattern = ApiDocs.UNIT_CODE_PATTERN, maxLength = ApiDocs.UNIT_CODE_MAX_LENGTH) String toUnitCode,
                              @Schema(required = true, description = "The first day in the new unit.") LocalDate on,
                              @Schema(maxLength = PersonDetails.PERSONNEL_CODE_MAX) String personnelCode,
                              @Schema(maxLength = PersonDetails.POSITION_MAX) String position) {
    }

    public record YearRequest(@Schema(required = true, enumeration = {"EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED"}) String taskRating,
                              @Schema(description = "Titles conferred at the unit's level: LAO_DONG_TIEN_TIEN, CHIEN_SI_THI_DUA_CO_SO.") List<String> titles,
                              @Schema(enumeration = {"NONE", "REPRIMAND", "WARNING", "SALARY_DOWNGRADE", "DEMOTION", "DISMISSAL_FROM_POST", "DISMISSAL"},
                                      description = "The heaviest discipline in force in the year; NONE when left out.") String discipline,
                              @Schema(description = "Links or numbers of the documents behind the result.") List<String> evidence,
                              @Schema(maxLength = 1000) String note) {
    }

    public record MembershipView(String unitCode, String personnelCode, String position, LocalDate joinedOn, LocalDate leftOn, LeaveReason leaveReason) {
    }

    /** A person as the reader may see it: the fields a {@code CLUSTER} view leaves out are absent (null). */
    public record PersonView(UUID id, PersonAccess.View view, String fullName, Gender gender, Integer birthYear, String unitCode,
                             String personnelCode, String position, PersonStatus status, List<MembershipView> memberships, long version) {
        static PersonView of(Person person, PersonAccess.View view) {
            PersonMembership latest = person.latest().orElse(null);
            boolean full = view == PersonAccess.View.FULL;
            return new PersonView(person.id, view, person.fullName, full ? person.gender : null, full ? person.birthYear : null,
                    latest == null ? null : latest.unitCode, full && latest != null ? latest.personnelCode : null,
                    latest == null ? null : latest.position, person.status(),
                    full ? person.memberships().stream().map(m -> new MembershipView(m.unitCode, m.personnelCode, m.position, m.joinedOn,
                            m.leftOn, m.leaveReason)).toList() : null, person.version);
        }
    }

    /** A person's result of a year: a {@code CLUSTER} view sees the year and the titles only. */
    public record YearView(int year, String unitCode, TaskRating taskRating, List<UnitLevelTitle> titles, Discipline discipline,
                           List<String> evidence, String note, Long version, String recordedBy, Instant recordedAt) {
        static YearView of(PersonYear result, PersonAccess.View view) {
            if (view != PersonAccess.View.FULL) {
                return new YearView(result.year, result.unitCode, null, List.copyOf(result.titles), null, null, null, null, null, null);
            }
            return new YearView(result.year, result.unitCode, result.taskRating, List.copyOf(result.titles), result.discipline,
                    List.copyOf(result.evidence), result.note, result.version, result.recordedBy, result.recordedAt);
        }
    }

    public record StatisticsView(String unitCode, int year, int members, int completingTasks, int advancedLabour, int grassrootsFighters,
                                 int disciplinedWarningOrAbove, int women, int withoutResult) {
    }

    public record ReadView(UUID personId, String reader, String readerRoles, String readerUnit, PersonRead.Purpose purpose,
                           PersonAccess.View view, Instant readAt) {
    }

    @GET
        @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.COUNCIL_MEMBER})
    @Operation(operationId = "listPeople", summary = "List a unit's people")
    public Page<PersonView> list(@PathParam("code") String code,
                                 @QueryParam("which") @Parameter(schema = @Schema(enumeration = {"CURRENT", "FORMER", "ALL"})) String which,
                                 @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PersonService.Listed listed = people.list(code, which(which), PageRequest.of(page, size), callers.current());
        Page<Person> found = listed.people();
        return new Page<>(found.items().stream().map(p -> PersonView.of(p, listed.view())).toList(), found.page(), found.size(), found.total());
    }

    @POST
        @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.UNIT_REP, Roles.CLUSTER_LEADER})
    @Operation(operationId = "addPerson", summary = "Register a person of the unit, or take in one who left another unit")
    @APIResponse(responseCode = "201", description = "The person.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = PersonView.class)))
    public Response add(@PathParam("code") String code, PersonRequest request, UriInfo uri) {
        Requests.requireBody(request);
        Caller caller = callers.current();
        Person person;
        if (request.personId() != null) {
            person = people.admit(code, request.personId(), PersonDetails.personnelCode(request.personnelCode()),
                    Text.clean(request.position(), PersonDetails.POSITION_MAX, "position", false), request.joinedOn(), caller);
        } else {
            person = people.register(code, details(request.fullName(), request.gender(), request.birthYear(), request.personnelCode(),
                    request.position()), request.joinedOn(), caller);
        }
        return Response.created(uri.getAbsolutePathBuilder().path(person.id.toString()).build()).tag(Versions.etag(person.version))
                .entity(PersonView.of(person, PersonAccess.View.FULL)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.COUNCIL_MEMBER})
    @Operation(operationId = "getPerson", summary = "Get a person of the unit")
    @APIResponse(responseCode = "200", description = "The person.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = PersonView.class)))
    public Response get(@PathParam("code") String code, @PathParam("id") String id) {
        PersonService.Seen seen = people.read(code, personId(id), callers.current());
        return Response.ok(PersonView.of(seen.person(), seen.view())).tag(Versions.etag(seen.person().version)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.UNIT_REP, Roles.CLUSTER_LEADER})
    @Operation(operationId = "updatePerson", summary = "Change a person of the unit")
    @APIResponse(responseCode = "200", description = "The person as changed.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = PersonView.class)))
    public Response update(@PathParam("code") String code, @PathParam("id") String id,
                           @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = ApiDocs.IF_MATCH_REQUIRED) String ifMatch,
                           PersonRequest request) {
        Requests.requireBody(request);
        ExpectedVersion expected = Versions.requiredVersion(ifMatch);
        Person person = people.change(code, personId(id), expected, details(request.fullName(), request.gender(), request.birthYear(),
                request.personnelCode(), request.position()), callers.current());
        return Response.ok(PersonView.of(person, PersonAccess.View.FULL)).tag(Versions.etag(person.version)).build();
    }

    @POST
    @Path("/{id}/leave")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.UNIT_REP, Roles.CLUSTER_LEADER})
    @Operation(operationId = "personLeaves", summary = "Record that a person left the unit")
    @APIResponse(responseCode = "200", description = "The person.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = PersonView.class)))
    public Response leave(@PathParam("code") String code, @PathParam("id") String id,
                          @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = ApiDocs.IF_MATCH_REQUIRED) String ifMatch,
                          LeaveRequest request) {
        Requests.requireBody(request);
        ExpectedVersion expected = Versions.requiredVersion(ifMatch);
        LeaveReason reason = request.reason() == null || request.reason().isBlank() ? null
                : YearResult.enumValue(LeaveReason.class, request.reason(), "reason", false);
        Person person = people.leave(code, personId(id), expected, request.leftOn(), reason, callers.current());
        return Response.ok(PersonView.of(person, PersonAccess.View.FULL)).tag(Versions.etag(person.version)).build();
    }

    @POST
    @Path("/{id}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "movePerson", summary = "Move a person to another unit, keeping the history of both")
    @APIResponse(responseCode = "200", description = "The person.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = PersonView.class)))
    public Response move(@PathParam("code") String code, @PathParam("id") String id,
                         @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = ApiDocs.IF_MATCH_REQUIRED) String ifMatch,
                         MoveRequest request) {
        Requests.requireBody(request);
        ExpectedVersion expected = Versions.requiredVersion(ifMatch);
        Person person = people.move(code, personId(id), expected, request.toUnitCode(), request.on(),
                PersonDetails.personnelCode(request.personnelCode()),
                Text.clean(request.position(), PersonDetails.POSITION_MAX, "position", false), callers.current());
        return Response.ok(PersonView.of(person, PersonAccess.View.FULL)).tag(Versions.etag(person.version)).build();
    }

    @GET
    @Path("/{id}/years")
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.COUNCIL_MEMBER})
    @Operation(operationId = "listPersonYears", summary = "A person's results, newest year first")
    public List<YearView> years(@PathParam("code") String code, @PathParam("id") String id) {
        PersonService.Seen seen = people.read(code, personId(id), callers.current());
        return people.years(seen.person().id).stream().map(r -> YearView.of(r, seen.view())).toList();
    }

    @PUT
    @Path("/{id}/years/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.UNIT_REP, Roles.CLUSTER_LEADER})
    @Operation(operationId = "recordPersonYear", summary = "Record a person's result of a year",
            description = "Creating needs no If-Match; replacing a recorded result needs the version read.")
    @APIResponse(responseCode = "200", description = "The result.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = YearView.class)))
    public Response recordYear(@PathParam("code") String code, @PathParam("id") String id, @PathParam("year") String year,
                               @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "Required when the year's result exists.") String ifMatch,
                               YearRequest request) {
        Requests.requireBody(request);
        int forYear = Requests.requiredYear(year, 2000, 2100);
        ExpectedVersion expected = Versions.expected(ifMatch);
        YearResult result = YearResult.parse(request.taskRating(), request.titles(), request.discipline(), request.evidence(), request.note());
        PersonYear recorded = people.recordYear(code, personId(id), forYear, expected, result, callers.current());
        return Response.ok(YearView.of(recorded, PersonAccess.View.FULL)).tag(Versions.etag(recorded.version)).build();
    }

    @GET
    @Path("/statistics")
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER})
    @Operation(operationId = "getMemberStatistics", summary = "A unit's member statistics of a year, counted from its people")
    public StatisticsView statistics(@PathParam("code") String code, @QueryParam("year") String year) {
        int forYear = Requests.requiredYear(year, 2000, 2100);
        MemberStatistics s = people.statistics(code, forYear, callers.current());
        return new StatisticsView(code.strip(), forYear, s.members(), s.completingTasks(), s.advancedLabour(), s.grassrootsFighters(),
                s.disciplinedWarningOrAbove(), s.women(), s.withoutResult());
    }

    @GET
    @Path("/reads")
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.UNIT_REP, Roles.CLUSTER_LEADER})
    @Operation(operationId = "listPersonReads", summary = "Who read the unit's people, newest first (the Board and the unit itself)")
    public Page<ReadView> reads(@PathParam("code") String code, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Page<PersonRead> found = people.readsOf(code, PageRequest.of(page, size), callers.current());
        return new Page<>(found.items().stream().map(r -> new ReadView(r.personId, r.reader, r.readerRoles, r.readerUnit, r.purpose, r.view,
                r.readAt)).toList(), found.page(), found.size(), found.total());
    }

    /** The unit's current people as a file, with only the columns the reader may see. */
    @GET
    @Path("/export")
    @Produces({Table.XLSX, Table.CSV, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.COUNCIL_MEMBER})
    @Operation(operationId = "exportPeople", summary = "Export a unit's current people (CSV or XLSX)",
            description = "Only the columns the reader may see: the leader of the unit's cluster gets names and positions.")
    @APIResponse(responseCode = "200", description = "The list, as a file to save (`Content-Disposition`).", content = {
            @Content(mediaType = ApiDocs.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ApiDocs.CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response export(@PathParam("code") String code,
                           @QueryParam("format") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"xlsx", "csv"}, defaultValue = "xlsx")) String format) {
        String extension = format == null || format.isBlank() ? "xlsx" : format.strip().toLowerCase(Locale.ROOT);
        if (!extension.equals("csv") && !extension.equals("xlsx")) {
            throw Refusal.invalid("invalid-format", "person.export.format", format);
        }
        PersonService.Listed listed = people.export(code, callers.current());
        boolean full = listed.view() == PersonAccess.View.FULL;
        List<String> headers = full ? List.of("Họ và tên", "Giới tính", "Năm sinh", "Số hiệu", "Chức vụ", "Ngày vào đơn vị")
                : List.of("Họ và tên", "Chức vụ");
        List<List<Object>> rows = new ArrayList<>();
        for (Person person : listed.people().items()) {
            PersonMembership current = person.current().orElseThrow();
            if (full) {
                rows.add(java.util.Arrays.asList(person.fullName, person.gender == Gender.FEMALE ? "Nữ" : "Nam", person.birthYear,
                        current.personnelCode, current.position, current.joinedOn.toString()));
            } else {
                rows.add(java.util.Arrays.asList(person.fullName, current.position));
            }
        }
        String unit = code.strip();
        Table table = new Table(List.of("DANH SÁCH CÁ NHÂN CỦA ĐƠN VỊ " + unit), headers, rows);
        String fileName = "danh-sach-ca-nhan-" + unit + "." + extension;
        return extension.equals("csv") ? table.csvDownload(fileName) : table.xlsxDownload("Ca nhan", fileName);
    }

    private PersonDetails details(String fullName, String gender, Integer birthYear, String personnelCode, String position) {
        return PersonDetails.parse(fullName, gender, birthYear == null ? null : String.format("%04d", birthYear), personnelCode, position,
                PersonDetails.currentYear(clock));
    }

    static UUID personId(String raw) {
        try {
            return UUID.fromString(raw == null ? "" : raw.strip());
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("person-not-found", "person.not-found", raw);
        }
    }

    private static PersonService.Which which(String raw) {
        return raw == null || raw.isBlank() ? PersonService.Which.CURRENT : YearResult.enumValue(PersonService.Which.class, raw, "which", true);
    }
}
