package vn.thidua.gateway.proxy;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/** What the caller is told when a service could not answer: the status, and the problem type and text. */
enum UpstreamFailure {
    /** Nobody accepted the connection (service down, wrong address, connect timeout): worth retrying later. */
    UNAVAILABLE(503, "upstream-unavailable"),
    /** Connected, but the service stayed silent longer than the response timeout. */
    TIMEOUT(504, "upstream-timeout"),
    /** Anything else: the connection broke or the answer was not HTTP. */
    BAD_GATEWAY(502, "bad-gateway");

    final int status;
    final String slug;

    UpstreamFailure(int status, String slug) {
        this.status = status;
        this.slug = slug;
    }

    String messageKey() {
        return "gateway." + slug;
    }

    static UpstreamFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // Netty's ConnectTimeoutException is a ConnectException too
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return UNAVAILABLE;
            }
            if (t instanceof TimeoutException) {
                return TIMEOUT;
            }
        }
        return BAD_GATEWAY;
    }
}
