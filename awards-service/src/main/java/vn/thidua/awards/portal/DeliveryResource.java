package vn.thidua.awards.portal;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import vn.thidua.awards.proposal.ProposalStatus;
import vn.thidua.platform.security.Callers;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.Page;
import vn.thidua.platform.web.PageRequest;
import vn.thidua.platform.web.ProblemException;
import vn.thidua.platform.web.Requests;

/** Deliveries of proposals to the Department of Home Affairs portal: where each stands, and the Board's retry. */
@Tag(name = "Portal deliveries", description = "Deliveries of proposals to the Department of Home Affairs portal.")
@Path("/api/awards/portal/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.BOARD, Roles.CLUSTER_LEADER, Roles.UNIT_REP, Roles.VIEWER, Roles.PORTAL})
public class DeliveryResource {
    private final DeliveryService deliveries;
    private final PortalDeliverer deliverer;
    private final Callers callers;

    public DeliveryResource(DeliveryService deliveries, PortalDeliverer deliverer, Callers callers) {
        this.deliveries = deliveries;
        this.deliverer = deliverer;
        this.callers = callers;
    }

    /** One delivery: the step it carries, its key, and how sending it went. */
    public record DeliveryView(long id, long proposalId, ProposalStatus from, ProposalStatus to, Instant movedAt, UUID idempotencyKey,
                               DeliveryState state, int attempts, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus,
                               String lastError, Instant deliveredAt, String portalReference, int files, String retriedBy,
                               Instant retriedAt, Instant createdAt) {
        static DeliveryView of(PortalDelivery d) {
            return new DeliveryView(d.id, d.proposalId, d.fromStatus, d.toStatus, d.movedAt, d.idempotencyKey, d.state, d.attempts,
                    d.state == DeliveryState.PENDING ? d.nextAttemptAt : null, d.lastAttemptAt, d.lastStatus, d.lastError, d.deliveredAt,
                    d.portalReference, d.files.size(), d.retriedBy, d.retriedAt, d.createdAt);
        }
    }

    /** A proposal's deliveries (its readers), or all of them (Board, admin, viewer), oldest first. */
    @GET
    @Operation(operationId = "listPortalDeliveries", summary = "List deliveries to the portal")
    public Page<DeliveryView> list(@QueryParam("proposalId") String proposalId, @QueryParam("state") String state,
                                   @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Page<PortalDelivery> found = deliveries.list(Requests.optionalId(proposalId, "proposalId"), state(state), PageRequest.of(page, size),
                callers.current());
        return new Page<>(found.items().stream().map(DeliveryView::of).toList(), found.page(), found.size(), found.total());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPortalDelivery", summary = "Get a delivery to the portal")
    public DeliveryView get(@PathParam("id") long id) {
        return DeliveryView.of(deliveries.get(id, callers.current()));
    }

    /** Sends a FAILED (or waiting) delivery again now, under the same idempotency key. */
    @POST
    @Path("/{id}/retry")
    @RolesAllowed({Roles.ADMIN, Roles.BOARD})
    @Operation(operationId = "retryPortalDelivery", summary = "Retry a delivery to the portal")
    public DeliveryView retry(@PathParam("id") long id) {
        DeliveryView view = DeliveryView.of(deliveries.retry(id, callers.current()));
        deliverer.wakeUp();
        return view;
    }

    private static DeliveryState state(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return DeliveryState.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-delivery-state", "portal.delivery.state.invalid", raw);
        }
    }
}
