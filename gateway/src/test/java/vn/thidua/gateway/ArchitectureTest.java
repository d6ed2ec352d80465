package vn.thidua.gateway;

import vn.thidua.devstack.testing.ServiceArchitecture;

/**
 * The house rules (architecture.md) over the gateway's main classes. The gateway is an edge by nature (the proxy,
 * the access log, the token endpoint's form handling and the rate limits work on Vert.x and JAX-RS types), so the
 * rule that domain code knows no wire holds for its domain: accounts and refresh tokens.
 */
class ArchitectureTest extends ServiceArchitecture {
    ArchitectureTest() {
        super("gateway", "account", "refresh");
    }
}
