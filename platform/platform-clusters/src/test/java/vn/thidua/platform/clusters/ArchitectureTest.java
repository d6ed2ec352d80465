package vn.thidua.platform.clusters;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.HouseRules;

/** The house rules (architecture.md) over platform-clusters's main classes: platform knows no service, and its packages form no cycle. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = HouseRules.mainClasses("platform.clusters");

    @Test
    void importsNoService() {
        HouseRules.platformImportsNoService(CLASSES);
    }

    @Test
    void packagesFormNoCycle() {
        HouseRules.noPackageCycles("platform", CLASSES);
    }
}
