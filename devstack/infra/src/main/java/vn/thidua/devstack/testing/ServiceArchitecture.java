package vn.thidua.devstack.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The house rules as a service's {@code ArchitectureTest}: a subclass names the service and, where the service is
 * mostly an edge (the gateway), the packages that hold its domain.
 * One instance serves every rule, so the classes are read once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceArchitecture {
    private final String service;
    private final JavaClasses classes;
    private final JavaClasses domain;

    /** {@code domainPackages} under the service's root; none: the whole service. */
    protected ServiceArchitecture(String service, String... domainPackages) {
        this.service = service;
        this.classes = HouseRules.mainClasses(service);
        this.domain = domainPackages.length == 0 ? classes
                : HouseRules.mainClasses(Arrays.stream(domainPackages).map(p -> service + "." + p).toArray(String[]::new));
    }

    @Test
    void importsNoOtherService() {
        HouseRules.noServiceImportsAnother(service, classes);
    }

    @Test
    void domainAndServicesKnowNoWire() {
        HouseRules.domainKnowsNoWire(service, domain);
    }

    @Test
    void featurePackagesFormNoCycle() {
        HouseRules.noPackageCycles(service, classes);
    }
}
