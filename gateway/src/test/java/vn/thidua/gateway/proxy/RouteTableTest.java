package vn.thidua.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private final RouteTable table = new RouteTable(List.of(
            Upstream.of("units", "/api/units", "http://localhost:8081"),
            Upstream.of("awards", "/api/awards", "http://awards.thidua.svc:8083/"),
            Upstream.of("portal", "/api/awards/portal", "https://portal.example.vn")));

    @Test
    void matchesThePrefixAndWhatLiesBelowItOnly() {
        assertEquals("units", table.match("/api/units").orElseThrow().name());
        assertEquals("units", table.match("/api/units/").orElseThrow().name());
        assertEquals("units", table.match("/api/units/000.00.31.H56/members").orElseThrow().name());
        assertTrue(table.match("/api/unitsx").isEmpty());
        assertTrue(table.match("/api").isEmpty());
        assertTrue(table.match("/api/scoring/x").isEmpty());
    }

    @Test
    void theLongestPrefixWins() {
        assertEquals("portal", table.match("/api/awards/portal/inbox").orElseThrow().name());
        assertEquals("awards", table.match("/api/awards/portals").orElseThrow().name());
    }

    @Test
    void readsHostPortAndScheme() {
        Upstream awards = table.match("/api/awards").orElseThrow();
        assertEquals("awards.thidua.svc", awards.host());
        assertEquals(8083, awards.port());
        Upstream portal = table.match("/api/awards/portal").orElseThrow();
        assertEquals(443, portal.port());
        assertTrue(portal.ssl());
    }

    @Test
    void refusesConfigurationMistakesAtStartUp() {
        assertThrows(IllegalArgumentException.class, () -> Upstream.of("x", "api/x", "http://localhost:1"));
        assertThrows(IllegalArgumentException.class, () -> Upstream.of("x", "/api/x/", "http://localhost:1"));
        assertThrows(IllegalArgumentException.class, () -> Upstream.of("x", "/api/x", "localhost:1"));
        assertThrows(IllegalArgumentException.class, () -> Upstream.of("x", "/api/x", "ftp://localhost:1"));
        assertThrows(IllegalArgumentException.class, () -> Upstream.of("x", "/api/x", "http://localhost:1/base"));
        assertThrows(IllegalArgumentException.class, () -> new RouteTable(List.of(
                Upstream.of("a", "/api/x", "http://localhost:1"), Upstream.of("b", "/api/x", "http://localhost:2"))));
    }

    @Test
    void classifiesUpstreamFailures() {
        assertEquals(UpstreamFailure.UNAVAILABLE, UpstreamFailure.of(new java.net.ConnectException("Connection refused")));
        assertEquals(UpstreamFailure.TIMEOUT, UpstreamFailure.of(new RuntimeException(new java.util.concurrent.TimeoutException())));
        assertEquals(UpstreamFailure.BAD_GATEWAY, UpstreamFailure.of(new IllegalStateException("Connection was closed")));
    }
}
