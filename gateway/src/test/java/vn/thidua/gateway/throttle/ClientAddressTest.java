package vn.thidua.gateway.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private static final TrustedProxies INGRESS = TrustedProxies.of(List.of("10.0.0.0/8", "2001:db8:1::/48"), false);

    @Test
    void byDefaultTheTcpPeerCountsWhateverTheCallerClaims() {
        assertEquals("192.0.2.7", ClientAddress.of("192.0.2.7", "203.0.113.9", TrustedProxies.NONE));
        assertEquals("192.0.2.7", ClientAddress.of("192.0.2.7", null, TrustedProxies.NONE));
        assertEquals("unknown", ClientAddress.of(null, "203.0.113.9", TrustedProxies.NONE));
    }

    @Test
    void anUntrustedPeerIsTheClientEvenWithAListOfProxies() {
        assertEquals("192.0.2.7", ClientAddress.of("192.0.2.7", "203.0.113.9", INGRESS));
    }

    @Test
    void behindTrustedProxiesTheRightMostUntrustedEntryCounts() {
        assertEquals("203.0.113.9", ClientAddress.of("10.0.0.2", "203.0.113.9", INGRESS));
        // the client wrote 198.51.100.66 itself; the ingress appended the address it saw
        assertEquals("203.0.113.9", ClientAddress.of("10.0.0.2", "198.51.100.66, 203.0.113.9", INGRESS));
        // two trusted hops: a load balancer (10.1.2.3) before the ingress
        assertEquals("203.0.113.9", ClientAddress.of("10.0.0.2", "198.51.100.66,203.0.113.9 , 10.1.2.3", INGRESS));
        assertEquals("2001:db8:2:0:0:0:0:5", ClientAddress.of("2001:db8:1::7", "2001:db8:2::5", INGRESS));
    }

    @Test
    void aForgedOrMalformedEntryEndsTheWalkAtTheHopToItsRight() {
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", null, INGRESS));
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", "", INGRESS));
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", "203.0.113.9, not-an-address", INGRESS));
        assertEquals("10.1.2.3", ClientAddress.of("10.0.0.2", "evil.example, 10.1.2.3", INGRESS));
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", "x".repeat(65), INGRESS));
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", "203.0.113.300", INGRESS));
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", "10.1", INGRESS), "no legacy short forms, no DNS");
    }

    @Test
    void portsWrittenBySomeProxiesAreIgnored() {
        assertEquals("203.0.113.9", ClientAddress.of("10.0.0.2", "203.0.113.9:4711", INGRESS));
        assertEquals("2001:db8:2:0:0:0:0:5", ClientAddress.of("10.0.0.2", "[2001:db8:2::5]:4711", INGRESS));
    }

    @Test
    void theOlderBooleanTrustsThePeerForTheEntryItAppendedOnly() {
        TrustedProxies legacy = TrustedProxies.of(List.of(), true);
        assertEquals("203.0.113.9", ClientAddress.of("192.0.2.7", "203.0.113.9", legacy));
        assertEquals("203.0.113.9", ClientAddress.of("192.0.2.7", "1.2.3.4, 203.0.113.9", legacy),
                "a client-written first entry no longer counts");
        assertEquals("192.0.2.7", ClientAddress.of("192.0.2.7", "203.0.113.9",
                TrustedProxies.of(List.of("10.0.0.1"), true)), "a list replaces the boolean");
    }

    @Test
    void aMistypedProxyStopsTheStart() {
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of("10.0.0.0/33"), false));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of("ingress.local"), false));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of("10.0.0/8"), false));
    }
}
