package vn.thidua.gateway.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void byDefaultTheTcpPeerCountsWhateverTheCallerClaims() {
        assertEquals("192.0.2.7", ClientAddress.of("192.0.2.7", "203.0.113.9", false));
        assertEquals("192.0.2.7", ClientAddress.of("192.0.2.7", null, false));
    }

    @Test
    void behindATrustedProxyTheFirstForwardedForEntryCounts() {
        assertEquals("203.0.113.9", ClientAddress.of("10.0.0.2", " 203.0.113.9 , 10.0.0.1", true));
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", null, true));
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", " ,10.0.0.1", true));
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", "x".repeat(65), true));
    }
}
