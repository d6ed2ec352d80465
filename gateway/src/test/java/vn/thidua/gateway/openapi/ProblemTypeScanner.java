package vn.thidua.gateway.openapi;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.thidua.gateway.web.ProblemResponses;

/**
 * Finds every problem type the code can answer with ({@code https://thidua.vn/problems/<slug>}) by reading the
 * sources of every module ({@code src/main/java}), so that the list the contract documents cannot drift from the
 * code. A type is born where a slug is handed to a known <em>sink</em>: {@code ProblemException}'s factories and
 * constructor, {@code Refusal} (and {@code CouncilRefusal}), {@code Problem.typeOf}, the problem mappers' and the
 * gateway's own helpers, and the platform's file checks that derive a family of types from a document's kind
 * ({@code <kind>-not-pdf}). A slug is a string literal there, or a {@code static final String} constant, or a
 * literal at the call of a helper that builds it ({@code Requests.optionalId(raw, "clusterId")} gives
 * {@code invalid-cluster-id}).
 *
 * <p>Anything else at a sink, a slug the scanner cannot read, is a failure ({@link Result#unresolved}) unless it is one
 * of the few {@link #FORWARDERS}, the places that pass on a slug found elsewhere. A new way of making problems
 * must be taught here, so the list stays whole.
 */
final class ProblemTypeScanner {

    /** One place a problem type comes from, with the message key whose English text describes it. */
    record Found(String slug, String messageKey, String module, String where) {
    }

    record Result(Map<String, List<Found>> types, List<String> unresolved) {
    }

    /** A call that receives a slug: the argument holding it, the one holding the message key (-1: none), and what they give. */
    private record Sink(String name, Pattern call, String onlyIn, int slugArg, int keyArg,
                        BiFunction<String, String, List<String[]>> produces) {
    }

    private static BiFunction<String, String, List<String[]>> same() {
        return (slug, key) -> List.<String[]>of(new String[] {slug, key});
    }

    private static final List<Sink> SINKS = List.of(
            sink("ProblemException factory", "\\bProblemException\\s*\\.\\s*(?:badRequest|notFound|conflict|unprocessable)\\s*\\(", null, 0, 1, same()),
            sink("new ProblemException", "\\bnew\\s+ProblemException\\s*\\(", null, 1, 2, same()),
            sink("Refusal factory", "\\bRefusal\\s*\\.\\s*(?:invalid|forbidden|notFound|state|conflict|stale|rule|unprocessable)\\s*\\(", null, 0, 1, same()),
            sink("new Refusal", "\\bnew\\s+Refusal\\s*\\(", null, 1, 2, same()),
            sink("new CouncilRefusal", "\\bnew\\s+CouncilRefusal\\s*\\(", null, 0, 1, same()),
            sink("Problem.typeOf", "\\bProblem\\s*\\.\\s*typeOf\\s*\\(", null, 0, -1, same()),
            sink("ProblemMappers.respond", "\\brespond\\s*\\(", "ProblemMappers.java", 1, -1, same()),
            sink("OAuthProblemMapper.retryLater", "\\bretryLater\\s*\\(", "OAuthProblemMapper.java", 1, 2, same()),
            sink("ProblemResponses.render", "\\.\\s*render\\s*\\(", null, 2, 3, same()),
            sink("ProblemResponses.send", "\\bproblems\\s*\\.\\s*send\\s*\\(", null, 3, 4, same()),
            sink("page number", "\\bnumber\\s*\\(", "ClusterResource.java", 1, 2, same()),
            sink("page number", "\\bnumber\\s*\\(", "KnownClusterResource.java", 1, 2, same()),
            sink("ledger whole number", "\\bwholeNumber\\s*\\(", "LedgerResource.java", 1, -1,
                    (parameter, key) -> List.<String[]>of(new String[] {"invalid-" + parameter, "ledger.parameter.invalid"})),
            sink("Requests.optionalId", "\\bRequests\\s*\\.\\s*optionalId\\s*\\(", null, 1, -1,
                    (parameter, key) -> List.<String[]>of(new String[] {"invalid-" + kebab(parameter), "problem.parameter.invalid-id"})),
            sink("PdfDocument.of", "\\bPdfDocument\\s*\\.\\s*of\\s*\\(", null, 2, 3, (kind, texts) -> List.of(
                    new String[] {kind + "-not-pdf", texts + ".not-pdf"},
                    new String[] {kind + "-document-too-large", texts + ".document-too-large"})),
            sink("PdfDocument.verify", "\\bPdfDocument\\s*\\.\\s*verify\\s*\\(", null, 1, 2,
                    (kind, texts) -> List.<String[]>of(new String[] {kind + "-not-pdf", texts + ".not-pdf"})),
            sink("PdfDocument.tooLarge", "\\bPdfDocument\\s*\\.\\s*tooLarge\\s*\\(", null, 2, 3,
                    (kind, texts) -> List.<String[]>of(new String[] {kind + "-document-too-large", texts + ".document-too-large"})),
            sink("ImageFile.verify", "\\bImageFile\\s*\\.\\s*verify\\s*\\(", null, 3, -1,
                    (kind, key) -> List.<String[]>of(new String[] {kind + "-not-image", "file.image.unreadable"})));

    /**
     * The places that hand on a slug made elsewhere (the sinks' own insides, the helpers above with their slug as a
     * parameter), by file and the argument's text. Each is covered: by the literals at the helper's callers, or by
     * the enum or message keys read in {@link #enumTypes} and {@link #httpTypes}.
     */
    static final Set<String> FORWARDERS = Set.of(
            "ProblemException.java: typeSlug", "ProblemException.java: reasons", "ProblemException.java: reasons()",
            "Refusal.java: type", "Refusal.java: reasons",
            "ProblemMappers.java: e.type()", "ProblemMappers.java: slug",
            "OAuthProblemMapper.java: code.slug()", "OAuthProblemMapper.java: slug",
            "ProblemResponses.java: slug", "Forwarding.java: kind.slug",
            "PdfDocument.java: type + \"-document-too-large\"", "PdfDocument.java: type + \"-not-pdf\"",
            "ImageFile.java: type + \"-not-image\"",
            "Requests.java: \"invalid-\" + kebab(parameter)", "LedgerResource.java: \"invalid-\" + parameter",
            "ClusterResource.java: slug", "KnownClusterResource.java: slug");

    /** The exception types that carry a slug; a new subclass needs a sink above. */
    static final Set<String> PROBLEM_CLASSES = Set.of("ProblemException", "Refusal", "CouncilRefusal");

    private static final Pattern EXTENDS = Pattern.compile("\\bclass\\s+(\\w+)\\s+extends\\s+(ProblemException|Refusal|CouncilRefusal)\\b");
    private static final Pattern CONSTANT = Pattern.compile("\\bstatic\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"([^\"\\\\]*)\"\\s*;");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static Sink sink(String name, String call, String onlyIn, int slugArg, int keyArg, BiFunction<String, String, List<String[]>> produces) {
        return new Sink(name, Pattern.compile(call), onlyIn, slugArg, keyArg, produces);
    }

    private final Path root;

    ProblemTypeScanner(Path root) {
        this.root = root;
    }

    Result scan() {
        Map<String, List<Found>> types = new TreeMap<>();
        List<String> unresolved = new ArrayList<>();
        List<Path> sources = sources();
        Map<String, Map<String, String>> constants = new HashMap<>();
        Map<Path, String> texts = new LinkedHashMap<>();
        for (Path source : sources) {
            String text = withoutComments(read(source));
            texts.put(source, text);
            Map<String, String> ofClass = new HashMap<>();
            Matcher constant = CONSTANT.matcher(text);
            while (constant.find()) {
                ofClass.put(constant.group(1), constant.group(2));
            }
            constants.merge(className(source), ofClass, (a, b) -> {
                a.putAll(b);
                return a;
            });
            Matcher extension = EXTENDS.matcher(text);
            while (extension.find()) {
                if (!PROBLEM_CLASSES.contains(extension.group(1))) {
                    unresolved.add(relative(source) + ": " + extension.group(1) + " extends " + extension.group(2)
                            + ": teach ProblemTypeScanner its constructor (a sink) so its types are listed");
                }
            }
        }
        for (Map.Entry<Path, String> entry : texts.entrySet()) {
            Path source = entry.getKey();
            String text = entry.getValue();
            String file = source.getFileName().toString();
            for (Sink sink : SINKS) {
                if (sink.onlyIn() != null && !sink.onlyIn().equals(file)) {
                    continue;
                }
                Matcher call = sink.call().matcher(text);
                while (call.find()) {
                    List<String> arguments = arguments(text, call.end());
                    if (arguments == null || arguments.size() <= sink.slugArg() || isDeclaration(arguments)) {
                        continue;
                    }
                    String where = relative(source) + ":" + line(text, call.start());
                    String argument = arguments.get(sink.slugArg()).strip();
                    List<String> slugs = values(argument, constants, className(source));
                    if (slugs == null) {
                        if (!FORWARDERS.contains(file + ": " + argument)) {
                            unresolved.add(where + ": " + sink.name() + " with slug `" + argument
                                    + "`: use a literal or a constant, or teach ProblemTypeScanner where it comes from");
                        }
                        continue;
                    }
                    String key = sink.keyArg() < 0 || arguments.size() <= sink.keyArg() ? null
                            : first(values(arguments.get(sink.keyArg()).strip(), constants, className(source)));
                    for (String slug : slugs) {
                        for (String[] made : sink.produces().apply(slug, key)) {
                            add(types, unresolved, new Found(made[0], made[1], module(source), where));
                        }
                    }
                }
            }
        }
        enumTypes(texts).forEach(found -> add(types, unresolved, found));
        httpTypes().forEach(found -> add(types, unresolved, found));
        return new Result(types, unresolved);
    }

    private static void add(Map<String, List<Found>> types, List<String> unresolved, Found found) {
        if (!SLUG.matcher(found.slug()).matches()) {
            unresolved.add(found.where() + ": `" + found.slug() + "` is not a slug (lower-case words joined by -)");
            return;
        }
        types.computeIfAbsent(found.slug(), slug -> new ArrayList<>()).add(found);
    }

    /** The slugs the enums of the gateway name: its upstream failures and RFC 6749's error codes. */
    private List<Found> enumTypes(Map<Path, String> texts) {
        List<Found> found = new ArrayList<>();
        Pattern constant = Pattern.compile("(?m)^\\s*[A-Z_]+\\s*\\(\\s*\\d{3}\\s*,\\s*\"([a-z0-9_-]+)\"\\s*\\)\\s*[,;]");
        texts.forEach((source, text) -> {
            String file = source.getFileName().toString();
            if (!file.equals("UpstreamFailure.java") && !file.equals("OAuthProblem.java")) {
                return;
            }
            Matcher matcher = constant.matcher(text);
            while (matcher.find()) {
                String slug = matcher.group(1).replace('_', '-');
                String key = file.equals("UpstreamFailure.java") ? "gateway." + slug : null;
                found.add(new Found(slug, key, module(source), relative(source) + ":" + line(text, matcher.start())));
            }
        });
        if (found.isEmpty()) {
            throw new AssertionError("UpstreamFailure and OAuthProblem name no problem types: has their form changed?");
        }
        return found;
    }

    /** {@code http-<status>}: what platform-web's mapper answers for a JAX-RS error status, one per text it has. */
    private List<Found> httpTypes() {
        List<Found> found = new ArrayList<>();
        Path bundle = root.resolve("platform/platform-web/src/main/resources/i18n/platform_en.properties");
        for (String key : load(bundle).stringPropertyNames()) {
            Matcher matcher = Pattern.compile("problem\\.(http-\\d{3})").matcher(key);
            if (matcher.matches()) {
                found.add(new Found(matcher.group(1), key, "platform/platform-web", relative(bundle)));
            }
        }
        return found;
    }

    /**
     * The English text that says what a type means: {@code problem.about.<slug>} (a text for this list only, never shown
     * in an answer), else its title, else the text of the message it was raised with.
     */
    String describe(String slug, List<Found> places) {
        for (Found place : places) {
            String about = english(place.module(), "problem.about." + slug);
            if (about != null) {
                return plain(about);
            }
        }
        for (Found place : places) {
            String title = english(place.module(), "problem.title." + slug);
            if (title != null) {
                return plain(title);
            }
        }
        for (Found place : places) {
            if (place.messageKey() != null) {
                String text = english(place.module(), place.messageKey());
                if (text != null) {
                    return plain(text);
                }
            }
        }
        String text = english("platform/platform-web", "problem." + slug);
        return text == null ? "" : plain(text);
    }

    private final Map<String, Properties> bundles = new HashMap<>();

    private String english(String module, String key) {
        for (String where : List.of(module, "platform/platform-web")) {
            Properties texts = bundles.computeIfAbsent(where, m -> {
                Properties all = new Properties();
                try (Stream<Path> files = Files.list(root.resolve(m).resolve("src/main/resources/i18n"))) {
                    files.filter(f -> f.getFileName().toString().endsWith("_en.properties")).sorted().forEach(f -> all.putAll(load(f)));
                } catch (IOException noTexts) {
                    // a module without texts of its own
                }
                return all;
            });
            if (texts.getProperty(key) != null) {
                return texts.getProperty(key);
            }
        }
        return null;
    }

    /** A message as a sentence about the kind of problem: arguments become "…", MessageFormat's quotes undone. */
    static String plain(String message) {
        return message.replaceAll("\\{[^}]*}", "…").replace("''", "'").replaceAll("\\s+", " ").strip();
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The literal slugs an argument stands for, or null when it is not made of literals and constants alone. */
    private static List<String> values(String argument, Map<String, Map<String, String>> constants, String ownClass) {
        String expression = argument.strip();
        while (expression.startsWith("(") && expression.endsWith(")")) {
            expression = expression.substring(1, expression.length() - 1).strip();
        }
        Matcher literal = Pattern.compile("\"([^\"\\\\]*)\"").matcher(expression);
        if (literal.matches()) {
            return List.of(literal.group(1));
        }
        Matcher reference = Pattern.compile("(?:(\\w+)\\.)?([A-Z][A-Z0-9_]*)").matcher(expression);
        if (reference.matches()) {
            String owner = reference.group(1) == null ? ownClass : reference.group(1);
            String value = constants.getOrDefault(owner, Map.of()).get(reference.group(2));
            return value == null ? null : List.of(value);
        }
        // a choice between literals: cond ? "a" : "b"
        if (expression.contains("?") && !expression.contains("+")) {
            List<String> all = new ArrayList<>();
            Matcher any = Pattern.compile("\"([^\"\\\\]*)\"").matcher(expression.substring(expression.indexOf('?')));
            while (any.find()) {
                all.add(any.group(1));
            }
            return all.size() >= 2 ? all : null;
        }
        return null;
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** {@code String slug, ...}: the method's own declaration, not a call. */
    private static boolean isDeclaration(List<String> arguments) {
        return arguments.stream().anyMatch(argument -> argument.strip().matches("(final\\s+)?[A-Z]?[\\w.]*(<[^>]*>)?(\\[])*(\\.\\.\\.)?\\s+\\w+")
                && !argument.strip().startsWith("new "));
    }

    /** The top-level arguments of the call whose opening parenthesis ends at {@code start}, or null when unbalanced. */
    static List<String> arguments(String text, int start) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int end = endOfLiteral(text, i);
                current.append(text, i, end + 1);
                i = end;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    if (!current.toString().isBlank() || !arguments.isEmpty()) {
                        arguments.add(current.toString());
                    }
                    return arguments;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                arguments.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        return null;
    }

    private static int endOfLiteral(String text, int start) {
        char quote = text.charAt(start);
        if (quote == '"' && text.startsWith("\"\"\"", start)) {
            int end = text.indexOf("\"\"\"", start + 3);
            return end < 0 ? text.length() - 1 : end + 2;
        }
        for (int i = start + 1; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == quote) {
                return i;
            }
        }
        return text.length() - 1;
    }

    /** The source with its comments blanked out (line breaks kept, so line numbers hold). */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                int end = endOfLiteral(source, i);
                out.append(source, i, end + 1);
                i = end;
            } else if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
                if (i < source.length()) {
                    out.append('\n');
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                for (int j = i; j < end; j++) {
                    out.append(source.charAt(j) == '\n' ? '\n' : ' ');
                }
                i = end - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Every main source of every module but the devstack's (test infrastructure) and deploy's (a checker). */
    private List<Path> sources() {
        List<Path> all = new ArrayList<>();
        List<Path> sourceRoots = new ArrayList<>();
        try (Stream<Path> tops = Files.list(root)) {
            for (Path top : tops.filter(Files::isDirectory).sorted().toList()) {
                String name = top.getFileName().toString();
                if (name.startsWith(".") || Set.of("docs", "deploy", "devstack", "target", "node_modules").contains(name)) {
                    continue;
                }
                try (Stream<Path> dirs = Files.walk(top, 4)) {
                    dirs.filter(dir -> dir.endsWith(Path.of("src", "main", "java")) && Files.isDirectory(dir)).forEach(sourceRoots::add);
                }
            }
            for (Path dir : sourceRoots) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(all::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        all.sort(null);
        if (all.isEmpty()) {
            throw new AssertionError("no sources under " + root);
        }
        return all;
    }

    /** The module a source belongs to, as a path from the repository root ({@code units-service}, {@code platform/platform-web}). */
    private String module(Path source) {
        String path = relative(source);
        return path.substring(0, path.indexOf("/src/main/java/"));
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static String className(Path source) {
        String name = source.getFileName().toString();
        return name.substring(0, name.length() - ".java".length());
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
