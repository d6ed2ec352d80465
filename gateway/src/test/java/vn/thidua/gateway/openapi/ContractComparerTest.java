package vn.thidua.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rule of the compatibility guard on small documents: a real break is reported, the additive change beside
 * it is not. The documents are written with single quotes for legibility.
 */
class ContractComparerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One operation, POST /api/things/{id}, taking {@code body} and answering 200 with {@code response}. */
    private static JsonNode document(String parameters, String body, String response, String components) {
        return parse("""
                {'openapi': '3.1.0', 'paths': {'/api/things/{id}': {'post': {
                  'operationId': 'changeThing', 'security': [{'bearerJwt': []}],
                  'parameters': [{'name': 'id', 'in': 'path', 'required': true, 'schema': {'type': 'integer', 'format': 'int64'}}%s],
                  'requestBody': {'required': true, 'content': {'application/json': {'schema': %s}}},
                  'responses': {'200': {'description': 'ok', 'headers': {'ETag': {'schema': {'type': 'string'}}},
                                        'content': {'application/json': {'schema': %s}}},
                                '404': {'description': 'none', 'content': {'application/problem+json': {'schema': {'type': 'object'}}}}}}}},
                 'components': {'schemas': {%s}}}
                """.formatted(parameters, body, response, components));
    }

    private static JsonNode document(String body, String response) {
        return document("", body, response, "");
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json.replace('\'', '"'));
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }

    private static List<String> changes(JsonNode before, JsonNode after) {
        return ContractComparer.breakingChanges(before, after).stream().map(ContractComparer.Change::toString).toList();
    }

    private static void breaks(JsonNode before, JsonNode after, String expected) {
        List<String> changes = changes(before, after);
        assertTrue(changes.stream().anyMatch(change -> change.contains(expected)), "expected a change with \"" + expected + "\", got " + changes);
    }

    private static void compatible(JsonNode before, JsonNode after) {
        assertEquals(List.of(), changes(before, after));
    }

    private static final String OBJECT = "{'type': 'object', 'properties': {'name': {'type': 'string', 'maxLength': 300}}, 'required': ['name']}";

    @Test
    void theSameDocumentBreaksNothing() {
        compatible(document(OBJECT, OBJECT), document(OBJECT, OBJECT));
    }

    @Test
    void anOperationRemovedBreaksOneAddedDoesNot() {
        JsonNode before = document(OBJECT, OBJECT);
        JsonNode without = parse("{'openapi': '3.1.0', 'paths': {}}");
        breaks(before, without, "POST /api/things/{id}: operation removed (changeThing)");
        JsonNode more = document(OBJECT, OBJECT).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) more.path("paths")).set("/api/others", parse(
                "{'get': {'operationId': 'listOthers', 'responses': {'200': {'description': 'ok'}}}}"));
        compatible(before, more);
    }

    @Test
    void aRenamedOperationIdBreaksARenamedPathParameterDoesNot() {
        JsonNode before = document(OBJECT, OBJECT);
        breaks(before, parse(before.toString().replace("changeThing", "updateThing")), "operationId changed from changeThing to updateThing");
        compatible(before, parse(before.toString().replace("{id}", "{thingId}").replace("'id'", "'thingId'").replace("\"id\"", "\"thingId\"")));
    }

    @Test
    void parametersRemovedOrNewlyRequiredBreakANewOptionalOneDoesNot() {
        String page = ", {'name': 'page', 'in': 'query', 'schema': {'type': 'integer'}}";
        JsonNode before = document(page, OBJECT, OBJECT, "");
        breaks(before, document("", OBJECT, OBJECT, ""), "parameter query page: parameter removed");
        breaks(before, document(", {'name': 'page', 'in': 'query', 'required': true, 'schema': {'type': 'integer'}}", OBJECT, OBJECT, ""),
                "parameter query page: parameter now required");
        breaks(before, document(page + ", {'name': 'If-Match', 'in': 'header', 'required': true, 'schema': {'type': 'string'}}", OBJECT, OBJECT, ""),
                "parameter header if-match: new required parameter");
        compatible(before, document(page + ", {'name': 'If-Match', 'in': 'header', 'schema': {'type': 'string'}}", OBJECT, OBJECT, ""));
        breaks(before, document(", {'name': 'page', 'in': 'query', 'schema': {'type': 'integer', 'maximum': 100}}", OBJECT, OBJECT, ""),
                "parameter query page: maximum added: 100");
    }

    @Test
    void aPathParameterNarrowedBreaks() {
        JsonNode before = document(OBJECT, OBJECT);
        breaks(before, parse(before.toString().replace("\"format\":\"int64\"", "\"format\":\"int32\"")), "parameter path id: format int64 changed to int32");
    }

    @Test
    void aRequestPropertyRemovedOrNewlyRequiredBreaksANewOptionalOneDoesNot() {
        String two = "{'type': 'object', 'properties': {'name': {'type': 'string', 'maxLength': 300}, 'note': {'type': 'string'}}, 'required': ['name']}";
        JsonNode before = document(two, OBJECT);
        breaks(before, document(OBJECT, OBJECT), ".note: request property removed");
        breaks(before, document(two.replace("['name']", "['name', 'note']"), OBJECT), ".note: property now required");
        breaks(before, document(two.replace("}}, 'required'", "}, 'kind': {'type': 'string'}}, 'required'").replace("['name']", "['name', 'kind']"), OBJECT),
                ".kind: new required property");
        compatible(before, document(two.replace("}}, 'required'", "}, 'kind': {'type': 'string'}}, 'required'"), OBJECT));
    }

    @Test
    void aResponsePropertyRemovedOrNoLongerRequiredBreaksANewOneDoesNot() {
        JsonNode before = document(OBJECT, OBJECT);
        breaks(before, document(OBJECT, "{'type': 'object', 'properties': {}}"), "→ 200 application/json.name: response property removed");
        breaks(before, document(OBJECT, OBJECT.replace("['name']", "[]")), ".name: property no longer always present");
        compatible(before, document(OBJECT, OBJECT.replace("}}, 'required'", "}, 'version': {'type': 'integer'}}, 'required'")));
    }

    @Test
    void typesMayWidenInRequestsAndNarrowInResponsesOnly() {
        String integer = "{'type': 'object', 'properties': {'points': {'type': 'integer'}}}";
        String number = "{'type': 'object', 'properties': {'points': {'type': 'number'}}}";
        String text = "{'type': 'object', 'properties': {'points': {'type': 'string'}}}";
        compatible(document(integer, number), document(number, integer));
        breaks(document(number, integer), document(integer, integer), "request application/json.points: type number changed to integer");
        breaks(document(integer, integer), document(integer, number), "application/json.points: type integer changed to number");
        breaks(document(integer, integer), document(text, integer), "type integer changed to string");
        String nullable = "{'type': 'object', 'properties': {'points': {'type': ['integer', 'null']}}}";
        breaks(document(nullable, integer), document(integer, integer), "type integer|null changed to integer");
        breaks(document(integer, integer), document(integer, nullable), "type integer changed to integer|null");
    }

    @Test
    void enumValuesRemovedFromARequestOrAddedToAResponseBreak() {
        String two = "{'type': 'string', 'enum': ['CLUSTER', 'BLOCK']}";
        String three = "{'type': 'string', 'enum': ['CLUSTER', 'BLOCK', 'GROUP']}";
        compatible(document(two, three), document(three, two));
        breaks(document(three, two), document(two, two), "values no longer accepted: [\"GROUP\"]");
        breaks(document(two, two), document(two, three), "new values a client may not know: [\"GROUP\"]");
        breaks(document("{'type': 'string'}", two), document(two, two), "now limited to the values");
        breaks(document(two, two), document(two, "{'type': 'string'}"), "no longer limited to the values");
    }

    @Test
    void limitsMayLoosenInRequestsAndTightenInResponsesOnly() {
        String short_ = OBJECT.replace("300", "100");
        compatible(document(short_, OBJECT), document(OBJECT, short_));
        breaks(document(OBJECT, OBJECT), document(short_, OBJECT), ".name: maxLength tightened from 300 to 100");
        breaks(document(OBJECT, OBJECT), document(OBJECT, OBJECT.replace("300", "400")), ".name: maxLength loosened from 300 to 400");
        breaks(document(OBJECT, OBJECT), document(OBJECT.replace(", 'maxLength': 300", ", 'maxLength': 300, 'minLength': 2"), OBJECT),
                ".name: minLength added: 2");
        String year = "{'type': 'integer', 'minimum': 2000, 'maximum': 2100}";
        breaks(document(year, year), document(year.replace("2000", "2010"), year), "minimum tightened from 2000 to 2010");
        breaks(document(year, year), document(year.replace("'minimum': 2000", "'exclusiveMinimum': 2000"), year),
                "minimum tightened from 2000 to exclusive 2000");
        compatible(document(year, year), document(year.replace("2100", "2200"), year.replace("2100", "2050")));
        String list = "{'type': 'array', 'items': {'type': 'string'}, 'maxItems': 10}";
        breaks(document(list, list), document(list.replace("10", "5"), list), "maxItems tightened from 10 to 5");
        breaks(document(list, list), document(list.replace("'maxItems'", "'uniqueItems': true, 'maxItems'"), list), "items must now be unique");
    }

    @Test
    void aPatternOrFormatAddedToARequestBreaksAWiderIntegerDoesNot() {
        String plain = "{'type': 'string'}";
        breaks(document(plain, plain), document("{'type': 'string', 'pattern': '^[A-Z]+$'}", plain), "pattern added: ^[A-Z]+$");
        breaks(document(plain, plain), document("{'type': 'string', 'format': 'date'}", plain), "format none changed to date");
        compatible(document(plain, plain), document(plain, "{'type': 'string', 'format': 'date'}"));
        breaks(document(plain, "{'type': 'string', 'format': 'date'}"), document(plain, plain), "format date changed to none");
        String int32 = "{'type': 'integer', 'format': 'int32'}";
        String int64 = "{'type': 'integer', 'format': 'int64'}";
        compatible(document(int32, int64), document(int64, int32));
        breaks(document(int64, int64), document(int32, int64), "format int64 changed to int32");
    }

    @Test
    void aResponseStatusMediaTypeOrHeaderRemovedBreaksOneAddedDoesNot() {
        JsonNode before = document(OBJECT, OBJECT);
        JsonNode without404 = before.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) without404.at("/paths/~1api~1things~1{id}/post/responses")).remove("404");
        breaks(before, without404, "→ 404: response status removed");
        compatible(without404, before);
        breaks(before, parse(before.toString().replace("\"ETag\"", "\"X-Version\"")), "→ 200: response header ETag removed");
        JsonNode pdf = before.deepCopy();
        com.fasterxml.jackson.databind.node.ObjectNode content =
                (com.fasterxml.jackson.databind.node.ObjectNode) pdf.at("/paths/~1api~1things~1{id}/post/responses/200/content");
        content.remove("application/json");
        content.set("application/pdf", parse("{'schema': {'type': 'string', 'format': 'binary'}}"));
        breaks(before, pdf, "→ 200 application/json: response media type removed");
    }

    @Test
    void aRequestBodyNewlyRequiredOrAMediaTypeNoLongerTakenBreaks() {
        JsonNode before = document(OBJECT, OBJECT);
        JsonNode optional = parse(before.toString().replace("\"requestBody\":{\"required\":true", "\"requestBody\":{\"required\":false"));
        breaks(optional, before, "request body now required");
        breaks(before, parse(before.toString().replace("\"requestBody\":{\"required\":true,\"content\":{\"application/json\"",
                "\"requestBody\":{\"required\":true,\"content\":{\"text/csv\"")), "request media type no longer accepted");
    }

    @Test
    void anOpenOperationThatNowNeedsATokenBreaks() {
        JsonNode open = parse(document(OBJECT, OBJECT).toString().replace("\"security\":[{\"bearerJwt\":[]}]", "\"security\":[]"));
        breaks(open, document(OBJECT, OBJECT), "was open to anyone");
        compatible(document(OBJECT, OBJECT), open);
    }

    @Test
    void schemasAreComparedThroughReferencesByContentNotNameAndRecursionEnds() {
        String condition = "'Condition': {'type': 'object', 'properties': {'kind': {'type': 'string', 'maxLength': 40}, "
                + "'all': {'type': 'array', 'items': {'$ref': '#/components/schemas/Condition'}}}}";
        JsonNode before = document("", "{'$ref': '#/components/schemas/Condition'}", "{'$ref': '#/components/schemas/Condition'}", condition);
        JsonNode renamed = parse(before.toString().replace("Condition", "Rule"));
        compatible(before, renamed);
        breaks(before, parse(renamed.toString().replace("\"maxLength\":40", "\"maxLength\":20")), "request application/json.kind: maxLength tightened from 40 to 20");
        // the same pair of schemas met again inside itself is not compared twice: the change is reported once
        assertEquals(1, changes(before, parse(renamed.toString().replace("\"maxLength\":40", "\"maxLength\":20"))).size());
        String sibling = "{'$ref': '#/components/schemas/Condition', 'description': 'the rule'}";
        compatible(before, document("", sibling, sibling, condition));
    }
}
