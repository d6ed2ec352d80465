package vn.thidua.platform.units;

import vn.thidua.devstack.testing.PlatformArchitecture;

/** The house rules (architecture.md) over platform-units's main classes. */
class ArchitectureTest extends PlatformArchitecture {
    ArchitectureTest() {
        super("units");
    }
}
