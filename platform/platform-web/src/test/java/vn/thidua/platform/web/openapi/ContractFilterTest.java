package vn.thidua.platform.web.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;
import vn.thidua.platform.web.Problem;

class ContractFilterTest {

    @Test
    void aSecuredOperationGetsBothSchemesAndTheErrorsItCanGiveAsProblems() {
        Operation update = OASFactory.createOperation()
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("SecurityScheme", List.of("admin")))
                .addParameter(OASFactory.createParameter().name("code").in(Parameter.In.PATH))
                .addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER).required(true))
                .requestBody(OASFactory.createRequestBody())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("OK"))
                        .addAPIResponse("401", OASFactory.createAPIResponse().description("Not Authorized")));
        OpenAPI document = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/units/{code}", OASFactory.createPathItem().PUT(update)));

        new ContractFilter().filterOpenAPI(document);

        assertEquals(2, update.getSecurity().size(), "bearerJwt or oauth2, the same token");
        assertTrue(update.getSecurity().get(0).hasScheme(ContractFilter.BEARER));
        assertTrue(update.getSecurity().get(0).getScheme(ContractFilter.BEARER).isEmpty(), "no role names as scopes");
        assertEquals(List.of("200", "400", "401", "403", "404", "409", "412", "413", "415", "422", "428", "429", "503"),
                List.copyOf(update.getResponses().getAPIResponses().keySet()));
        APIResponse unauthorized = update.getResponses().getAPIResponse("401");
        assertFalse(unauthorized.getDescription().equals("Not Authorized"), "Quarkus's generic text replaced");
        assertEquals("#/components/schemas/" + ContractFilter.PROBLEM,
                unauthorized.getContent().getMediaType(Problem.MEDIA_TYPE).getSchema().getRef());
        assertTrue(document.getComponents().getSchemas().containsKey(ContractFilter.PROBLEM));
        assertEquals(List.of(ContractFilter.BEARER, ContractFilter.OAUTH2), List.copyOf(document.getComponents().getSecuritySchemes().keySet()));
    }

    @Test
    void anOptionalIfMatchCanGive412ButNever428() {
        Operation add = OASFactory.createOperation()
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("SecurityScheme", List.of("admin")))
                .addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));
        OpenAPI document = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/clusters/{id}/roll-over", OASFactory.createPathItem().POST(add)));

        new ContractFilter().filterOpenAPI(document);

        assertTrue(add.getResponses().hasAPIResponse("412"));
        assertFalse(add.getResponses().hasAPIResponse("428"), "without If-Match the change applies to the current version");
    }

    @Test
    void aResponseMarkedWithoutBodyLosesTheEmptySchemaSmallryeGaveIt() {
        APIResponse revoked = OASFactory.createAPIResponse().description("Revoked").addExtension(ApiDocs.NO_BODY, "true")
                .content(OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType().schema(OASFactory.createSchema())));
        OpenAPI document = document("/auth/revoke", OASFactory.createOperation().responses(OASFactory.createAPIResponses().addAPIResponse("200", revoked)));

        new ContractFilter().filterOpenAPI(document);

        assertEquals(null, revoked.getContent());
        assertFalse(revoked.hasExtension(ApiDocs.NO_BODY), "the marker is not part of the contract");
    }

    @Test
    void theProblemSchemaListsEveryProblemTypeAndTheETagHeaderIsDeclaredOnce() {
        OpenAPI document = document("/x", OASFactory.createOperation());

        new ContractFilter().filterOpenAPI(document);

        var type = document.getComponents().getSchemas().get(ContractFilter.PROBLEM).getProperties().get("type");
        @SuppressWarnings("unchecked")
        Map<String, String> types = (Map<String, String>) type.getExtensions().get(ContractFilter.PROBLEM_TYPES);
        assertTrue(types.size() > 100, "the generated list: " + types.size());
        assertTrue(types.containsKey("stale-version") && types.containsKey("if-match-required") && types.containsKey("validation"));
        assertTrue(types.values().stream().noneMatch(String::isBlank), "each says what it means");
        assertTrue(document.getComponents().getHeaders().containsKey(ApiDocs.ETAG));
    }

    @Test
    void aPublicOperationSaysSoAndStillDescribesItsErrors() {
        Operation jwks = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));
        OpenAPI document = document("/auth/jwks", jwks);

        new ContractFilter().filterOpenAPI(document);

        assertTrue(jwks.getSecurity() != null && jwks.getSecurity().isEmpty(), "security: []");
        assertEquals(List.of("200", "429", "503"), List.copyOf(jwks.getResponses().getAPIResponses().keySet()));
    }

    @Test
    void aLocalDateTimeIsNotCalledAnRfc3339DateTime() {
        OpenAPI document = document("/x", OASFactory.createOperation());
        document.components(OASFactory.createComponents().schemas(Map.of("LocalDateTime",
                OASFactory.createSchema().format("date-time").examples(List.of("2022-03-10T12:15:50")))));

        new ContractFilter().filterOpenAPI(document);

        var schema = document.getComponents().getSchemas().get("LocalDateTime");
        assertEquals(null, schema.getFormat());
        assertTrue("2022-03-10T12:15:50".matches(schema.getPattern()));
    }

    private static OpenAPI document(String path, Operation get) {
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem(path, OASFactory.createPathItem().GET(get)));
    }
}
