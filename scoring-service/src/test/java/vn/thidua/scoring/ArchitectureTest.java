package vn.thidua.scoring;

import vn.thidua.devstack.testing.ServiceArchitecture;

/** The house rules (architecture.md) over scoring-service's main classes. */
class ArchitectureTest extends ServiceArchitecture {
    ArchitectureTest() {
        super("scoring");
    }
}
