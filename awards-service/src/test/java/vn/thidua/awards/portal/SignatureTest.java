package vn.thidua.awards.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The signature is the one docs/portal.md documents, down to its worked example. */
class SignatureTest {
    /** docs/portal.md, "Worked example": keep these three values and the result in step with the page. */
    static final String SECRET = "thidua-portal-example-secret-2024-0001";
    static final long TIMESTAMP = 1_718_000_000L;
    static final String BODY = "{\"schema\":\"thidua.portal.dossier.v1\",\"deliveryId\":1,\"idempotencyKey\":\"7d3f2a9e-5b1c-4e8a-9f60-2c4d8b1e6a73\"}";

    @Test
    void theWorkedExampleOfTheDocs() {
        assertEquals("v1=c99b55cf74544553a713f884d7a5eac235f86d9e85acf1524d32383da9bd49c8",
                new Signature(SECRET).sign(TIMESTAMP, BODY.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anotherTimestampOrBodyOrSecretSignsDifferently() {
        Signature signature = new Signature(SECRET);
        String reference = signature.sign(TIMESTAMP, BODY.getBytes(StandardCharsets.UTF_8));
        assertNotEquals(reference, signature.sign(TIMESTAMP + 1, BODY.getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(reference, signature.sign(TIMESTAMP, (BODY + " ").getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(reference, new Signature(SECRET + "x").sign(TIMESTAMP, BODY.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aShortSecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Signature("too short"));
        assertThrows(IllegalArgumentException.class, () -> new Signature(null));
    }
}
