package vn.thidua.gateway.throttle;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/** The address a login attempt is counted against. */
public final class ClientAddress {
    private ClientAddress() {
    }

    public static String of(HttpServerRequest request, boolean trustForwardedFor) {
        SocketAddress peer = request.connection() == null ? null : request.connection().remoteAddress();
        return of(peer == null ? null : peer.hostAddress(), request.getHeader("X-Forwarded-For"), trustForwardedFor);
    }

    /**
     * The TCP peer; or, only when a trusted proxy sets it, the first {@code X-Forwarded-For}
     * entry (the client as the outermost proxy saw it).
     */
    static String of(String peer, String forwardedFor, boolean trustForwardedFor) {
        if (trustForwardedFor && forwardedFor != null) {
            String first = forwardedFor.split(",", 2)[0].strip();
            if (!first.isEmpty() && first.length() <= 64) {
                return first;
            }
        }
        return peer == null ? "unknown" : peer;
    }
}
