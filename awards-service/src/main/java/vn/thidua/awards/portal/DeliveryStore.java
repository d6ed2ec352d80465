package vn.thidua.awards.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import vn.thidua.awards.proposal.Dossier;
import vn.thidua.awards.proposal.DossierFile;
import vn.thidua.platform.web.PdfDocument;

/**
 * The deliverer's short transactions: claim due deliveries, read one's body, record how an attempt
 * went. Each is its own transaction, so none stays open while the portal is called.
 */
@ApplicationScoped
class DeliveryStore {
    /**
     * Due PENDING rows, oldest first, skipping rows another replica holds — and rows of a proposal
     * whose earlier delivery is still PENDING, so the portal receives one proposal's steps in order.
     */
    private static final String DUE = """
            SELECT d.* FROM portal_delivery d
            WHERE d.state = 'PENDING' AND d.next_attempt_at <= :now
              AND NOT EXISTS (SELECT 1 FROM portal_delivery e
                              WHERE e.proposal_id = d.proposal_id AND e.id < d.id AND e.state = 'PENDING')
            ORDER BY d.next_attempt_at, d.id
            LIMIT :batch
            FOR UPDATE OF d SKIP LOCKED""";

    private final Dossier dossier;
    private final ObjectMapper json;

    DeliveryStore(Dossier dossier, ObjectMapper json) {
        this.dossier = dossier;
        this.json = json;
    }

    /** One attempt this instance owns until {@code leaseEnds}; only its own outcome is recorded. */
    record Claim(long id, UUID token, UUID idempotencyKey, int attempt) {
    }

    /** The body and signature input of one attempt, or why it cannot be sent as it was recorded. */
    record Body(byte[] bytes, String unsendable) {
    }

    /** Claims up to {@code batch} due deliveries: each gets a new attempt, leased until now + {@code lease}. */
    @Transactional(TxType.REQUIRES_NEW)
    List<Claim> claimDue(Instant now, int batch, Duration lease) {
        @SuppressWarnings("unchecked")
        List<PortalDelivery> due = PortalDelivery.getEntityManager().createNativeQuery(DUE, PortalDelivery.class)
                .setParameter("now", now).setParameter("batch", batch).getResultList();
        List<Claim> claims = new ArrayList<>();
        for (PortalDelivery delivery : due) {
            delivery.claim = UUID.randomUUID();
            delivery.attempts++;
            delivery.lastAttemptAt = now;
            delivery.nextAttemptAt = now.plus(lease);
            claims.add(new Claim(delivery.id, delivery.claim, delivery.idempotencyKey, delivery.attempts));
        }
        return claims;
    }

    /**
     * The JSON body: the same bytes at every attempt of a delivery. Unsendable when a file it
     * recorded is gone or changed (the proposal went back to draft and its dossier was redone; the
     * later submission carries the new dossier).
     */
    @Transactional(TxType.REQUIRES_NEW)
    Body body(long deliveryId) {
        PortalDelivery delivery = PortalDelivery.findById(deliveryId);
        List<PortalPayload.FilePart> files = new ArrayList<>();
        Base64.Encoder base64 = Base64.getEncoder();
        for (PortalPayload.FileRef ref : delivery.files) {
            DossierFile file = dossier.file(delivery.proposalId, ref.id());
            if (file == null || !PdfDocument.sha256(file.content).equals(ref.sha256())) {
                return new Body(null, "dossier file " + ref.id() + " (" + ref.name() + ") is no longer as it was at the "
                        + delivery.toStatus + " step; a later submission carries the dossier as it is now");
            }
            files.add(new PortalPayload.FilePart(ref.id(), ref.kind(), ref.name(), "application/pdf", ref.sha256(), ref.size(),
                    "/api/awards/proposals/" + delivery.proposalId + "/files/" + ref.id(), base64.encodeToString(file.content)));
        }
        PortalPayload payload = new PortalPayload(PortalPayload.SCHEMA, delivery.id, delivery.idempotencyKey,
                new PortalPayload.Transition(delivery.fromStatus, delivery.toStatus, delivery.movedAt), delivery.proposal, files);
        try {
            return new Body(json.writeValueAsBytes(payload), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write delivery " + deliveryId, e);
        }
    }

    /**
     * Records how the claimed attempt went, unless a later attempt has claimed the row since (its
     * lease ran out): then that attempt's outcome counts. Returns the state after, or null when ignored.
     */
    @Transactional(TxType.REQUIRES_NEW)
    DeliveryState record(Claim claim, PortalAnswer answer, Instant now, Backoff backoff) {
        PortalDelivery delivery = PortalDelivery.findById(claim.id(), LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || !claim.token().equals(delivery.claim)) {
            return null;
        }
        delivery.claim = null;
        delivery.lastStatus = answer.status() == 0 ? null : answer.status();
        switch (answer.verdict()) {
            case DELIVERED -> {
                delivery.state = DeliveryState.DELIVERED;
                delivery.deliveredAt = now;
                delivery.portalReference = reference(answer.body());
                delivery.lastError = answer.status() == 409 ? "HTTP 409: already received under this key" : null;
            }
            case RETRY -> {
                delivery.nextAttemptAt = now.plus(backoff.after(delivery.attempts, ThreadLocalRandom.current().nextDouble(), answer.retryAfter()));
                delivery.lastError = answer.describe();
            }
            case FAILED -> {
                delivery.state = DeliveryState.FAILED;
                delivery.lastError = answer.describe();
            }
        }
        return delivery.state;
    }

    /** A delivery that cannot be sent as recorded: FAILED with the reason, no attempt at the portal. */
    @Transactional(TxType.REQUIRES_NEW)
    void unsendable(Claim claim, String reason) {
        PortalDelivery delivery = PortalDelivery.findById(claim.id(), LockModeType.PESSIMISTIC_WRITE);
        if (delivery != null && claim.token().equals(delivery.claim)) {
            delivery.claim = null;
            delivery.state = DeliveryState.FAILED;
            delivery.lastStatus = null;
            delivery.lastError = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        }
    }

    /** The portal's reference from its answer ({@code {"reference": "..."}}), when it gave one. */
    private String reference(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            String reference = json.readTree(body).path("reference").asText(null);
            return reference == null || reference.isBlank() ? null : reference.length() > 200 ? reference.substring(0, 200) : reference;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }
}
