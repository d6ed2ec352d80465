package vn.thidua.scoring;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.HouseRules;

/** The house rules (architecture.md) over scoring-service's main classes. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = HouseRules.mainClasses("scoring");

    @Test
    void importsNoOtherService() {
        HouseRules.noServiceImportsAnother("scoring", CLASSES);
    }

    @Test
    void domainAndServicesKnowNoWire() {
        HouseRules.domainKnowsNoWire("scoring", CLASSES);
    }

    @Test
    void featurePackagesFormNoCycle() {
        HouseRules.noPackageCycles("scoring", CLASSES);
    }
}
