package vn.thidua.platform.web.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;
import org.eclipse.microprofile.openapi.models.security.OAuthFlows;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import vn.thidua.platform.web.Problem;

/**
 * Makes every service's OpenAPI document the same kind of contract ({@code mp.openapi.filter}):
 * the shared {@link Problem} schema ({@value Problem#MEDIA_TYPE}) on every error response, the usual
 * error responses where an operation can give them, the two security schemes (bearer JWT and the
 * gateway's OAuth 2.0 token endpoint), {@code security: []} on the operations anyone may call, and
 * the {@code ETag} response header ({@link ApiDocs#ETAG_REF}) the operations refer to.
 *
 * <p>What an operation can give is read from the operation itself: 401/403 when it is secured, 404
 * when its path names something, 400/413/415/422 when it takes a body, 409 when it changes state,
 * 412 when it takes {@code If-Match} and 428 when that header is required; 429 (the gateway's rate
 * limit) and 503 (database or upload reserve unavailable) for every one. A response the code
 * documents itself keeps its description.
 */
public class ContractFilter implements OASFilter {
    public static final String PROBLEM = "Problem";
    public static final String FIELD_ERROR = "FieldError";
    public static final String BEARER = "bearerJwt";
    public static final String OAUTH2 = "oauth2";
    public static final String TOKEN_URL = "/auth/token";
    /** The Problem schema's list of types, from {@value #PROBLEM_TYPES_RESOURCE} (docs/api/README.md, Problem types). */
    public static final String PROBLEM_TYPES = "x-problem-types";
    /** Written by the gateway's ProblemTypesTest from what the code raises; beside this class. */
    public static final String PROBLEM_TYPES_RESOURCE = "problem-types.properties";

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("400", "The request is malformed: a parameter or the body cannot be read."),
            Map.entry("401", "No valid access token (`Authorization: Bearer`)."),
            Map.entry("403", "The token's roles or unit do not allow this."),
            Map.entry("404", "Nothing with that identifier, or not visible to the caller."),
            Map.entry("409", "The resource's state does not allow this now."),
            Map.entry("412", "`If-Match` does not name the current version: read it again."),
            Map.entry("413", "The body is larger than allowed."),
            Map.entry("415", "The body's media type is not accepted here."),
            Map.entry("422", "The request is well-formed but breaks a rule; `errors` names the fields."),
            Map.entry("428", "`If-Match` is required: read the resource first and send its `ETag`."),
            Map.entry("429", "Too many requests: wait as `Retry-After` says."),
            Map.entry("503", "Temporarily unavailable: try again after `Retry-After`."));

    /** What Quarkus writes on the responses it adds itself: ours say more. */
    private static final Set<String> GENERIC = Set.of("", "Bad Request", "Not Authorized", "Not Allowed");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema(FIELD_ERROR, OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("One rejected input field.")
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The field, as named in the request (e.g. `code`, `members[2].unitCode`)."))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("What is wrong with it, in the request's language."))
                .required(List.of("field", "message")));
        components.addSchema(PROBLEM, OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail: every error answer. Branch on `type`, which is stable; "
                        + "`title` and `detail` are for people and follow `Accept-Language` (vi or en).")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .description("Stable identifier of the kind of problem, " + Problem.TYPE_BASE + "<slug>, a slug of `"
                                + PROBLEM_TYPES + "` (slug: what it means). A list, not an enum: new types are added without "
                                + "a new major version, so treat a type you do not know by `status` (docs/api/README.md).")
                        .examples(List.of(Problem.TYPE_BASE + "stale-version"))
                        .addExtension(PROBLEM_TYPES, problemTypes()))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Short summary of the kind of problem."))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599))
                        .description("The HTTP status code."))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("What went wrong with this request."))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The request's path."))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref(FIELD_ERROR))
                        .description("The rejected fields, for validation problems."))
                .required(List.of("type", "title", "status")));

        // A LocalDateTime has no offset, so it is not an RFC 3339 date-time (the format smallrye gives
        // it, which makes its own example invalid): a pattern says what it is.
        Schema localDateTime = components.getSchemas() == null ? null : components.getSchemas().get("LocalDateTime");
        if (localDateTime != null && "date-time".equals(localDateTime.getFormat())) {
            localDateTime.setFormat(null);
            localDateTime.setPattern("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$");
            localDateTime.setDescription("A date and time without offset (ISO 8601 local date-time).");
        }

        components.addHeader(ApiDocs.ETAG, OASFactory.createHeader()
                .description("The version of what the answer shows, for `If-Match` on a later change.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));

        Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
        schemes.put(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An access token from `POST " + TOKEN_URL + "`, as `Authorization: Bearer <token>`."));
        schemes.put(OAUTH2, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("The gateway's OAuth 2.0 token endpoint: users log in with the password grant "
                        + "(and refresh with refresh_token), service accounts with client_credentials.")
                .flows(OASFactory.createOAuthFlows()
                        .password(flow())
                        .clientCredentials(flow())));
        components.setSecuritySchemes(schemes);

        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach(
                (method, operation) -> complete(path, item, method, operation)));
    }

    /** Every problem type the services raise, slug to meaning, in slug order. */
    static Map<String, String> problemTypes() {
        Properties types = new Properties();
        try (InputStream in = ContractFilter.class.getResourceAsStream(PROBLEM_TYPES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(PROBLEM_TYPES_RESOURCE + " is missing beside " + ContractFilter.class.getName());
            }
            types.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> sorted = new TreeMap<>();
        types.stringPropertyNames().forEach(slug -> sorted.put(slug, types.getProperty(slug)));
        return sorted;
    }

    private static OAuthFlow flow() {
        return OASFactory.createOAuthFlow().tokenUrl(TOKEN_URL).refreshUrl(TOKEN_URL).scopes(Map.of());
    }

    private static void complete(String path, PathItem item, PathItem.HttpMethod method, Operation operation) {
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (secured) {
            // either scheme gives the same token: a client picks what its generator supports
            operation.setSecurity(new ArrayList<>(List.of(
                    OASFactory.createSecurityRequirement().addScheme(BEARER),
                    OASFactory.createSecurityRequirement().addScheme(OAUTH2))));
        } else {
            operation.setSecurity(new ArrayList<SecurityRequirement>());
        }
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        boolean body = operation.getRequestBody() != null;
        boolean changes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        Parameter ifMatchParameter = parameters.stream()
                .filter(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName())).findFirst().orElse(null);
        boolean ifMatch = ifMatchParameter != null;
        // 428 only where the code refuses a change without If-Match (the parameter is then required);
        // an operation where it is needed only sometimes documents its 428 itself
        boolean ifMatchRequired = ifMatch && Boolean.TRUE.equals(ifMatchParameter.getRequired());
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        List<String> codes = new ArrayList<>();
        if (body || !parameters.isEmpty()) {
            codes.add("400");
        }
        if (secured) {
            codes.add("401");
            codes.add("403");
        }
        if (path.contains("{")) {
            codes.add("404");
        }
        if (changes && secured) {
            codes.add("409");
        }
        if (ifMatch) {
            codes.add("412");
        }
        if (ifMatchRequired) {
            codes.add("428");
        }
        if (body) {
            codes.add("413");
            codes.add("415");
            codes.add("422");
        }
        codes.add("429");
        codes.add("503");
        for (String code : codes) {
            if (!responses.hasAPIResponse(code)) {
                responses.addAPIResponse(code, OASFactory.createAPIResponse().description(DESCRIPTIONS.get(code)));
            }
        }
        // every error answer is a problem, whoever documented it
        Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
        sorted.forEach((code, response) -> {
            if (response.getExtensions() != null && response.getExtensions().containsKey(ApiDocs.NO_BODY)) {
                response.removeExtension(ApiDocs.NO_BODY);
                response.setContent(null);
            }
            if ((code.startsWith("4") || code.startsWith("5")) && response.getRef() == null) {
                if (response.getDescription() == null || GENERIC.contains(response.getDescription())) {
                    response.setDescription(DESCRIPTIONS.getOrDefault(code, "An error."));
                }
                response.setContent(problemContent());
            }
        });
        responses.setAPIResponses(sorted);
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM)));
    }
}
