package vn.thidua.awards;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.HouseRules;

/** The house rules (architecture.md) over awards-service's main classes. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = HouseRules.mainClasses("awards");

    @Test
    void importsNoOtherService() {
        HouseRules.noServiceImportsAnother("awards", CLASSES);
    }

    @Test
    void domainAndServicesKnowNoWire() {
        HouseRules.domainKnowsNoWire("awards", CLASSES);
    }

    @Test
    void featurePackagesFormNoCycle() {
        HouseRules.noPackageCycles("awards", CLASSES);
    }
}
