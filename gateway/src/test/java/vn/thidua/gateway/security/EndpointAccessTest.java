package vn.thidua.gateway.security;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.EndpointAccess;

/**
 * Every endpoint of the gateway's own (the token endpoints, the admin API) declares who may call it,
 * and {@code docs/access/gateway.md} says the same. The proxied {@code /api/**} is the services' to declare.
 */
class EndpointAccessTest {

    @Test
    void everyEndpointDeclaresItsCallersAndTheTableIsCurrent() {
        List<EndpointAccess.Endpoint> endpoints = EndpointAccess.assertDeclaredAndDocumented("gateway", "vn.thidua.gateway");
        assertFalse(endpoints.isEmpty(), "no endpoint found: the scan looked in the wrong place");
    }
}
