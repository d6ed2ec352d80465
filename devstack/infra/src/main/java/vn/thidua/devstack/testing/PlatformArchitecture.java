package vn.thidua.devstack.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The house rules as a platform module's {@code ArchitectureTest}: platform knows no service, and has no cycle.
 * One instance serves every rule, so the classes are read once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PlatformArchitecture {
    private final JavaClasses classes;

    /** The module's packages under {@code vn.thidua.platform}. */
    protected PlatformArchitecture(String... packages) {
        this.classes = HouseRules.mainClasses(Arrays.stream(packages).map(p -> "platform." + p).toArray(String[]::new));
    }

    @Test
    void importsNoService() {
        HouseRules.platformImportsNoService(classes);
    }

    @Test
    void packagesFormNoCycle() {
        HouseRules.noPackageCycles("platform", classes);
    }
}
