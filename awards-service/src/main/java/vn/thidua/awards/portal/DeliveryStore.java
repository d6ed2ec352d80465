package vn.thidua.awards.portal;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import vn.thidua.awards.proposal.Dossier;
import vn.thidua.awards.proposal.DossierFile;
import vn.thidua.platform.web.FileNames;
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

    /**
     * The body of one attempt, written to a temporary file with its signature, or why it cannot be
     * sent as it was recorded. Closing it deletes the file.
     */
    record Body(Path file, long size, String signature, String unsendable) implements AutoCloseable {
        static Body unsendable(String reason) {
            return new Body(null, 0, null, reason);
        }

        @Override
        public void close() {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }
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
     * The JSON body (docs/portal.md), written with a streaming generator to a temporary file and
     * signed on the way: the same bytes at every attempt of a delivery, whatever its timestamp. One
     * dossier file at a time is read from the database, checked against the SHA-256 the delivery
     * recorded, base64-encoded into the file as a stream, and let go before the next, so the heap never
     * holds more than one file, whatever the dossier's size. Unsendable when a file it recorded is gone
     * or changed (the proposal went back to draft and its dossier was redone; the later submission
     * carries the new dossier).
     */
    @Transactional(TxType.REQUIRES_NEW)
    Body body(long deliveryId, long timestamp, Signature signature) {
        PortalDelivery delivery = PortalDelivery.findById(deliveryId);
        Path file = null;
        try {
            file = Files.createTempFile("thidua-delivery-" + deliveryId + "-", ".json");
            String signed;
            try (Signature.Signing signing = signature.signing(timestamp, new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024));
                 JsonGenerator out = json.createGenerator(signing)) {
                out.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                String unsendable = write(delivery, out);
                if (unsendable != null) {
                    delete(file);
                    return Body.unsendable(unsendable);
                }
                out.flush();
                signing.flush();
                signed = signing.value();
            }
            return new Body(file, Files.size(file), signed, null);
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException("cannot write delivery " + deliveryId, e);
        }
    }

    /** Writes the payload field by field (PortalPayload's order); returns why it cannot be sent, or null. */
    private String write(PortalDelivery delivery, JsonGenerator out) throws IOException {
        EntityManager em = PortalDelivery.getEntityManager();
        out.writeStartObject();
        out.writeStringField("schema", PortalPayload.SCHEMA);
        out.writeNumberField("deliveryId", delivery.id);
        out.writeObjectField("idempotencyKey", delivery.idempotencyKey);
        out.writeObjectField("transition", new PortalPayload.Transition(delivery.fromStatus, delivery.toStatus, delivery.movedAt));
        out.writeObjectField("proposal", delivery.proposal);
        out.writeArrayFieldStart("files");
        for (PortalPayload.FileRef ref : delivery.files) {
            DossierFile file = dossier.file(delivery.proposalId, ref.id());
            if (file == null || !PdfDocument.sha256(file.content).equals(ref.sha256())) {
                return "dossier file " + ref.id() + " (" + ref.name() + ") is no longer as it was at the "
                        + delivery.toStatus + " step; a later submission carries the dossier as it is now";
            }
            out.writeStartObject();
            out.writeNumberField("id", ref.id());
            out.writeObjectField("kind", ref.kind());
            out.writeStringField("name", FileNames.safe(ref.name(), "tep.pdf"));
            out.writeStringField("mediaType", "application/pdf");
            out.writeStringField("sha256", ref.sha256());
            out.writeNumberField("size", ref.size());
            out.writeStringField("href", "/api/awards/proposals/" + delivery.proposalId + "/files/" + ref.id());
            out.writeFieldName("contentBase64");
            byte[] content = file.content;
            out.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, new ByteArrayInputStream(content), content.length);
            out.writeEndObject();
            out.flush();
            // let the file's bytes go before the next is read
            em.detach(file);
        }
        out.writeEndArray();
        out.writeEndObject();
        return null;
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
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
