package vn.thidua.devstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who may call each endpoint of a service, read from its compiled resource classes: every method
 * with an HTTP method annotation under a class {@code @Path}, with the security annotation that
 * applies to it (the method's own, else its class's). A service's test uses {@link #undeclared} to
 * fail on an endpoint that declares nothing, and {@link #table} to keep {@code docs/access/<service>.md}
 * true: the table is generated here, so the documentation cannot drift from the code.
 *
 * <p>Annotations are matched by name, so this module needs neither the Jakarta REST nor the security
 * API on its own class path.
 */
public final class EndpointAccess {
    /** The roles, in the order the table shows them (platform {@code Roles}). */
    public static final List<String> ROLES = List.of("admin", "board", "cluster-leader", "unit-rep", "viewer", "portal", "council-member");

    /**
     * Roles that only some services serve: their column shows only in the tables of services that name them,
     * so a role one service brings in does not rewrite every other service's table.
     */
    private static final Set<String> SHOWN_WHERE_NAMED = Set.of("council-member");

    private static final String PATH = "jakarta.ws.rs.Path";
    private static final String HTTP_METHOD = "jakarta.ws.rs.HttpMethod";
    private static final String ROLES_ALLOWED = "jakarta.annotation.security.RolesAllowed";
    private static final String PERMIT_ALL = "jakarta.annotation.security.PermitAll";
    private static final String DENY_ALL = "jakarta.annotation.security.DenyAll";
    private static final String AUTHENTICATED = "io.quarkus.security.Authenticated";

    /**
     * One endpoint and its declaration.
     *
     * @param declaration {@code roles}, {@code permit-all}, {@code authenticated}, {@code deny-all}, or
     *                    {@code none} when nothing applies (which the tests refuse)
     * @param roles       the roles named by {@code @RolesAllowed}, in {@link #ROLES} order (unknown ones last)
     */
    public record Endpoint(String httpMethod, String path, String javaMethod, String declaration, List<String> roles) {
        public boolean declared() {
            return !declaration.equals("none");
        }
    }

    private EndpointAccess() {
    }

    /**
     * Every endpoint of the resource classes under a package, from the compiled main classes (the
     * test classes beside them are skipped), sorted by path then HTTP method.
     */
    public static List<Endpoint> of(String basePackage) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> type : mainClasses(basePackage)) {
            Annotation classPath = find(type.getAnnotations(), PATH);
            if (classPath == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String httpMethod = httpMethod(method);
                if (httpMethod == null || !Modifier.isPublic(method.getModifiers())) {
                    continue;
                }
                Annotation methodPath = find(method.getAnnotations(), PATH);
                String path = join(value(classPath), methodPath == null ? "" : value(methodPath));
                endpoints.add(declared(httpMethod, path, type.getSimpleName() + "." + method.getName(), method, type));
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::httpMethod).thenComparing(Endpoint::javaMethod));
        return endpoints;
    }

    /** The endpoints that declare nothing: with deny-unannotated-endpoints they answer 403 to everyone. */
    public static List<Endpoint> undeclared(List<Endpoint> endpoints) {
        return endpoints.stream().filter(e -> !e.declared()).toList();
    }

    /** The access table of a service as {@code docs/access/<service>.md} holds it. */
    public static String table(String service, List<Endpoint> endpoints) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(service).append(": who may call each endpoint\n\n");
        out.append("Generated from the code by `vn.thidua.devstack.testing.EndpointAccess`; the service's ")
                .append("`EndpointAccessTest` fails when this file is out of date and prints the new one. ")
                .append("A role marked here passes the role check; what it may then do with one unit's or one ")
                .append("cluster's things is the ownership rule in [README.md](README.md).\n\n");
        List<String> columns = ROLES.stream()
                .filter(role -> !SHOWN_WHERE_NAMED.contains(role) || endpoints.stream().anyMatch(e -> e.roles().contains(role))).toList();
        out.append("| method | path | ").append(String.join(" | ", columns)).append(" | declared by |\n");
        out.append("|---|---|").append("---|".repeat(columns.size())).append("---|\n");
        for (Endpoint e : endpoints) {
            out.append("| ").append(e.httpMethod()).append(" | `").append(e.path()).append("` |");
            for (String role : columns) {
                out.append(' ').append(allows(e, role) ? "✓" : "").append(" |");
            }
            out.append(' ').append(e.javaMethod()).append(declarationNote(e)).append(" |\n");
        }
        long total = endpoints.size();
        out.append("\n").append(total).append(" endpoints.\n");
        return out.toString();
    }

    /**
     * Compares the generated table with the committed file; when they differ, throws an
     * {@link AssertionError} that holds the new table (and writes it to the file instead when the
     * system property {@code thidua.access.write} is {@code true}).
     */
    public static void assertTableCurrent(Path committed, String generated) {
        try {
            String current = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
            if (current.equals(generated)) {
                return;
            }
            if (Boolean.getBoolean("thidua.access.write")) {
                Files.createDirectories(committed.getParent());
                Files.writeString(committed, generated, StandardCharsets.UTF_8);
                return;
            }
            throw new AssertionError(committed + " is out of date (run the test with -Dthidua.access.write=true to rewrite it). "
                    + "It should read:\n" + generated);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean allows(Endpoint e, String role) {
        return switch (e.declaration()) {
            case "permit-all", "authenticated" -> true;
            case "roles" -> e.roles().contains(role) || e.roles().contains("**");
            default -> false;
        };
    }

    private static String declarationNote(Endpoint e) {
        return switch (e.declaration()) {
            case "permit-all" -> " (@PermitAll: also without a token)";
            case "authenticated" -> " (@Authenticated)";
            case "deny-all" -> " (@DenyAll)";
            case "none" -> " (**nothing declared**)";
            default -> "";
        };
    }

    private static Endpoint declared(String httpMethod, String path, String javaMethod, Method method, Class<?> type) {
        for (Annotation[] level : List.of(method.getAnnotations(), type.getAnnotations())) {
            Annotation roles = find(level, ROLES_ALLOWED);
            if (roles != null) {
                List<String> named = Arrays.asList(values(roles));
                List<String> ordered = new ArrayList<>(ROLES.stream().filter(named::contains).toList());
                named.stream().filter(r -> !ROLES.contains(r)).sorted().forEach(ordered::add);
                return new Endpoint(httpMethod, path, javaMethod, "roles", List.copyOf(ordered));
            }
            if (find(level, PERMIT_ALL) != null) {
                return new Endpoint(httpMethod, path, javaMethod, "permit-all", List.of());
            }
            if (find(level, AUTHENTICATED) != null) {
                return new Endpoint(httpMethod, path, javaMethod, "authenticated", List.of());
            }
            if (find(level, DENY_ALL) != null) {
                return new Endpoint(httpMethod, path, javaMethod, "deny-all", List.of());
            }
        }
        return new Endpoint(httpMethod, path, javaMethod, "none", List.of());
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            Annotation marker = find(annotation.annotationType().getAnnotations(), HTTP_METHOD);
            if (marker != null) {
                return value(marker);
            }
        }
        return null;
    }

    private static Annotation find(Annotation[] annotations, String name) {
        return Arrays.stream(annotations).filter(a -> a.annotationType().getName().equals(name)).findFirst().orElse(null);
    }

    private static String value(Annotation annotation) {
        return (String) attribute(annotation);
    }

    private static String[] values(Annotation annotation) {
        return (String[]) attribute(annotation);
    }

    private static Object attribute(Annotation annotation) {
        try {
            return annotation.annotationType().getMethod("value").invoke(annotation);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String join(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** The classes of the package compiled from {@code src/main} (a {@code classes} directory, not {@code test-classes}). */
    private static List<Class<?>> mainClasses(String basePackage) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        String folder = basePackage.replace('.', '/');
        List<Class<?>> classes = new ArrayList<>();
        try {
            Enumeration<URL> roots = loader.getResources(folder);
            for (URL root : Collections.list(roots)) {
                if (!root.getProtocol().equals("file")) {
                    continue;
                }
                Path dir = Path.of(root.toURI());
                Path classesRoot = dir;
                for (int i = 0; i < folder.split("/").length; i++) {
                    classesRoot = classesRoot.getParent();
                }
                if (!classesRoot.getFileName().toString().equals("classes")) {
                    continue;
                }
                Path base = classesRoot;
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
                        String name = base.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                        name = name.substring(0, name.length() - ".class".length());
                        if (!name.contains("$")) {
                            classes.add(Class.forName(name, false, loader));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException("No compiled main classes found under " + basePackage);
        }
        return classes;
    }

    /**
     * The whole check a service's test makes: every endpoint under the package declares who may call
     * it, names only known roles, and {@code docs/access/<service>.md} (found from the module
     * directory the tests run in) shows exactly these declarations.
     *
     * @return the endpoints, for the test to count
     */
    public static List<Endpoint> assertDeclaredAndDocumented(String service, String basePackage) {
        List<Endpoint> endpoints = of(basePackage);
        List<Endpoint> undeclared = undeclared(endpoints);
        if (!undeclared.isEmpty()) {
            throw new AssertionError("Endpoints that do not declare who may call them (add @RolesAllowed, @PermitAll or "
                    + "@Authenticated): " + undeclared);
        }
        Set<String> unknown = unknownRoles(endpoints);
        if (!unknown.isEmpty()) {
            throw new AssertionError("Unknown roles in @RolesAllowed: " + unknown);
        }
        assertTableCurrent(Path.of("..", "docs", "access", service + ".md").toAbsolutePath().normalize(), table(service, endpoints));
        assertDeniesUnannotated(Path.of("..", "platform", "platform-web", "src", "main", "resources", "META-INF", "microprofile-config.properties"));
        return endpoints;
    }

    /** The safety net behind the declarations: without it an endpoint that forgets to declare is open to every caller. */
    private static void assertDeniesUnannotated(Path properties) {
        try {
            // platform-web's defaults hold it for every service; a service's own properties must not turn it off
            boolean set = Files.readAllLines(properties, StandardCharsets.UTF_8).stream().map(String::strip)
                    .anyMatch(line -> line.replace(" ", "").equals("quarkus.security.jaxrs.deny-unannotated-endpoints=true"));
            boolean turnedOff = Files.readAllLines(Path.of("src", "main", "resources", "application.properties"), StandardCharsets.UTF_8)
                    .stream().map(line -> line.replace(" ", "")).anyMatch(line -> line.contains("deny-unannotated-endpoints=false"));
            if (turnedOff) {
                throw new AssertionError("This service's application.properties turns deny-unannotated-endpoints off");
            }
            if (!set) {
                throw new AssertionError(properties.toAbsolutePath() + " must set quarkus.security.jaxrs.deny-unannotated-endpoints=true");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Roles named in a table that are not one of {@link #ROLES}: a typo there would lock everyone out. */
    public static Set<String> unknownRoles(List<Endpoint> endpoints) {
        return endpoints.stream().flatMap(e -> e.roles().stream()).filter(r -> !ROLES.contains(r)).collect(Collectors.toSet());
    }
}
