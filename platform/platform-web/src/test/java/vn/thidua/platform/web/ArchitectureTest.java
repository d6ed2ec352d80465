package vn.thidua.platform.web;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.HouseRules;

/** The house rules (architecture.md) over platform-web's main classes: platform knows no service, and its packages form no cycle. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = HouseRules.mainClasses("platform.web", "platform.domain", "platform.security", "platform.time", "platform.observability");

    @Test
    void importsNoService() {
        HouseRules.platformImportsNoService(CLASSES);
    }

    @Test
    void packagesFormNoCycle() {
        HouseRules.noPackageCycles("platform", CLASSES);
    }

    @Test
    void theDomainVocabularyKnowsNoWire() {
        HouseRules.domainKnowsNoWire("platform", HouseRules.mainClasses("platform.domain", "platform.time"));
    }
}
