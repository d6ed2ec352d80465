package vn.thidua.devstack.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The house rules of {@code architecture.md}, read from a module's compiled main classes: no service imports
 * another, platform imports no service, the domain (entities, aggregates, rules, services) knows nothing of HTTP,
 * Kafka or messaging, and the feature packages form no cycle. Each module's {@code ArchitectureTest} calls these.
 */
public final class HouseRules {
    /** The services, by their root package under {@code vn.thidua}. */
    public static final List<String> SERVICES = List.of("units", "scoring", "awards", "gateway");

    /** What only the edges may touch: the web (JAX-RS, RESTEasy, Vert.x), Kafka and reactive messaging. */
    private static final String[] EDGE_LIBRARIES = {"jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx..", "io.quarkus.vertx..",
            "org.apache.kafka..", "io.smallrye.reactive.messaging..", "org.eclipse.microprofile.reactive.messaging..",
            "io.quarkus.rest.client..", "org.eclipse.microprofile.rest.client.."};

    /**
     * The edges, by what they are for: REST resources and their filters and mappers, REST clients, and the consumers
     * that take events from Kafka. Only they speak HTTP or messaging; everything else is domain or application code.
     */
    private static final Pattern EDGE_NAMES = Pattern.compile(
            ".*(Resource|Resources|Mapper|Mappers|Filter|Client|Api|Consumer|Consumers|Forwarding|Relay|Routes)(\\$.*)?");

    private HouseRules() {
    }

    /** The main (not test) classes under {@code vn.thidua.<root>}. */
    public static JavaClasses mainClasses(String... roots) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(Arrays.stream(roots).map(root -> "vn.thidua." + root).toArray(String[]::new));
    }

    /** A service's classes import no other service's. */
    public static void noServiceImportsAnother(String service, JavaClasses classes) {
        String[] others = SERVICES.stream().filter(other -> !other.equals(service)).map(other -> "vn.thidua." + other + "..")
                .toArray(String[]::new);
        noClasses().that().resideInAPackage("vn.thidua." + service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services talk through events and HTTP, never through each other's classes (architecture.md)")
                .check(classes);
    }

    /** Platform code imports no service, and no test support. */
    public static void platformImportsNoService(JavaClasses classes) {
        String[] services = SERVICES.stream().map(service -> "vn.thidua." + service + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage("vn.thidua.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(services)
                .orShould().dependOnClassesThat().resideInAPackage("vn.thidua.devstack..")
                .because("platform holds what every service shares, so it can know none of them (architecture.md)")
                .check(classes);
    }

    /**
     * Entities, aggregates, rules and services import no JAX-RS, Kafka or messaging type, and do not throw the web's
     * {@code ProblemException}: they refuse with a status-free {@code Refusal}, and only the edges know the wire.
     */
    public static void domainKnowsNoWire(String root, JavaClasses classes) {
        noClasses().that().resideInAPackage("vn.thidua." + root + "..").and(notAnEdge())
                .should().dependOnClassesThat().resideInAnyPackage(EDGE_LIBRARIES)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("vn.thidua.platform.web.ProblemException")
                .because("domain and application code is plain Java the web layer and the consumers call (architecture.md)")
                .check(classes);
    }

    /** The feature packages under {@code vn.thidua.<root>} depend on each other without a cycle. */
    public static void noPackageCycles(String root, JavaClasses classes) {
        slices().matching("vn.thidua." + root + ".(*)..").should().beFreeOfCycles()
                .because("a feature reads another through its small API, one way (issue 21)")
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> notAnEdge() {
        return DescribedPredicate.describe("are not an edge (resource, filter, mapper, client, consumer)",
                type -> !EDGE_NAMES.matcher(type.getName()).matches()
                        && !type.isAnnotatedWith("jakarta.ws.rs.Path")
                        && !type.isAnnotatedWith("jakarta.ws.rs.ext.Provider")
                        && type.getMethods().stream().noneMatch(method ->
                                method.isAnnotatedWith("org.eclipse.microprofile.reactive.messaging.Incoming")));
    }
}
