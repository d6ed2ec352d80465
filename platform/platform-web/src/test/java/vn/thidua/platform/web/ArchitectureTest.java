package vn.thidua.platform.web;

import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.HouseRules;
import vn.thidua.devstack.testing.PlatformArchitecture;

/** The house rules (architecture.md) over platform-web's main classes; its domain vocabulary knows no wire. */
class ArchitectureTest extends PlatformArchitecture {
    ArchitectureTest() {
        super("web", "domain", "security", "time", "observability");
    }

    @Test
    void theDomainVocabularyKnowsNoWire() {
        HouseRules.domainKnowsNoWire("platform", HouseRules.mainClasses("platform.domain", "platform.time"));
    }
}
