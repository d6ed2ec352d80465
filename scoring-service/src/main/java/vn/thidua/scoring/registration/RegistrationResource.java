package vn.thidua.scoring.registration;

import jakarta.validation.constraints.Pattern;
import java.util.Objects;
import vn.thidua.platform.domain.ExpectedVersion;
import vn.thidua.platform.web.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.ProblemException;
import vn.thidua.platform.web.Requests;
import vn.thidua.platform.web.Text;
import vn.thidua.platform.web.Versions;

/** Emulation registration (đăng ký thi đua) and its mid-year and year-end reports. */
@Tag(name = "Registrations", description = "Units' yearly emulation registrations, reports and member statistics.")
@Path("/api/scoring")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER})
@Transactional
public class RegistrationResource {
    private final RegistrationService registrations;
    private final YearEndReports yearEnd;
    private final Callers callers;

    public RegistrationResource(RegistrationService registrations, YearEndReports yearEnd, Callers callers) {
        this.registrations = registrations;
        this.yearEnd = yearEnd;
        this.callers = callers;
    }

    public record PeriodRequest(@Schema(required = true) LocalDate registrationCloses, LocalDate midyearCloses, LocalDate yearendCloses) {
    }

    public record RegistrationRequest(@Schema(required = true, minItems = 1, maxItems = 50) List<RegistrationService.TargetInput> targets,
                                      @Schema(maxItems = 10, uniqueItems = true, description = "The codes of the titles registered for.")
                                      List<@Pattern(regexp = "^[A-Za-z0-9_]{2,40}$") String> titles) {
    }

    public record ReportRequest(@Schema(description = "Achieved values by target position; an empty list changes nothing.")
                                List<RegistrationService.ResultInput> results) {
    }

    public record Result(BigDecimal achieved, List<String> evidence, BigDecimal attainment) {
    }

    public record TargetView(int position, String name, String unitOfMeasure, BigDecimal planned, BigDecimal weight,
                             Direction direction, String criterionCode, Result midyear, Result yearend) {
    }

    /** @param womenSharePercent women / members, in percent with two decimals: for the reader */
    public record MemberStatisticsView(int members, int completingTasks, int advancedLabour, int grassrootsFighters,
                                       int disciplinedWarningOrAbove, int women, BigDecimal womenSharePercent, boolean confirmed,
                                       String confirmedBy, Instant confirmedAt,
                                       @Schema(description = "DECLARED: entered by the unit; COUNTED: counted from its registered people (units-service), and then not entered by hand.") StatisticsSource source) {
        static MemberStatisticsView of(Registration r) {
            MemberStatistics s = r.memberStatistics();
            return s == null ? null : new MemberStatisticsView(s.members(), s.completingTasks(), s.advancedLabour(),
                    s.grassrootsFighters(), s.disciplinedWarningOrAbove(), s.women(), s.womenSharePercent(),
                    r.memberStatisticsConfirmed(), r.statisticsConfirmedBy, r.statisticsConfirmedAt, r.statisticsSource);
        }
    }

    /** @param memberStatistics the year-end member statistics, null until entered */
    public record RegistrationView(int year, String unitCode, long clusterId, List<String> titles, List<TargetView> targets,
                                   MemberStatisticsView memberStatistics, long version, String updatedBy, Instant updatedAt) {
        static RegistrationView of(Registration r) {
            return new RegistrationView(r.year, r.unitCode, r.clusterId, r.titles, r.targets.stream().map(t -> new TargetView(
                    t.position, t.name, t.unitOfMeasure, t.planned, t.weight, t.direction, t.criterionCode,
                    new Result(t.midyearValue, t.midyearEvidence, t.attainment(ReportKind.MIDYEAR)),
                    new Result(t.yearendValue, t.yearendEvidence, t.attainment(ReportKind.YEAREND)))).toList(),
                    MemberStatisticsView.of(r), r.version, r.updatedBy, r.updatedAt);
        }
    }

    @PUT
    @Path("/registration-periods/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "setRegistrationPeriod", summary = "Set a year's registration period")
    public PeriodRequest setPeriod(@PathParam("year") int year, PeriodRequest request) {
        Requests.requireBody(request);
        RegistrationPeriod period = registrations.setPeriod(year, request.registrationCloses(), request.midyearCloses(),
                request.yearendCloses(), callers.current());
        return new PeriodRequest(period.registrationCloses, period.midyearCloses, period.yearendCloses);
    }

    @PUT
    @Path("/registrations/{year}/{unitCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerForEmulation", summary = "Register a unit for a year's emulation")
    @APIResponse(responseCode = "200", description = "The registration as saved.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    public Response register(@PathParam("year") int year, @PathParam("unitCode") String unitCode,
                             @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) String ifMatch,
                             RegistrationRequest request) {
        Requests.requireBody(request);
        List<RegistrationService.TargetInput> targets = request.targets() == null ? null : request.targets().stream()
                .map(t -> t == null ? null : new RegistrationService.TargetInput(Text.clean(t.name(), 500, "targets.name", false),
                        Text.clean(t.unitOfMeasure(), 50, "targets.unitOfMeasure", false), t.planned(), t.weight(), t.direction(),
                        Text.clean(t.criterionCode(), 20, "targets.criterionCode", false)))
                .toList();
        List<String> titles = request.titles() == null ? List.of() : request.titles().stream()
                .map(code -> code == null ? null : code.strip().toUpperCase(Locale.ROOT)).toList();
        return view(registrations.register(year, unitCode, targets, titles, Versions.expected(ifMatch), callers.current()));
    }

    @PUT
    @Path("/registrations/{year}/{unitCode}/reports/{kind}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitRegistrationReport", summary = "Submit a unit's report of a kind")
    @APIResponse(responseCode = "200", description = "The registration with the report.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    public Response report(@PathParam("year") int year, @PathParam("unitCode") String unitCode,
                           @PathParam("kind") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"midyear", "yearend"})) String kind,
                           ReportRequest request) {
        Requests.requireBody(request);
        ReportKind reportKind;
        try {
            reportKind = ReportKind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("report-kind", "problem.http-404");
        }
        List<RegistrationService.ResultInput> results = request.results() == null ? List.of() : request.results().stream()
                .filter(Objects::nonNull).map(r -> new RegistrationService.ResultInput(r.position(), r.achieved(),
                        r.evidence() == null ? List.of() : r.evidence().stream().map(e -> Text.clean(e, 2000, "evidence", true)).toList()))
                .toList();
        return view(yearEnd.report(year, unitCode, reportKind, results, callers.current()));
    }

    /** The unit's year-end member statistics: its representative's for its own unit, or the Board's. */
    @PUT
    @Path("/registrations/{year}/{unitCode}/member-statistics")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "enterMemberStatistics", summary = "Enter a unit's member statistics")
    @APIResponse(responseCode = "200", description = "The registration with the statistics.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    public Response enterMemberStatistics(@PathParam("year") int year, @PathParam("unitCode") String unitCode,
                                          @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) String ifMatch,
                                          MemberStatistics.Input request) {
        Requests.requireBody(request);
        return view(yearEnd.enterMemberStatistics(year, unitCode, request, Versions.expected(ifMatch), callers.current()));
    }

    /** The Board confirms the statistics of the version it read (If-Match required). */
    @POST
    @Path("/registrations/{year}/{unitCode}/member-statistics/confirm")
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "confirmMemberStatistics", summary = "Confirm a unit's member statistics")
    @APIResponse(responseCode = "200", description = "The registration, its statistics confirmed.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    public Response confirmMemberStatistics(@PathParam("year") int year, @PathParam("unitCode") String unitCode,
                                            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = ApiDocs.IF_MATCH_REQUIRED) String ifMatch) {
        ExpectedVersion expected = Versions.requiredVersion(ifMatch);
        return view(yearEnd.confirmMemberStatistics(year, unitCode, expected, callers.current()));
    }

    @GET
    @Path("/registrations/{year}/{unitCode}")
    @Operation(operationId = "getRegistration", summary = "Get a unit's registration")
    @APIResponse(responseCode = "200", description = "The registration.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    public Response get(@PathParam("year") int year, @PathParam("unitCode") String unitCode) {
        return view(registrations.read(year, unitCode, callers.current()));
    }

    @GET
    @Path("/registrations")
    @Operation(operationId = "listRegistrations", summary = "List registrations")
    public List<RegistrationView> list(@QueryParam("year") @Parameter(required = true) Integer year, @QueryParam("clusterId") Long clusterId) {
        if (year == null) {
            throw ProblemException.badRequest("invalid-field", "problem.field.required", "year");
        }
        return registrations.list(year, clusterId, callers.current()).stream().map(RegistrationView::of).toList();
    }

    private static Response view(Registration registration) {
        return Response.ok(RegistrationView.of(registration)).tag(Versions.etag(registration.version)).build();
    }

}
