package vn.thidua.gateway.token;

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
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/auth")
public class TokenResource {
    private final TokenGrants grants;
    private final SigningKeys keys;

    public TokenResource(TokenGrants grants, SigningKeys keys) {
        this.grants = grants;
        this.keys = keys;
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "OAuth 2.0 token endpoint: grant_type=password (users) or client_credentials (service accounts)")
    public Response token(MultivaluedMap<String, String> form, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        AccessToken token = grants.grant(form, authorization);
        // RFC 6749, 5.1: a token must not be cached anywhere
        return Response.ok(token)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    @GET
    @Path("/jwks")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The public keys that verify the gateway's tokens (JSON Web Key Set)")
    public Response jwks() {
        // short enough for a key rotation to reach the services soon, long enough to spare the gateway
        return Response.ok(keys.jwks()).header(HttpHeaders.CACHE_CONTROL, "public, max-age=300").build();
    }
}
