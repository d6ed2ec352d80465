package vn.thidua.gateway.token;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The successful answer of the token endpoint (RFC 6749, 5.1). */
public record AccessToken(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn) {
}
