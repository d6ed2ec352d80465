package vn.thidua.awards.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example of docs/portal.md is what the schema says, and its files hash as it claims. */
class DossierExampleTest {

    @Test
    void theExampleFollowsTheSchema() {
        assertEquals(List.of(), DossierSchema.mismatches(DossierSchema.read("dossier-v1.example.json")));
    }

    @Test
    void theSchemaCatchesAnUndocumentedField() {
        JsonNode example = DossierSchema.read("dossier-v1.example.json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) example.get("proposal")).put("secret", "x");
        ((com.fasterxml.jackson.databind.node.ObjectNode) example.get("transition")).put("to", "DECIDED");
        assertEquals(2, DossierSchema.mismatches(example).size(), DossierSchema.mismatches(example).toString());
    }

    @Test
    void theExampleFilesHashAndMeasureAsTheySay() throws Exception {
        JsonNode files = DossierSchema.read("dossier-v1.example.json").get("files");
        assertFalse(files.isEmpty());
        for (JsonNode file : files) {
            byte[] content = Base64.getDecoder().decode(file.get("contentBase64").asText());
            assertEquals(file.get("sha256").asText(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
            assertEquals(file.get("size").asLong(), content.length);
        }
    }
}
