package vn.thidua.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body over the HTTP layer's limit ({@code quarkus.http.limits.max-body-size}, sized for the
 * largest file a service takes) is refused with a 413 problem in the caller's language, as every
 * other refusal is; so is a JSON body over {@code thidua.http.max-json-body-size} (1 MB unless
 * configured), far more than any request of this system needs, so that a client cannot make a
 * service parse megabytes of JSON whose unknown fields would be ignored anyway. Quarkus's own check answers a
 * bare 413 without a body; this one runs just before it and looks at the same header, and a body
 * sent in chunks, whose size shows only while it is read, is caught when that read fails. On with
 * the input policy ({@link JsonInputPolicy#ENABLED}).
 */
@Singleton
public class BodyLimit {
    /** Quarkus checks the limit at order -2 (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT); ours must come first. */
    static final int ORDER = -3;
    private static final long QUARKUS_DEFAULT = 10_240L * 1024;

    void install(@Observes Router router, ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> configured,
            @ConfigProperty(name = "thidua.http.max-json-body-size", defaultValue = "1M") MemorySize jsonLimit,
            @ConfigProperty(name = JsonInputPolicy.ENABLED, defaultValue = "false") boolean enabled) {
        if (!enabled) {
            return;
        }
        long limit = configured.map(MemorySize::asLongValue).orElse(QUARKUS_DEFAULT);
        router.route().order(ORDER).handler(context -> {
            long length = declaredLength(context.request());
            if (length > limit) {
                refuse(context, mapper, limit);
            } else if (length > jsonLimit.asLongValue() && isJson(context.request())) {
                refuse(context, mapper, jsonLimit.asLongValue());
            } else {
                context.next();
            }
        }).failureHandler(context -> {
            if (context.statusCode() == 413 && !context.response().headWritten()) {
                refuse(context, mapper, limit);
            } else {
                context.next();
            }
        });
    }

    private static boolean isJson(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return false;
        }
        String mediaType = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static long declaredLength(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException malformed) {
            return -1; // Vert.x refuses a malformed length itself
        }
    }

    private static void refuse(RoutingContext context, ObjectMapper mapper, long limit) {
        Locale locale = Messages.negotiate(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        long megabytes = limit / (1024 * 1024);
        Problem problem = new Problem(Problem.typeOf("body-too-large"), Messages.text(locale, "problem.title.body-too-large"), 413,
                Messages.text(locale, "problem.body-too-large", megabytes), context.request().path(), List.of());
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem record always serialises", e);
        }
        // the connection goes after the answer: the rest of the body is not worth reading
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
