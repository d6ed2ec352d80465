package vn.thidua.units;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.HouseRules;

/** The house rules (architecture.md) over units-service's main classes. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = HouseRules.mainClasses("units");

    @Test
    void importsNoOtherService() {
        HouseRules.noServiceImportsAnother("units", CLASSES);
    }

    @Test
    void domainAndServicesKnowNoWire() {
        HouseRules.domainKnowsNoWire("units", CLASSES);
    }

    @Test
    void featurePackagesFormNoCycle() {
        HouseRules.noPackageCycles("units", CLASSES);
    }
}
