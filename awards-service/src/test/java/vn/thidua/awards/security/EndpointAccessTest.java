package vn.thidua.awards.security;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.EndpointAccess;

/**
 * Every endpoint of awards-service declares who may call it, and {@code docs/access/awards.md} says the
 * same: read from the compiled classes, so it needs neither Quarkus nor the infrastructure.
 */
class EndpointAccessTest {

    @Test
    void everyEndpointDeclaresItsCallersAndTheTableIsCurrent() {
        List<EndpointAccess.Endpoint> endpoints = EndpointAccess.assertDeclaredAndDocumented("awards", "vn.thidua.awards");
        assertFalse(endpoints.isEmpty(), "no endpoint found: the scan looked in the wrong place");
    }
}
