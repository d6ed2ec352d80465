package vn.thidua.gateway.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import java.util.List;
import vn.thidua.gateway.throttle.LoginThrottled;
import vn.thidua.platform.web.Messages;
import vn.thidua.platform.web.Problem;

public class OAuthProblemMapper {
    private final MeterRegistry registry;

    public OAuthProblemMapper(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * RFC 9457's members plus RFC 6749's. {@code detail} follows the caller's language;
     * {@code error_description} is always the English text, as RFC 6749 allows only ASCII there.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record OAuthProblemBody(URI type, String title, int status, String detail, String instance,
            String error, @JsonProperty("error_description") String errorDescription) {
    }

    @ServerExceptionMapper
    public Response map(OAuthProblem e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.negotiate(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        OAuthProblem.Code code = e.code();
        refused(code.error);
        OAuthProblemBody body = new OAuthProblemBody(Problem.typeOf(code.slug()),
                Messages.text(locale, "problem.title." + code.slug()), code.status,
                Messages.text(locale, e.messageKey(), e.args()), uri.getPath(),
                code.error, Messages.text(Messages.ENGLISH, e.messageKey(), e.args()));
        Response.ResponseBuilder response = Response.status(code.status)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(body);
        if (e.basicChallenge()) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"thidua\", charset=\"UTF-8\"");
        }
        return response.build();
    }

    /** 429 with {@code Retry-After}; no RFC 6749 error code fits, so it is a plain problem. */
    @ServerExceptionMapper
    public Response map(LoginThrottled e, HttpHeaders headers, UriInfo uri) {
        refused("throttled");
        long minutes = Math.max(1, (e.retryAfterSeconds() + 59) / 60);
        return retryLater(429, "too-many-login-failures", "oauth.too-many-login-failures", minutes,
                e.retryAfterSeconds(), headers, uri);
    }

    /** 503 with {@code Retry-After}: every password-hash permit was taken, the attempt was not counted. */
    @ServerExceptionMapper
    public Response map(PasswordHashGate.LoginsBusy e, HttpHeaders headers, UriInfo uri) {
        refused("busy");
        return retryLater(503, "logins-busy", "oauth.logins-busy", e.retryAfterSeconds(),
                e.retryAfterSeconds(), headers, uri);
    }

    /** By RFC 6749 error code, or {@code throttled} and {@code busy}: a surge of either is an alert (deploy/monitoring). */
    private void refused(String reason) {
        registry.counter("thidua.logins.refused", "reason", reason).increment();
    }

    private static Response retryLater(int status, String slug, String messageKey, long messageArg,
            long retryAfterSeconds, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.negotiate(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Problem body = new Problem(Problem.typeOf(slug), Messages.text(locale, "problem.title." + slug), status,
                Messages.text(locale, messageKey, messageArg), uri.getPath(), List.of());
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .entity(body)
                .build();
    }
}
