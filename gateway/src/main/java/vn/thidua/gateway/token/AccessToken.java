package vn.thidua.gateway.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The successful answer of the token endpoint (RFC 6749, 5.1). People get a refresh token with
 * it; service accounts do not (RFC 6749, 4.4.3): they simply ask again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessToken(
        @Schema(required = true) @JsonProperty("access_token") String accessToken,
        @Schema(required = true, enumeration = "Bearer") @JsonProperty("token_type") String tokenType,
        @Schema(required = true, description = "seconds") @JsonProperty("expires_in") long expiresIn,
        @Schema(description = "people only, not service accounts") @JsonProperty("refresh_token") String refreshToken) {

    AccessToken withRefreshToken(String refreshToken) {
        return new AccessToken(accessToken, tokenType, expiresIn, refreshToken);
    }
}
