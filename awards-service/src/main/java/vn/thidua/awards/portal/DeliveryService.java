package vn.thidua.awards.portal;

import io.quarkus.panache.common.Parameters;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import vn.thidua.awards.proposal.ProposalService;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.Page;
import vn.thidua.platform.web.PageRequest;

/**
 * What people see of the deliveries, and the Board's retry. A proposal's deliveries are shown to
 * whoever may read the proposal (ProposalService decides, 404 otherwise); all deliveries to the
 * Board, admins and viewers.
 */
@ApplicationScoped
public class DeliveryService {
    private final ProposalService proposals;

    public DeliveryService(ProposalService proposals) {
        this.proposals = proposals;
    }

    @Transactional
    public Page<PortalDelivery> list(Long proposalId, DeliveryState state, PageRequest page, Caller caller) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (proposalId != null) {
            proposals.get(proposalId, caller);
            query.append(" and proposalId = :proposal");
            params.and("proposal", proposalId);
        } else if (!caller.isBoardOrAdmin() && !caller.hasAnyRole(Roles.VIEWER)) {
            throw new ForbiddenException("only the Board, admins and viewers list every delivery; others name a proposal");
        }
        if (state != null) {
            query.append(" and state = :state");
            params.and("state", state);
        }
        var found = PortalDelivery.<PortalDelivery>find(query + " order by id", params);
        long total = found.count();
        List<PortalDelivery> items = found.page(page.page(), page.size()).list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Transactional
    public PortalDelivery get(long id, Caller caller) {
        PortalDelivery delivery = PortalDelivery.findById(id);
        if (delivery == null) {
            throw Refusal.notFound("delivery-not-found", "portal.delivery.not-found", id);
        }
        try {
            proposals.get(delivery.proposalId, caller);
        } catch (Refusal notAReader) {
            throw Refusal.notFound("delivery-not-found", "portal.delivery.not-found", id);
        }
        return delivery;
    }

    /**
     * The Board sends a delivery again now: a FAILED one (after the cause was put right), or a
     * PENDING one waiting out its backoff. Its attempts count from zero again.
     */
    @Transactional
    public PortalDelivery retry(long id, Caller caller) {
        caller.requireBoardOrAdmin();
        PortalDelivery delivery = PortalDelivery.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null) {
            throw Refusal.notFound("delivery-not-found", "portal.delivery.not-found", id);
        }
        Instant now = Instant.now();
        if (delivery.state == DeliveryState.DELIVERED) {
            throw Refusal.conflict("delivery-delivered", "portal.delivery.delivered", id, delivery.portalReference);
        }
        if (delivery.claim != null && delivery.nextAttemptAt.isAfter(now)) {
            throw Refusal.conflict("delivery-in-flight", "portal.delivery.in-flight", id);
        }
        delivery.state = DeliveryState.PENDING;
        delivery.claim = null;
        delivery.attempts = 0;
        delivery.nextAttemptAt = now;
        delivery.retriedBy = caller.subject();
        delivery.retriedAt = now;
        return delivery;
    }
}
