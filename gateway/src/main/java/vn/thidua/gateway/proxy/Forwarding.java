package vn.thidua.gateway.proxy;

import io.opentelemetry.api.trace.Span;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
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
import java.util.Locale;
import org.jboss.logging.Logger;
import vn.thidua.gateway.accesslog.AccessLog;
import vn.thidua.gateway.web.ProblemResponses;
import vn.thidua.gateway.web.RequestIds;
import vn.thidua.platform.web.Problem;

/**
 * What the gateway adds to one proxied exchange: the forwarding headers and the request id on
 * the way in, and on the way out the request id, or a problem+json instead of vertx-http-proxy's
 * empty 502 when the service could not be reached.
 *
 * <p>A service may answer before it has the whole body (a permission check refuses an upload at once).
 * That answer is the caller's, whatever happens to the body:
 * <ul>
 * <li>A body over {@value #EXPECT_CONTINUE_ABOVE} bytes, or of unknown length, is sent with
 * {@code Expect: 100-continue} and held back until the service says {@code 100 Continue} (Quarkus REST
 * does when it starts reading), or until {@value #CONTINUE_WAIT_MILLIS} ms have passed without an
 * answer (RFC 9110, 10.1.1). A service that refuses first never gets the body, and so never has to
 * close its connection with an unread body in it: that close resets the connection (RST), and when
 * the gateway still had body bytes waiting to be written the reset could beat the answer, which was
 * lost and became a 502.
 * <li>An error answer (or {@code Connection: close}) while the body is still flowing ends the upload
 * to the service: the rest of the caller's body is read and dropped, so the caller finishes sending
 * and reads the answer, and once the answer is relayed the request to the service is reset (its
 * connection cannot be reused with a body half sent).
 * </ul>
 * A caller that went away is not the service's failure: the breaker is not told, and the access log and
 * the metrics show 499.
 */
final class Forwarding implements ProxyInterceptor {
    private static final Logger LOG = Logger.getLogger(Forwarding.class);
    // hop-by-hop headers (RFC 9110, 7.6.1) of the service's answer concern only the gateway's connection to it
    private static final List<String> TRACE_CONTEXT = List.of("traceparent", "tracestate");
    private static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-connection", "te", "trailer", "upgrade");
    /** Smaller bodies go out at once: they fit in the socket buffers, so no reset can overtake an answer. */
    static final long EXPECT_CONTINUE_ABOVE = 64 * 1024;
    static final long CONTINUE_WAIT_MILLIS = 1000;

    private final Upstream upstream;
    private final String uri;
    private final String requestId;
    private final ProblemResponses problems;
    private final long bodyLimit;
    private final UpstreamBreakers.Permit permit;
    private final Vertx vertx;
    private LimitedBody limitedBody;
    private HttpClientRequest upstreamRequest;
    private long continueTimer = -1;
    private boolean callerExpectsContinue;
    private HttpServerRequest incoming;

    Forwarding(Upstream upstream, String uri, String requestId, ProblemResponses problems, long bodyLimit,
            UpstreamBreakers.Permit permit, Vertx vertx) {
        this.vertx = vertx;
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
        this.incoming = incoming;
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
        if (Span.current().getSpanContext().isValid()) {
            // the service continues the trace from the gateway's own call to it, whose context the tracer adds;
            // the caller's context is the parent of the gateway's span already
            TRACE_CONTEXT.forEach(headers::remove);
        }
        Body body = outgoing.getBody();
        if (body != null && hasBody(incoming)) {
            limitedBody = new LimitedBody(body.stream(), bodyLimit, () -> incoming.connection().close());
            outgoing.setBody(Body.body(limitedBody, body.length()));
            String expect = headers.get(HttpHeaders.EXPECT);
            callerExpectsContinue = expect != null && expect.equalsIgnoreCase("100-continue");
            if (body.length() < 0 || body.length() > EXPECT_CONTINUE_ABOVE) {
                headers.set(HttpHeaders.EXPECT, "100-continue");
                limitedBody.hold(this::headOnly);
            }
        }
        return context.sendRequest().recover(failure -> Future.succeededFuture(problem(context, failure)));
    }

    /** The request to the service, as soon as there is one (GatewayRoutes' origin). */
    void upstreamRequest(HttpClientRequest request) {
        this.upstreamRequest = request;
        if (limitedBody != null && (limitedBody.held() || callerExpectsContinue)) {
            request.continueHandler(ignored -> proceed(true));
        }
    }

    /** A held body: the proxy is ready to stream it; the head goes alone, and the service has a moment to refuse. */
    private void headOnly() {
        HttpClientRequest request = upstreamRequest;
        if (request == null) {
            limitedBody.release();
            return;
        }
        request.sendHead();
        continueTimer = vertx.setTimer(CONTINUE_WAIT_MILLIS, id -> {
            continueTimer = -1;
            proceed(false);
        });
    }

    /** The service said 100 Continue, or kept silent long enough: the body goes. */
    private void proceed(boolean serviceSaidContinue) {
        cancelContinueTimer();
        if (serviceSaidContinue && callerExpectsContinue) {
            // the caller waits for it too (the gateway does not answer Expect by itself)
            callerExpectsContinue = false;
            if (!incoming.response().headWritten() && !incoming.response().closed()) {
                incoming.response().writeContinue();
            }
        }
        if (limitedBody == null || !limitedBody.held()) {
            return;
        }
        limitedBody.release();
    }

    private void cancelContinueTimer() {
        if (continueTimer != -1) {
            vertx.cancelTimer(continueTimer);
            continueTimer = -1;
        }
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null && !length.strip().equals("0") || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        ProxyResponse response = context.response();
        cancelContinueTimer();
        if (incoming.response().closed()) {
            // Nobody to answer. Writing to the closed connection would still count in Vert.x's metrics as an
            // answer with that status, beside the reset it has already counted (499, ClientClosedRequestMetrics).
            judge(response.getStatusCode()); // the service did answer (a no-op when problem() settled it)
            HttpClientRequest request = upstreamRequest;
            if (request != null) {
                request.reset();
            }
            return Future.succeededFuture();
        }
        boolean cutUpload = false;
        if (limitedBody != null && !limitedBody.delivered() && !tooLarge()) {
            int status = response.getStatusCode();
            String connection = response.headers().get(HttpHeaders.CONNECTION);
            // an answer before the body went (held back) or an error while it flows: the service wants no more of it
            if (limitedBody.held() || status >= 400 || connection != null && connection.toLowerCase(Locale.ROOT).contains("close")) {
                LOG.debugf("%s %s: %s answered %d before the whole body, request %s; the rest of the body is dropped",
                        incoming.method(), incoming.path(), upstream.name(), status, requestId);
                limitedBody.divert();
                cutUpload = true;
            }
        }
        if (!tooLarge()) {
            judge(response.getStatusCode());
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
        if (!cutUpload) {
            return context.sendResponse();
        }
        // once the answer is relayed: the service's connection has a body half sent and cannot be reused
        return context.sendResponse().onComplete(ignored -> {
            HttpClientRequest request = upstreamRequest;
            if (request != null) {
                request.reset();
            }
        });
    }

    private void judge(int status) {
        // a service that says it is overloaded or cut off counts like one that cannot be reached
        if (status == 502 || status == 503 || status == 504) {
            permit.failed(new IllegalStateException(upstream.name() + " answered " + status));
        } else {
            permit.succeeded();
        }
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
        cancelContinueTimer();
        if (limitedBody != null) {
            // whatever the service got, it gets no more; the caller's body drains (release() below)
            limitedBody.divert();
        }
        if (incoming.response().closed()) {
            // the caller went away and the proxy cut the service off: that says nothing about the service
            // (the access log and the metrics show 499; there is nobody left to answer)
            permit.released();
            LOG.debugf("%s %s: the caller went away before %s answered, request %s", incoming.method(), incoming.path(),
                    upstream.name(), requestId);
            return context.request().release().response().setStatusCode(AccessLog.CLIENT_CLOSED_REQUEST);
        }
        permit.failed(failure);
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
