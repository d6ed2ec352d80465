package vn.thidua.gateway.proxy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.thidua.gateway.config.GatewayConfig;

/** The configured routes, longest prefix first, so {@code /api/awards/portal} may go elsewhere than {@code /api/awards}. */
public final class RouteTable {
    private final List<Upstream> upstreams;

    public RouteTable(List<Upstream> upstreams) {
        List<Upstream> sorted = new ArrayList<>(upstreams);
        sorted.sort(Comparator.comparingInt((Upstream u) -> u.prefix().length()).reversed().thenComparing(Upstream::name));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).prefix().equals(sorted.get(i - 1).prefix())) {
                throw new IllegalArgumentException("Routes " + sorted.get(i - 1).name() + " and " + sorted.get(i).name()
                        + " have the same prefix " + sorted.get(i).prefix());
            }
        }
        this.upstreams = List.copyOf(sorted);
    }

    public static RouteTable of(Map<String, GatewayConfig.Route> routes) {
        return new RouteTable(routes.entrySet().stream()
                .map(e -> Upstream.of(e.getKey(), e.getValue().prefix(), e.getValue().url()))
                .toList());
    }

    public Optional<Upstream> match(String path) {
        return upstreams.stream().filter(u -> u.serves(path)).findFirst();
    }

    public List<Upstream> upstreams() {
        return upstreams;
    }
}
