package vn.thidua.platform.units;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.HouseRules;

/** The house rules (architecture.md) over platform-units's main classes: platform knows no service, and its packages form no cycle. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = HouseRules.mainClasses("platform.units");

    @Test
    void importsNoService() {
        HouseRules.platformImportsNoService(CLASSES);
    }

    @Test
    void packagesFormNoCycle() {
        HouseRules.noPackageCycles("platform", CLASSES);
    }
}
