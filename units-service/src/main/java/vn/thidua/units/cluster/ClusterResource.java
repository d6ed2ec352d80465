package vn.thidua.units.cluster;

import vn.thidua.platform.web.Versions;
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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.ContentDisposition;
import vn.thidua.platform.web.Page;
import vn.thidua.platform.web.PageRequest;
import vn.thidua.platform.web.PdfDocument;
import vn.thidua.platform.web.ProblemException;
import vn.thidua.platform.web.Uploads;
import vn.thidua.units.cluster.ClusterRequests.AgreementChange;
import vn.thidua.units.cluster.ClusterRequests.EmulationLeadersChange;
import vn.thidua.units.cluster.ClusterRequests.LeadershipChange;
import vn.thidua.units.cluster.ClusterRequests.NewCluster;
import vn.thidua.units.cluster.ClusterRequests.NewMember;
import vn.thidua.units.cluster.ClusterQueries.StoredDocument;
import vn.thidua.units.cluster.ClusterViews.ClusterSummary;
import vn.thidua.units.cluster.ClusterViews.ClusterView;
import vn.thidua.units.cluster.ClusterViews.MembershipView;

/**
 * Emulation clusters and blocks, year by year. Every answer about one cluster-year carries its
 * version as {@code ETag}; changes accept {@code If-Match} with it. Who may do what is checked in
 * {@link ClusterService} and {@link ClusterQueries}; the roles here only turn away those who may do nothing.
 */
@Tag(name = "Clusters", description = "Emulation clusters: membership, leadership and agreements.")
@Path("/api/clusters")
@Produces(MediaType.APPLICATION_JSON)
public class ClusterResource {
    static final String PDF = "application/pdf";

    private final ClusterService clusters;
    private final ClusterQueries queries;
    private final Callers callers;

    private final Uploads uploads;

    public ClusterResource(ClusterService clusters, ClusterQueries queries, Callers callers, Uploads uploads) {
        this.uploads = uploads;
        this.clusters = clusters;
        this.queries = queries;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "createCluster", summary = "Create a cluster")
    @APIResponse(responseCode = "201", description = "The cluster-year, created.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = ClusterView.class)))
    public Response create(NewCluster request, UriInfo uri) {
        ClusterView cluster = clusters.create(callers.current(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(cluster.id())).build())
                .tag(etag(cluster)).entity(cluster).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER})
    @Operation(operationId = "listClusters", summary = "List clusters")
    public Page<ClusterSummary> list(@QueryParam("year") String year, @QueryParam("kind") String kind,
                                     @QueryParam("page") String page, @QueryParam("size") String size) {
        return queries.list(callers.current(), year, kind, PageRequest.of(number(page, "invalid-page", "problem.invalid-page"),
                number(size, "invalid-page-size", "problem.invalid-page-size")));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER})
    @Operation(operationId = "getCluster", summary = "Get a cluster")
    @APIResponse(responseCode = "200", description = "The cluster-year.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = ClusterView.class)))
    public Response get(@PathParam("id") long id) {
        return ok(queries.get(callers.current(), id));
    }

    @GET
    @Path("/{id}/membership-history")
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER})
    @Operation(operationId = "getClusterMembershipHistory", summary = "Get a cluster's membership history")
    public List<MembershipView> membershipHistory(@PathParam("id") long id) {
        return queries.membershipHistory(callers.current(), id);
    }

    @POST
    @Path("/{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "addClusterMember", summary = "Add a unit to a cluster")
    @APIResponse(responseCode = "200", description = "The cluster-year with the member.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = ClusterView.class)))
    public Response addMember(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) String ifMatch, NewMember request) {
        return ok(clusters.addMember(callers.current(), id, Versions.expected(ifMatch), request));
    }

    @DELETE
    @Path("/{id}/members/{unitCode}")
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "removeClusterMember", summary = "Remove a unit from a cluster")
    @APIResponse(responseCode = "200", description = "The cluster-year without the member.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = ClusterView.class)))
    public Response removeMember(@PathParam("id") long id, @PathParam("unitCode") String unitCode,
                                 @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) String ifMatch) {
        return ok(clusters.removeMember(callers.current(), id, Versions.expected(ifMatch), unitCode));
    }

    @PUT
    @Path("/{id}/leadership")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "assignClusterLeadership", summary = "Assign a cluster's leadership")
    @APIResponse(responseCode = "200", description = "The cluster-year with its leadership.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = ClusterView.class)))
    public Response assignLeadership(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) String ifMatch,
                                     LeadershipChange request) {
        return ok(clusters.assignLeadership(callers.current(), id, Versions.expected(ifMatch), request));
    }

    @POST
    @Path("/{id}/roll-over")
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "rollOverCluster", summary = "Roll a cluster over to the next year")
    @APIResponse(responseCode = "201", description = "The next year's cluster-year, created.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = ClusterView.class)))
    public Response rollOver(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) String ifMatch, UriInfo uri) {
        ClusterView next = clusters.rollOver(callers.current(), id, Versions.expected(ifMatch));
        return Response.created(uri.getBaseUriBuilder().path("api/clusters").path(Long.toString(next.id())).build())
                .tag(etag(next)).entity(next).build();
    }

    @PUT
    @Path("/{id}/agreement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "recordClusterAgreement", summary = "Record a cluster's emulation agreement")
    @APIResponse(responseCode = "200", description = "The cluster-year with the agreement.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = ClusterView.class)))
    public Response recordAgreement(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) String ifMatch,
                                    AgreementChange request) {
        return ok(clusters.recordAgreement(callers.current(), id, Versions.expected(ifMatch), request));
    }

    /** The units a cluster that voted on paper recognised as leading its emulation (đơn vị dẫn đầu). */
    @PUT
    @Path("/{id}/emulation-leaders")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "recordEmulationLeaders", summary = "Record the units a cluster recognised as leading")
    @APIResponse(responseCode = "200", description = "The cluster-year with its emulation leaders.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = ClusterView.class)))
    public Response recordEmulationLeaders(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) String ifMatch,
                                           EmulationLeadersChange request) {
        return ok(clusters.recordEmulationLeaders(callers.current(), id, Versions.expected(ifMatch), request));
    }

    @PUT
    @Path("/{id}/agreement/document")
    @Consumes(PDF)
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "uploadAgreementDocument", summary = "Upload a cluster's signed agreement")
    @APIResponse(responseCode = "200", description = "The cluster-year with the document.", headers = @Header(name = ApiDocs.ETAG, ref = ApiDocs.ETAG_REF),
            content = @Content(schema = @Schema(implementation = ClusterView.class)))
    public Response uploadAgreementDocument(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = ApiDocs.IF_MATCH_OPTIONAL) String ifMatch,
                                            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        // who may, on which cluster-year, at which version: all before a byte of the body is read
        Caller caller = callers.current();
        clusters.requireAgreementUploadable(caller, id, Versions.expected(ifMatch));
        long max = clusters.maxAgreementBytes();
        try (Uploads.Upload upload = uploads.receive(body, contentLength, max,
                seen -> PdfDocument.tooLarge(seen, max, "cluster-agreement", "cluster.agreement"))) {
            PdfDocument.verify(upload.file(), "cluster-agreement", "cluster.agreement");
            return ok(clusters.uploadAgreementDocument(caller, id, Versions.expected(ifMatch), new PdfDocument(upload.bytes(), upload.sha256(), upload.size())));
        }
    }

    @GET
    @Path("/{id}/agreement/document")
    @Produces({PDF, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER})
    @Operation(operationId = "downloadAgreementDocument", summary = "Download a cluster's signed agreement")
    @APIResponse(responseCode = "200", description = "The signed agreement; its `ETag` is its SHA-256.",
            content = @Content(mediaType = ApiDocs.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "`If-None-Match` names this document: the copy the client has is current.")
    public Response agreementDocument(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        StoredDocument document = queries.agreementDocument(callers.current(), id);
        EntityTag tag = new EntityTag(document.sha256());
        if (ifNoneMatch != null && (ifNoneMatch.contains("\"" + document.sha256() + "\"") || ifNoneMatch.strip().equals("*"))) {
            return Response.notModified(tag).build();
        }
        String digest = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(document.sha256()));
        return Response.ok(document.content(), PDF)
                .tag(tag)
                .header("Repr-Digest", "sha-256=:" + digest + ":")
                .header("Content-Disposition",
                        ContentDisposition.inline("giao-uoc-" + document.clusterCode() + "-" + document.year() + ".pdf"))
                .build();
    }

    private static Response ok(ClusterView cluster) {
        return Response.ok(cluster).tag(etag(cluster)).build();
    }

    private static EntityTag etag(ClusterView cluster) {
        return new EntityTag(Long.toString(cluster.version()));
    }

    /** Query numbers are read here so that a non-number is a 400 problem rather than a 404. */
    private static Integer number(String raw, String slug, String messageKey) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(slug, messageKey, PageRequest.MAX_SIZE);
        }
    }
}
