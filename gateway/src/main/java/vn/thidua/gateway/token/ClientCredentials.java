package vn.thidua.gateway.token;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** A client id and secret, from HTTP Basic or from the form (RFC 6749, 2.3.1). */
record ClientCredentials(String clientId, String clientSecret, boolean viaBasic) {

    /** Empty when the header is absent or not Basic; a malformed Basic header is a failed client authentication. */
    static Optional<ClientCredentials> fromBasic(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        String[] parts = authorization.strip().split("\\s+", 2);
        if (!parts[0].equalsIgnoreCase("Basic")) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(parts.length == 2 ? parts[1].strip() : ""), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw OAuthProblem.invalidClient(true);
            }
            // RFC 6749 has both halves form-encoded before they are joined and Base64-encoded
            return Optional.of(new ClientCredentials(
                    URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8),
                    true));
        } catch (IllegalArgumentException notBase64OrBadEscape) {
            throw OAuthProblem.invalidClient(true);
        }
    }
}
