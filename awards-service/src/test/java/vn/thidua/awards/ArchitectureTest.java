package vn.thidua.awards;

import vn.thidua.devstack.testing.ServiceArchitecture;

/** The house rules (architecture.md) over awards-service's main classes. */
class ArchitectureTest extends ServiceArchitecture {
    ArchitectureTest() {
        super("awards");
    }
}
