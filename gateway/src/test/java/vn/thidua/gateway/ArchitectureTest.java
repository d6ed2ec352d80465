package vn.thidua.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.HouseRules;

/**
 * The house rules (architecture.md) over the gateway's main classes. The gateway is an edge by nature (the proxy,
 * the access log, the token endpoint's form handling and the rate limits work on Vert.x and JAX-RS types), so the
 * rule that domain code knows no wire holds for its domain: accounts and refresh tokens.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = HouseRules.mainClasses("gateway");

    @Test
    void importsNoService() {
        HouseRules.noServiceImportsAnother("gateway", CLASSES);
    }

    @Test
    void accountsAndRefreshTokensKnowNoWire() {
        HouseRules.domainKnowsNoWire("gateway", HouseRules.mainClasses("gateway.account", "gateway.refresh"));
    }

    @Test
    void featurePackagesFormNoCycle() {
        HouseRules.noPackageCycles("gateway", CLASSES);
    }
}
