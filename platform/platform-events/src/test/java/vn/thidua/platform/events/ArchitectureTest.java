package vn.thidua.platform.events;

import vn.thidua.devstack.testing.PlatformArchitecture;

/** The house rules (architecture.md) over platform-events's main classes. */
class ArchitectureTest extends PlatformArchitecture {
    ArchitectureTest() {
        super("events");
    }
}
