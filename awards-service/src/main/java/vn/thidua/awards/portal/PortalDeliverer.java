package vn.thidua.awards.portal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import vn.thidua.platform.events.Drain;

/**
 * Sends deliveries to the portal in the background, after the steps that made them committed.
 *
 * <p>Like the outbox relay: woken after each commit that adds a delivery, and polling as the
 * fallback. Due rows are claimed in a short transaction with {@code FOR UPDATE SKIP LOCKED} (so
 * replicas share the work without sending a row side by side), each claim leasing the row for
 * {@link #lease}; the portal is then called with no transaction open, and the outcome recorded in
 * another short one. A replica that dies mid-call leaves the lease to run out; the row is then
 * claimed again and sent again under the same idempotency key, which the portal de-duplicates.
 */
@ApplicationScoped
public class PortalDeliverer {
    private static final Logger LOG = Logger.getLogger(PortalDeliverer.class);

    private final PortalConfig config;
    private final DeliveryStore store;
    private final PortalClient client;
    private final Backoff backoff;
    private final Duration lease;
    private final Map<PortalAnswer.Verdict, Counter> outcomes = new EnumMap<>(PortalAnswer.Verdict.class);
    private final Drain drain = new Drain("portal-deliverer", this::drainSafely);
    private Signature signature;
    private ExecutorService senders;

    public PortalDeliverer(PortalConfig config, DeliveryStore store, PortalClient client, MeterRegistry registry) {
        this.config = config;
        this.store = store;
        this.client = client;
        for (PortalAnswer.Verdict verdict : PortalAnswer.Verdict.values()) {
            outcomes.put(verdict, Counter.builder("thidua.portal.attempts").description("Attempts to deliver a proposal to the portal, by outcome")
                    .tag("outcome", verdict.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        this.backoff = new Backoff(config.backoff().initial(), config.backoff().max());
        // long enough for the slowest answer the client waits for, with a margin for reading the dossier
        this.lease = config.connectTimeout().plus(config.requestTimeout()).plusMinutes(1);
    }

    void start(@Observes StartupEvent startup) {
        if (!config.deliveryEnabled()) {
            LOG.info("Portal deliveries are not sent from this instance (thidua.portal.delivery-enabled=false)");
            return;
        }
        String missing = config.url().isEmpty() ? "thidua.portal.url is not set"
                : config.signingSecret().map(String::length).orElse(0) < Signature.MIN_SECRET_LENGTH
                ? "thidua.portal.signing-secret is not set or shorter than " + Signature.MIN_SECRET_LENGTH + " characters" : null;
        if (missing != null) {
            LOG.warnf("Portal deliveries stay PENDING: %s (see docs/portal.md)", missing);
            return;
        }
        signature = new Signature(config.signingSecret().orElseThrow());
        senders = Executors.newFixedThreadPool(Math.max(1, config.concurrency()), runnable -> Drain.daemon(runnable, "portal-sender"));
        drain.start(config.pollInterval());
        LOG.infof("Portal deliveries go to %s", config.url().get());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (!drain.started()) {
            return;
        }
        senders.shutdown();
        try {
            // let attempts in flight finish and be recorded; any cut short are sent again after their lease
            if (!senders.awaitTermination(config.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain.stop(Duration.ofSeconds(1));
    }

    /** Asks for a round soon; calls while one is already queued are folded into it. Never blocks. */
    public void wakeUp() {
        drain.wakeUp();
    }

    private void drainSafely() {
        try {
            boolean again;
            do {
                List<DeliveryStore.Claim> claims = store.claimDue(Instant.now(), config.batchSize(), lease);
                List<Future<DeliveryState>> attempts = new ArrayList<>();
                for (DeliveryStore.Claim claim : claims) {
                    attempts.add(senders.submit(() -> attempt(claim)));
                }
                boolean delivered = false;
                for (Future<DeliveryState> attempt : attempts) {
                    delivered |= attempt.get() == DeliveryState.DELIVERED;
                }
                // a full batch may leave more; a delivered one may free the next step of its proposal
                again = claims.size() == config.batchSize() || delivered;
            } while (again);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            // the rows stay PENDING; their leases run out and the next round takes them
            LOG.warnf("Portal deliveries could not be worked on now: %s", e.getMessage());
        }
    }

    private DeliveryState attempt(DeliveryStore.Claim claim) {
        long timestamp = Instant.now().getEpochSecond();
        PortalAnswer answer;
        try (DeliveryStore.Body body = store.body(claim.id(), timestamp, signature)) {
            if (body.unsendable() != null) {
                store.unsendable(claim, body.unsendable());
                outcomes.get(PortalAnswer.Verdict.FAILED).increment();
                LOG.warnf("Portal delivery %d FAILED without sending: %s", claim.id(), body.unsendable());
                return DeliveryState.FAILED;
            }
            answer = client.send(claim.idempotencyKey(), claim.id(), timestamp, body.signature(), body.file());
        }
        DeliveryState state = store.record(claim, answer, Instant.now(), backoff);
        outcomes.get(answer.verdict()).increment();
        switch (answer.verdict()) {
            case DELIVERED -> LOG.debugf("Portal delivery %d delivered at attempt %d", claim.id(), claim.attempt());
            case RETRY -> {
                LOG.infof("Portal delivery %d, attempt %d: %s; will try again", claim.id(), claim.attempt(), answer.describe());
            }
            case FAILED -> LOG.warnf("Portal delivery %d FAILED: %s", claim.id(), answer.describe());
        }
        return state;
    }
}
