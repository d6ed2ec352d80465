package vn.thidua.gateway.throttle;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import vn.thidua.gateway.config.GatewayConfig;

/**
 * The proxies whose {@code X-Forwarded-For} the gateway believes ({@code thidua.gateway.trusted-proxies}:
 * addresses and CIDR blocks). Without a list, the older {@code thidua.gateway.trust-forwarded-for=true}
 * still works and means "the TCP peer is the one proxy in front": it is believed for the entry it
 * appended (the right-most), never for the entries the client sent before it.
 */
public final class TrustedProxies {
    /** Trusts no one: the TCP peer is the client. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of(), false);

    private final List<Block> blocks;
    private final boolean anyPeer;

    private TrustedProxies(List<Block> blocks, boolean anyPeer) {
        this.blocks = blocks;
        this.anyPeer = anyPeer;
    }

    public static TrustedProxies from(GatewayConfig config) {
        return of(config.trustedProxies().orElse(List.of()), config.trustForwardedFor());
    }

    /** {@code anyPeer}: the older boolean setting, used only when {@code proxies} is empty. */
    static TrustedProxies of(List<String> proxies, boolean anyPeer) {
        List<Block> blocks = proxies.stream().map(String::strip).filter(p -> !p.isEmpty()).map(Block::parse).toList();
        return new TrustedProxies(blocks, blocks.isEmpty() && anyPeer);
    }

    /** Whether the TCP peer may speak for the client in {@code X-Forwarded-For}. */
    boolean trustsPeer(InetAddress peer) {
        return anyPeer || isProxy(peer);
    }

    /** Whether a forwarded hop is itself a trusted proxy, so the hop before it may be believed too. */
    boolean isProxy(InetAddress hop) {
        byte[] bytes = hop.getAddress();
        return blocks.stream().anyMatch(block -> block.contains(bytes));
    }

    /** An address or CIDR block such as {@code 10.0.0.0/8} or {@code fd00::/8}. */
    private record Block(byte[] network, int prefixBits) {
        static Block parse(String text) {
            int slash = text.indexOf('/');
            InetAddress address = IpLiteral.parse(slash < 0 ? text : text.substring(0, slash))
                    .orElseThrow(() -> invalid(text));
            int maxBits = address.getAddress().length * 8;
            int bits;
            try {
                bits = slash < 0 ? maxBits : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw invalid(text);
            }
            if (bits < 0 || bits > maxBits) {
                throw invalid(text);
            }
            return new Block(address.getAddress(), bits);
        }

        private static IllegalArgumentException invalid(String text) {
            return new IllegalArgumentException("thidua.gateway.trusted-proxies: \"" + text
                    + "\" is neither an IP address nor a CIDR block");
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefixBits / 8;
            if (!Arrays.equals(address, 0, whole, network, 0, whole)) {
                return false;
            }
            int rest = prefixBits % 8;
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return rest == 0 || (address[whole] & mask) == (network[whole] & mask);
        }
    }

    /** IP literals only: a host name is never resolved (a DNS lookup per request would be an attack of its own). */
    static final class IpLiteral {
        private IpLiteral() {
        }

        static Optional<InetAddress> parse(String text) {
            if (text == null || text.isEmpty() || text.length() > 45) {
                return Optional.empty();
            }
            if (text.indexOf(':') >= 0) {
                // IPv6: with a colon and hex digits only, InetAddress parses and never looks up a name
                if (!text.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(InetAddress.getByName(text));
                } catch (UnknownHostException e) {
                    return Optional.empty();
                }
            }
            return ipv4(text);
        }

        /** Four decimal parts 0-255 exactly; InetAddress would take "10.1" too and look up what it cannot parse. */
        private static Optional<InetAddress> ipv4(String text) {
            String[] parts = text.split("\\.", -1);
            if (parts.length != 4) {
                return Optional.empty();
            }
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return Optional.empty();
                }
                int value = Integer.parseInt(parts[i]);
                if (value > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) value;
            }
            try {
                return Optional.of(InetAddress.getByAddress(bytes));
            } catch (UnknownHostException impossible) {
                return Optional.empty();
            }
        }
    }
}
