package vn.thidua.devstack.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The input cases of the attack suite, the same for every service: hostile bodies against each
 * write of the service, each to be refused with a 4xx {@code application/problem+json} answer
 * (never a 500, never an empty or plain body) and without changing anything. Each case is built
 * from a valid sample body, so that the attack is the only thing wrong with it.
 *
 * <p>For a JSON write: malformed JSON of several kinds, a body over 10 MB, the wrong content type,
 * and for each named text field a very long string, hidden and broken Unicode, stacked combining
 * marks, SQL and script fragments and values of the wrong JSON type; for each named number field
 * huge, tiny and negative numbers and values of the wrong type. For a file upload: the wrong
 * content types, an empty, a malformed and an oversized file, and hostile file names (for a
 * service that takes a name with the file).
 */
public final class InputAttacks {
    /** Over the 10 MB every service takes at most, JSON or file. */
    public static final int OVERSIZED_BYTES = 10 * 1024 * 1024 + 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LONE_SURROGATE_MARK = "lone-surrogate-goes-here";
    private static final RestAssuredConfig AS_SENT = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private InputAttacks() {
    }

    /** Hostile texts by name, each in place of a text field's value. */
    static Map<String, String> hostileTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("100 000 characters", "a".repeat(100_000));
        texts.put("stacked combining marks", "Nguyễn" + "\u0301\u0300\u0303\u0309\u0323".repeat(6));
        texts.put("right-to-left override", "Báo cáo \u202Efdp.exe");
        texts.put("NUL", "Đơn vị\u0000 khác");
        texts.put("bell and escape controls", "Đơn vị \u0007\u001B[31m đỏ");
        texts.put("C1 control", "Đơn vị \u0085 khác");
        texts.put("byte order mark inside", "Đơn\uFEFF vị");
        texts.put("word joiner", "Đơn\u2060vị");
        texts.put("hidden tag characters", "Đơn vị\uDB40\uDC48\uDB40\uDC49");
        texts.put("lone surrogate escape", LONE_SURROGATE_MARK);
        texts.put("SQL: drop table", "'; DROP TABLE unit; --");
        texts.put("SQL: tautology", "' OR '1'='1");
        texts.put("SQL: union select", "x' UNION SELECT password FROM account");
        texts.put("SQL: stacked statement", "1; DELETE FROM proposal");
        texts.put("script tag", "<script>alert(1)</script>");
        texts.put("image onerror", "<img src=x onerror=alert(1)>");
        texts.put("svg onload", "<svg/onload=alert(1)>");
        texts.put("HTML comment", "Đơn vị <!-- ẩn -->");
        return texts;
    }

    /** Hostile JSON values, written as they go on the wire, in place of a number field's value. */
    static Map<String, String> hostileNumbers() {
        Map<String, String> numbers = new LinkedHashMap<>();
        numbers.put("1e309 (beyond a double)", "1e309");
        numbers.put("99999999999999999999 (beyond a long)", "99999999999999999999");
        numbers.put("-1e18", "-1e18");
        numbers.put("1e-400 (400 decimal places)", "1e-400");
        numbers.put("text", "\"abc\"");
        numbers.put("object", "{}");
        numbers.put("array", "[1,2]");
        return numbers;
    }

    /** A write that takes a JSON body. */
    public static Endpoint json(String method, String path, String token, String validBody) {
        return new Endpoint(method, path, token, validBody, null);
    }

    /** A write that takes a file as its whole body, in {@code contentType}. */
    public static Endpoint file(String method, String path, String token, String contentType) {
        return new Endpoint(method, path, token, null, contentType);
    }

    /** One write under attack: where it is, who may make it, and what it takes. */
    public static final class Endpoint {
        private final String method;
        private final String path;
        private final String token;
        private final String validBody;
        private final String fileType;
        private final List<String> textFields = new ArrayList<>();
        private final List<String> numberFields = new ArrayList<>();
        private final List<String> keyedObjects = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String fileNameHeader;

        private Endpoint(String method, String path, String token, String validBody, String fileType) {
            this.method = method;
            this.path = path;
            this.token = token;
            this.validBody = validBody;
            this.fileType = fileType;
        }

        /** Text fields of the body, as JSON pointers ({@code /name}, {@code /targets/0/name}); absent ones are added. */
        public Endpoint texts(String... pointers) {
            textFields.addAll(Arrays.asList(pointers));
            return this;
        }

        /** Number fields of the body, as JSON pointers. */
        public Endpoint numbers(String... pointers) {
            numberFields.addAll(Arrays.asList(pointers));
            return this;
        }

        /** Objects of the body whose keys the client chooses (a map, such as a ballot's choices): a hostile key is added. */
        public Endpoint keys(String... pointers) {
            keyedObjects.addAll(Arrays.asList(pointers));
            return this;
        }

        /** A header every case carries, e.g. a current {@code If-Match}. */
        public Endpoint header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** The header that names an uploaded file; its value is attacked too. */
        public Endpoint fileName(String header) {
            this.fileNameHeader = header;
            return this;
        }

        String name() {
            return method + " " + path;
        }
    }

    /**
     * Sends every hostile case to every endpoint, and reads {@code state} (what a Board officer
     * sees of the data these writes would change) before and after.
     *
     * @return how many cases were sent
     * @throws AssertionError listing every case that was not refused as it should be, and any change of state
     */
    public static int assertRefused(Supplier<String> state, Endpoint... endpoints) {
        String before = state.get();
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (Endpoint endpoint : endpoints) {
            List<Case> attacks = endpoint.fileType == null ? jsonCases(endpoint) : fileCases(endpoint);
            for (Case attack : attacks) {
                expectProblem(failures, endpoint, attack, cases % 2 == 0 ? "vi" : "en");
                cases++;
            }
        }
        String after = state.get();
        if (!before.equals(after)) {
            failures.add("the data changed:\n  before: " + abbreviate(before) + "\n  after:  " + abbreviate(after));
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + cases + " input attacks were not refused as they should be:\n"
                    + String.join("\n", failures));
        }
        return cases;
    }

    /** One hostile request: its name for the report, its content type and its bytes. */
    record Case(String name, String contentType, byte[] body, Map<String, String> headers) {
        Case(String name, String contentType, byte[] body) {
            this(name, contentType, body, Map.of());
        }
    }

    static List<Case> jsonCases(Endpoint endpoint) {
        String json = "application/json";
        String valid = endpoint.validBody;
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("empty body", json, new byte[0]));
        cases.add(new Case("JSON null", json, utf8("null")));
        cases.add(new Case("cut short after {", json, utf8("{")));
        cases.add(new Case("cut short in the middle", json, utf8(valid.substring(0, valid.length() / 2))));
        cases.add(new Case("trailing garbage", json, utf8(valid + "}}garbage")));
        cases.add(new Case("single quotes", json, utf8(valid.replace('"', '\''))));
        cases.add(new Case("plain text", json, utf8("xin chào")));
        cases.add(new Case("an array instead of an object", json, utf8("[" + valid + "]")));
        cases.add(new Case("a number instead of an object", json, utf8("42")));
        cases.add(new Case("NaN literal", json, utf8("{\"value\": NaN}")));
        cases.add(new Case("raw control character inside a string", json, utf8("{\"x\":\"a\u0001b\"}")));
        cases.add(new Case("invalid UTF-8", json, invalidUtf8(valid)));
        cases.add(new Case("overlong UTF-8 (\\xc0\\xae for a dot)", json, overlongUtf8(valid)));
        if (read(valid) instanceof ObjectNode) {
            cases.add(new Case("an unknown property", json, withUnknownProperty(valid)));
        }
        cases.add(new Case("nested 5000 deep", json, utf8("[".repeat(5000) + "]".repeat(5000))));
        cases.add(new Case("body over 10 MB", json, oversizedJson(valid)));
        cases.add(new Case("content type text/plain", "text/plain", utf8(valid)));
        cases.add(new Case("content type application/xml", "application/xml", utf8("<unit><name>x</name></unit>")));
        for (String field : endpoint.textFields) {
            hostileTexts().forEach((attack, text) -> cases.add(new Case(field + " = " + attack, json, withText(valid, field, text))));
            cases.add(new Case(field + " = an object", json, withRaw(valid, field, "{\"a\":1}")));
            cases.add(new Case(field + " = an array", json, withRaw(valid, field, "[\"a\",\"b\"]")));
        }
        for (String object : endpoint.keyedObjects) {
            hostileTexts().forEach((attack, key) -> cases.add(new Case(object + " key = " + attack, json, withKey(valid, object, key))));
        }
        for (String field : endpoint.numberFields) {
            hostileNumbers().forEach((attack, raw) -> cases.add(new Case(field + " = " + attack, json, withRaw(valid, field, raw))));
        }
        return cases;
    }

    static List<Case> fileCases(Endpoint endpoint) {
        String type = endpoint.fileType;
        // a complete, if tiny, PDF: under a hostile name it is the name alone that must be refused
        byte[] tinyPdf = TestFiles.pdf("tệp nhỏ");
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("content type text/plain", "text/plain", utf8("xin chào")));
        cases.add(new Case("content type application/json", "application/json", utf8("{\"a\":1}")));
        cases.add(new Case("content type of a program", "application/x-msdownload", utf8("MZ\u0090\u0000")));
        cases.add(new Case("empty file", type, new byte[0]));
        cases.add(new Case("malformed file: random bytes", type, randomBytes(4096)));
        cases.add(new Case("malformed file: a script", type, utf8("<script>alert(1)</script>")));
        cases.add(new Case("file over 10 MB", type, oversizedFile()));
        if (endpoint.fileNameHeader != null) {
            Map<String, String> names = new LinkedHashMap<>();
            names.put("script", "<script>alert(1)</script>.pdf");
            names.put("SQL", "'; DROP TABLE dossier_file; --.pdf");
            names.put("1000 characters", "a".repeat(1000) + ".pdf");
            names.forEach((attack, name) -> cases.add(new Case("file name = " + attack, type, tinyPdf,
                    Map.of(endpoint.fileNameHeader, name))));
        }
        return cases;
    }

    private static void expectProblem(List<String> failures, Endpoint endpoint, Case attack, String language) {
        RequestSpecification request = given().config(AS_SENT).header("Accept-Language", language)
                .auth().oauth2(endpoint.token).contentType(attack.contentType()).body(attack.body());
        endpoint.headers.forEach(request::header);
        attack.headers().forEach(request::header);
        Response response;
        try {
            response = request.request(endpoint.method, endpoint.path);
        } catch (RuntimeException connectionFailed) {
            failures.add(endpoint.name() + " [" + attack.name() + "]: no answer: " + connectionFailed);
            return;
        }
        int status = response.statusCode();
        String contentType = response.getContentType();
        String body = response.asString();
        // the answer is for people too: in the language asked for, with no trace of the code behind it
        if (status < 400 || status > 499 || contentType == null || !contentType.startsWith("application/problem+json")
                || body.isBlank() || body.contains("Exception") || body.contains("\tat ")
                || !language.equals(response.getHeader("Content-Language"))) {
            failures.add(endpoint.name() + " [" + attack.name() + "]: " + status + " " + contentType + " ("
                    + response.getHeader("Content-Language") + ") " + abbreviate(body));
        }
    }

    private static byte[] withText(String valid, String pointer, String text) {
        if (LONE_SURROGATE_MARK.equals(text)) {
            // Jackson will not write half a surrogate pair, so the escape goes into the text afterwards
            String marked = new String(withText(valid, pointer, "Đơn " + LONE_SURROGATE_MARK + " vị"), StandardCharsets.UTF_8);
            return utf8(marked.replace(LONE_SURROGATE_MARK, "\\ud800"));
        }
        return write(replaced(valid, pointer, JsonNodeFactory.instance.textNode(text)));
    }

    private static byte[] withKey(String valid, String pointer, String key) {
        if (LONE_SURROGATE_MARK.equals(key)) {
            String marked = new String(withKey(valid, pointer, "Đơn " + LONE_SURROGATE_MARK), StandardCharsets.UTF_8);
            return utf8(marked.replace(LONE_SURROGATE_MARK, "\\ud800"));
        }
        JsonNode root = read(valid);
        if (!(root.at(pointer) instanceof ObjectNode object) || object.isEmpty()) {
            throw new IllegalArgumentException("No object with an entry at " + pointer + " of " + valid);
        }
        // the new entry's value is a genuine one, so that the key is all that is wrong
        object.set(key, object.elements().next().deepCopy());
        return write(root);
    }

    private static byte[] withRaw(String valid, String pointer, String rawJson) {
        String mark = "raw-value-goes-here";
        String marked = new String(withText(valid, pointer, mark), StandardCharsets.UTF_8);
        return utf8(marked.replace("\"" + mark + "\"", rawJson));
    }

    private static JsonNode replaced(String valid, String pointer, JsonNode value) {
        JsonNode root = read(valid);
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = root.at(at.head());
        String last = at.last().getMatchingProperty();
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(last);
            if (index < array.size()) {
                array.set(index, value);
            } else {
                array.add(value);
            }
        } else {
            throw new IllegalArgumentException("No object or array at " + at.head() + " of " + valid);
        }
        return root;
    }

    private static byte[] oversizedJson(String valid) {
        JsonNode root = read(valid);
        String padding = "a".repeat(OVERSIZED_BYTES);
        if (root instanceof ObjectNode object) {
            object.put("padding", padding);
            return write(object);
        }
        return utf8("[\"" + padding + "\"]");
    }

    private static byte[] oversizedFile() {
        byte[] file = new byte[OVERSIZED_BYTES];
        byte[] header = utf8("%PDF-1.7\n");
        System.arraycopy(header, 0, file, 0, header.length);
        Arrays.fill(file, header.length, file.length, (byte) ' ');
        return file;
    }

    private static byte[] invalidUtf8(String valid) {
        // 0xC3 starts a two-byte sequence that 0x28 does not continue
        byte[] body = utf8(valid.replaceFirst("\"([^\"]*)\"\\s*:\\s*\"", "\"$1\":\"\u0001"));
        String text = new String(body, StandardCharsets.UTF_8);
        int at = text.indexOf('\u0001');
        if (at < 0) {
            return new byte[] {'{', '"', 'x', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'};
        }
        byte[] prefix = utf8(text.substring(0, at));
        byte[] suffix = utf8(text.substring(at + 1));
        byte[] result = new byte[prefix.length + 2 + suffix.length];
        System.arraycopy(prefix, 0, result, 0, prefix.length);
        result[prefix.length] = (byte) 0xC3;
        result[prefix.length + 1] = 0x28;
        System.arraycopy(suffix, 0, result, prefix.length + 2, suffix.length);
        return result;
    }

    /** The valid body with a value of "..", each dot written as the overlong two-byte sequence C0 AE, which a lenient decoder takes for a dot. */
    private static byte[] overlongUtf8(String valid) {
        String mark = "overlong-goes-here";
        byte[] marked = read(valid) instanceof ObjectNode ? write(((ObjectNode) read(valid)).put("overlong", mark)) : utf8("[\"" + mark + "\"]");
        String text = new String(marked, StandardCharsets.UTF_8);
        int at = text.indexOf(mark);
        byte[] prefix = utf8(text.substring(0, at));
        byte[] suffix = utf8(text.substring(at + mark.length()));
        byte[] dots = {(byte) 0xC0, (byte) 0xAE, (byte) 0xC0, (byte) 0xAE};
        byte[] result = new byte[prefix.length + dots.length + suffix.length];
        System.arraycopy(prefix, 0, result, 0, prefix.length);
        System.arraycopy(dots, 0, result, prefix.length, dots.length);
        System.arraycopy(suffix, 0, result, prefix.length + dots.length, suffix.length);
        return result;
    }

    /** A valid body with one property more than any request of this system has: dropping it silently would lose what the client meant. */
    private static byte[] withUnknownProperty(String valid) {
        ObjectNode root = (ObjectNode) read(valid);
        root.put("notAPropertyOfThisRequest", "Đơn vị");
        return write(root);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The valid sample body is not JSON: " + json, e);
        }
    }

    private static byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "… (" + text.length() + " characters)";
    }
}
