package vn.thidua.gateway.proxy;

import java.net.URI;
import java.util.Locale;

/** One service behind the gateway and the path prefix it answers for. */
public record Upstream(String name, String prefix, String host, int port, boolean ssl) {

    /**
     * Checks a route from configuration, so that a typo stops the gateway at start-up instead of
     * turning into puzzling 404s or 502s later.
     */
    public static Upstream of(String name, String prefix, String url) {
        if (prefix == null || !prefix.startsWith("/") || prefix.length() < 2 || prefix.endsWith("/")
                || prefix.contains("*") || prefix.contains("?")) {
            throw new IllegalArgumentException("thidua.gateway.routes." + name + ".prefix must look like /api/<service> (no trailing slash), not '" + prefix + "'");
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("thidua.gateway.routes." + name + ".url is not a URL: '" + url + "'", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("thidua.gateway.routes." + name + ".url must be an http(s) URL with a host, not '" + url + "'");
        }
        // The gateway forwards the path unchanged (services mount /api/<service> themselves), so a
        // base path in the URL would be silently ignored: refuse it instead.
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")
                || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("thidua.gateway.routes." + name + ".url must have no path, query or user info: '" + url + "'");
        }
        boolean ssl = scheme.equals("https");
        int port = uri.getPort() != -1 ? uri.getPort() : ssl ? 443 : 80;
        return new Upstream(name, prefix, uri.getHost(), port, ssl);
    }

    /** The prefix itself and what lies below it: {@code /api/units}, {@code /api/units/x}, not {@code /api/unitsx}. */
    public boolean serves(String path) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }
}
