package vn.thidua.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.util.List;
import org.jboss.logging.Logger;
import vn.thidua.platform.web.Problem;

/**
 * What the gateway adds to one proxied exchange: the forwarding headers and the request id on
 * the way in, and on the way out the request id, or a problem+json instead of vertx-http-proxy's
 * empty 502 when the service could not be reached.
 */
final class Forwarding implements ProxyInterceptor {
    private static final Logger LOG = Logger.getLogger(Forwarding.class);
    // hop-by-hop headers (RFC 9110, 7.6.1) of the service's answer concern only the gateway's connection to it
    private static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-connection", "te", "trailer", "upgrade");

    private final Upstream upstream;
    private final String uri;
    private final String requestId;
    private final ProblemResponses problems;
    private final long bodyLimit;
    private final UpstreamBreakers.Permit permit;
    private LimitedBody limitedBody;

    Forwarding(Upstream upstream, String uri, String requestId, ProblemResponses problems, long bodyLimit,
            UpstreamBreakers.Permit permit) {
        this.upstream = upstream;
        this.uri = uri;
        this.requestId = requestId;
        this.problems = problems;
        this.bodyLimit = bodyLimit;
        this.permit = permit;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest outgoing = context.request();
        HttpServerRequest incoming = outgoing.proxiedRequest();
        outgoing.setURI(uri);
        MultiMap headers = outgoing.headers();
        // The TCP peer, not remoteAddress(): with quarkus.http.proxy forwarding on, that one is
        // already the client named by an ingress, which the existing header lists.
        SocketAddress peer = incoming.connection().remoteAddress();
        String prior = headers.get("X-Forwarded-For");
        String client = peer == null ? "unknown" : peer.hostAddress();
        headers.set("X-Forwarded-For", prior == null || prior.isBlank() ? client : prior + ", " + client);
        headers.set("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme());
        HostAndPort authority = incoming.authority();
        if (authority != null) {
            headers.set("X-Forwarded-Host", authority.toString());
        }
        headers.set(RequestIds.HEADER, requestId);
        Body body = outgoing.getBody();
        if (body != null && hasBody(incoming)) {
            limitedBody = new LimitedBody(body.stream(), bodyLimit, () -> incoming.connection().close());
            outgoing.setBody(Body.body(limitedBody, body.length()));
        }
        return context.sendRequest().recover(failure -> Future.succeededFuture(problem(context, failure)));
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null && !length.strip().equals("0") || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        ProxyResponse response = context.response();
        if (!tooLarge()) {
            int status = response.getStatusCode();
            // a service that says it is overloaded or cut off counts like one that cannot be reached
            if (status == 502 || status == 503 || status == 504) {
                permit.failed(new IllegalStateException(upstream.name() + " answered " + status));
            } else {
                permit.succeeded();
            }
        }
        MultiMap headers = response.headers();
        String connectionTokens = headers.get(HttpHeaders.CONNECTION);
        if (connectionTokens != null) {
            for (String token : connectionTokens.split(",")) {
                headers.remove(token.trim());
            }
        }
        HOP_BY_HOP.forEach(headers::remove);
        response.putHeader(RequestIds.HEADER, requestId);
        return context.sendResponse();
    }

    private boolean tooLarge() {
        return limitedBody != null && limitedBody.exceeded();
    }

    private ProxyResponse problem(ProxyContext context, Throwable failure) {
        HttpServerRequest incoming = context.request().proxiedRequest();
        if (tooLarge()) {
            // the caller's fault, not the service's: the breaker learns nothing from it
            permit.released();
            LOG.debugf("%s %s: body over %d bytes, request to %s reset, request %s", incoming.method(), incoming.path(),
                    bodyLimit, upstream.name(), requestId);
            ProblemResponses.Rendered rendered = problems.render(incoming, 413, "payload-too-large",
                    "gateway.payload-too-large", bodyLimit);
            return context.request().release().response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONTENT_LANGUAGE, rendered.language())
                    .setBody(Body.body(rendered.body()));
        }
        if (incoming.response().closed()) {
            // the caller went away and the proxy cut the service off: that says nothing about the service
            permit.released();
        } else {
            permit.failed(failure);
        }
        UpstreamFailure kind = UpstreamFailure.of(failure);
        LOG.warnf("%s %s -> %s (%s:%d) failed with %d, request %s: %s", incoming.method(), incoming.path(),
                upstream.name(), upstream.host(), upstream.port(), kind.status, requestId, failure.toString());
        ProblemResponses.Rendered rendered = problems.render(incoming, kind.status, kind.slug, kind.messageKey(), upstream.name());
        // release() drops what was meant for the service and lets the rest of the caller's body drain
        return context.request().release().response()
                .setStatusCode(kind.status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, rendered.language())
                .setBody(Body.body(rendered.body()));
    }
}
