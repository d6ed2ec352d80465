package vn.thidua.gateway.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The successful answer of the token endpoint (RFC 6749, 5.1). People get a refresh token with
 * it; service accounts do not (RFC 6749, 4.4.3): they simply ask again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessToken(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_token") String refreshToken) {

    AccessToken withRefreshToken(String refreshToken) {
        return new AccessToken(accessToken, tokenType, expiresIn, refreshToken);
    }
}
