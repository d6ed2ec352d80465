package vn.thidua.gateway.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ClientCredentialsTest {

    @Test
    void readsHttpBasicWithFormEncodedHalves() {
        ClientCredentials credentials = ClientCredentials.fromBasic(basic("portal%3Async:s%C3%AA+cr%25et")).orElseThrow();
        assertEquals("portal:sync", credentials.clientId());
        assertEquals("sê cr%et", credentials.clientSecret());
        assertTrue(credentials.viaBasic());
        assertEquals("portal-demo", ClientCredentials.fromBasic("basic  " + b64("portal-demo:demo")).orElseThrow().clientId());
    }

    @Test
    void otherSchemesAreNotClientAuthentication() {
        assertTrue(ClientCredentials.fromBasic(null).isEmpty());
        assertTrue(ClientCredentials.fromBasic("Bearer abc.def.ghi").isEmpty());
    }

    @Test
    void aMalformedBasicHeaderIsAFailedClientAuthentication() {
        for (String header : new String[] {"Basic", "Basic !!!", "Basic " + b64("no-colon"), "Basic " + b64(":secret-only"), basic("id:%zz")}) {
            OAuthProblem problem = assertThrows(OAuthProblem.class, () -> ClientCredentials.fromBasic(header), header);
            assertEquals(OAuthProblem.Code.INVALID_CLIENT, problem.code());
            assertTrue(problem.basicChallenge());
        }
    }

    private static String basic(String idAndSecret) {
        return "Basic " + b64(idAndSecret);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
