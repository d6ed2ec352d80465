package vn.thidua.awards.portal;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Sends one signed delivery and says what came back, never throwing for the portal's sake: an
 * answer of any status, or none (refused, timed out, connection closed), is a {@link PortalAnswer}.
 * Retrying is not done here but by {@link PortalDeliverer}, durably, from the database.
 */
@ApplicationScoped
class PortalClient {
    private static final int MAX_BODY = 4000;
    private final PortalConfig config;
    private volatile PortalApi api;

    PortalClient(PortalConfig config) {
        this.config = config;
    }

    PortalAnswer send(UUID idempotencyKey, long deliveryId, long timestamp, String signature, Path body) {
        try (Response response = api().deliver(idempotencyKey.toString(), Long.toString(deliveryId), Long.toString(timestamp), signature, body.toFile())) {
            return answer(response);
        } catch (WebApplicationException refused) {
            try (Response response = refused.getResponse()) {
                return answer(response);
            }
        } catch (RuntimeException unanswered) {
            return PortalAnswer.unanswered(reason(unanswered));
        }
    }

    private PortalApi api() {
        PortalApi current = api;
        if (current == null) {
            synchronized (this) {
                if (api == null) {
                    api = QuarkusRestClientBuilder.newBuilder()
                            .baseUri(config.url().orElseThrow(() -> new IllegalStateException("thidua.portal.url is not set")))
                            .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .readTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .followRedirects(false)
                            .property("microprofile.rest.client.disable.default.mapper", true)
                            .build(PortalApi.class);
                }
                current = api;
            }
        }
        return current;
    }

    private static PortalAnswer answer(Response response) {
        String body = null;
        if (response.hasEntity()) {
            try {
                body = response.readEntity(String.class);
            } catch (RuntimeException unreadable) {
                body = null;
            }
        }
        if (body != null && body.length() > MAX_BODY) {
            body = body.substring(0, MAX_BODY);
        }
        return new PortalAnswer(response.getStatus(), body, retryAfter(response.getHeaderString("Retry-After")), null);
    }

    /** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(Instant.now(), ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException neither) {
                return null;
            }
        }
    }

    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getClass().getSimpleName() + ": " + root.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
