package vn.thidua.platform.clusters;

import vn.thidua.devstack.testing.PlatformArchitecture;

/** The house rules (architecture.md) over platform-clusters's main classes. */
class ArchitectureTest extends PlatformArchitecture {
    ArchitectureTest() {
        super("clusters");
    }
}
