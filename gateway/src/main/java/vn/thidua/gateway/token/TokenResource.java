package vn.thidua.gateway.token;

import vn.thidua.gateway.config.AuthConfig;
import vn.thidua.platform.web.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.thidua.gateway.config.GatewayConfig;
import vn.thidua.gateway.throttle.ClientAddress;
import vn.thidua.gateway.throttle.TrustedProxies;
import vn.thidua.platform.web.ProblemException;

/** Public by nature: a caller comes here to become authenticated. */
@Tag(name = "Authentication", description = "OAuth 2.0 tokens, their revocation and the keys that verify them.")
@Path("/auth")
@PermitAll
public class TokenResource {
    private final TokenGrants grants;
    private final SigningKeys keys;
    private final TrustedProxies trustedProxies;
    private final boolean builtIn;

    public TokenResource(TokenGrants grants, SigningKeys keys, GatewayConfig config, AuthConfig auth) {
        this.grants = grants;
        this.keys = keys;
        this.trustedProxies = TrustedProxies.from(config);
        this.builtIn = auth.builtIn();
    }

    /** The token endpoint's form (RFC 6749), as the contract describes it; read as a map by {@link TokenGrants}. */
    @Schema(name = "TokenForm")
    public record TokenForm(
            @Schema(required = true, enumeration = {"password", "refresh_token", "client_credentials"}) String grant_type,
            @Schema(description = "grant_type=password") String username,
            @Schema(description = "grant_type=password", format = "password") String password,
            @Schema(description = "grant_type=refresh_token") String refresh_token,
            @Schema(description = "grant_type=client_credentials, unless sent with HTTP Basic") String client_id,
            @Schema(description = "grant_type=client_credentials, unless sent with HTTP Basic", format = "password") String client_secret) {
    }

    /** The revocation endpoint's form (RFC 7009). */
    @Schema(name = "RevokeForm")
    public record RevokeForm(@Schema(required = true, description = "the refresh token") String token) {
    }

    /** With the province's single sign-on the gateway issues nothing; clients are told where to go instead. */
    private void requireBuiltIn() {
        if (!builtIn) {
            throw ProblemException.notFound("external-identity-provider", "auth.external-identity-provider");
        }
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "issueToken", summary = "Issue a token (OAuth 2.0 token endpoint)", description = "OAuth 2.0 token endpoint: grant_type=password or refresh_token (users), client_credentials (service accounts)")
    @APIResponse(responseCode = "200", description = "The access token (and, for a user, a refresh token)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccessToken.class)))
    public Response token(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                    schema = @Schema(implementation = TokenForm.class))) MultivaluedMap<String, String> form, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context HttpServerRequest request) {
        requireBuiltIn();
        AccessToken token = grants.grant(form, authorization, ClientAddress.of(request, trustedProxies));
        // RFC 6749, 5.1: a token must not be cached anywhere
        return Response.ok(token)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    @POST
    @Path("/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "revokeToken", summary = "Revoke a refresh token (RFC 7009)", description = "OAuth 2.0 token revocation (RFC 7009): token=<refresh token> ends that login on every device it was refreshed on")
    @APIResponse(responseCode = "200", description = "Revoked, or was not valid anyway (RFC 7009, 2.2); no body",
            extensions = @Extension(name = ApiDocs.NO_BODY, value = "true"))
    public Response revoke(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = RevokeForm.class))) MultivaluedMap<String, String> form) {
        requireBuiltIn();
        grants.revoke(form);
        return Response.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("/jwks")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getJwks", summary = "Get the token-verification keys (JWKS)", description = "The public keys that verify the gateway's tokens (JSON Web Key Set)")
    @APIResponse(responseCode = "200", description = "The JSON Web Key Set (RFC 7517): the public keys, by `kid`.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "keys",
                    properties = @SchemaProperty(name = "keys", type = SchemaType.ARRAY, description = "One JSON Web Key each (RFC 7517, 4).",
                            implementation = Object.class))))
    public Response jwks() {
        requireBuiltIn();
        // short enough for a key rotation to reach the services soon, long enough to spare the gateway
        return Response.ok(keys.jwks()).header(HttpHeaders.CACHE_CONTROL, "public, max-age=300").build();
    }
}
