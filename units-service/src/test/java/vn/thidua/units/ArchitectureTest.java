package vn.thidua.units;

import vn.thidua.devstack.testing.ServiceArchitecture;

/** The house rules (architecture.md) over units-service's main classes. */
class ArchitectureTest extends ServiceArchitecture {
    ArchitectureTest() {
        super("units");
    }
}
