package vn.thidua.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import vn.thidua.platform.web.Messages;
import vn.thidua.platform.web.Problem;

/**
 * Problem details for answers the gateway gives itself on the Vert.x layer, below the REST
 * layer where platform-web's mappers work: same shape, same types, same language negotiation.
 */
@ApplicationScoped
public class ProblemResponses {
    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    /** A ready-to-send problem for {@code request}. */
    public Rendered render(HttpServerRequest request, int status, String slug, String messageKey, Object... args) {
        Locale locale = Messages.negotiate(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String detail = Messages.text(locale, messageKey, args);
        String title = Messages.text(locale, "problem.title." + slug);
        if (title.equals("problem.title." + slug)) {
            title = HttpResponseStatus.valueOf(status).reasonPhrase();
        }
        Problem problem = new Problem(Problem.typeOf(slug), title, status, detail, request.path(), List.of());
        try {
            return new Rendered(status, locale.getLanguage(), Buffer.buffer(json.writeValueAsBytes(problem)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem record could not be written as JSON", e);
        }
    }

    /** Sends a problem straight on the server response; completes when it is written. */
    public Future<Void> send(HttpServerRequest request, String requestId, int status, String slug, String messageKey, Object... args) {
        Rendered rendered = render(request, status, slug, messageKey, args);
        return request.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, rendered.language())
                .putHeader(RequestIds.HEADER, requestId)
                .end(rendered.body());
    }

    public record Rendered(int status, String language, Buffer body) {
    }
}
