package vn.thidua.gateway.throttle;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.util.Optional;

/** The address a login attempt, a rate-limit bucket and an access-log line are counted against. */
public final class ClientAddress {
    /** Hops looked at, right to left; no real chain of proxies is longer. */
    private static final int MAX_HOPS = 16;

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request, TrustedProxies trusted) {
        SocketAddress peer = request.connection() == null ? null : request.connection().remoteAddress();
        return of(peer == null ? null : peer.hostAddress(), request.getHeader("X-Forwarded-For"), trusted);
    }

    /**
     * The TCP peer; or, when the peer is a trusted proxy, the right-most {@code X-Forwarded-For}
     * entry that is not itself a trusted proxy. Entries left of it were written by the client and are
     * never believed; an entry that is not an IP address ends the walk at the hop to its right.
     */
    static String of(String peer, String forwardedFor, TrustedProxies trusted) {
        if (peer == null) {
            return "unknown";
        }
        Optional<InetAddress> peerAddress = TrustedProxies.IpLiteral.parse(peer);
        if (forwardedFor == null || peerAddress.isEmpty() || !trusted.trustsPeer(peerAddress.get())) {
            return peer;
        }
        String client = peer;
        String[] hops = forwardedFor.split(",", -1);
        for (int i = hops.length - 1; i >= Math.max(0, hops.length - MAX_HOPS); i--) {
            Optional<InetAddress> hop = TrustedProxies.IpLiteral.parse(withoutPort(hops[i].strip()));
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get().getHostAddress();
            if (!trusted.isProxy(hop.get())) {
                break;
            }
        }
        return client;
    }

    /** Some proxies write {@code 203.0.113.9:4711} or {@code [2001:db8::1]:4711}. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end < 0 ? "" : hop.substring(1, end);
        }
        int colon = hop.indexOf(':');
        return colon >= 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }
}
