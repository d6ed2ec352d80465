package vn.thidua.gateway.account;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.thidua.platform.security.Roles;

/** Users and service accounts, managed by administrators. Secrets are never shown except a new service secret, once. */
@Tag(name = "Accounts", description = "User and service accounts (administrators only).")
@Path("/admin/accounts")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AccountAdminResource {
    private final AccountService accounts;

    public AccountAdminResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @GET
    @Operation(operationId = "listAccounts", summary = "List accounts", description = "Accounts, by login; optionally only users or services, or those of one unit")
    public List<AccountView> list(@QueryParam("kind") AccountKind kind, @QueryParam("unit") String unit) {
        return accounts.list(kind, unit);
    }

    @GET
    @Path("/{login}")
    @Operation(operationId = "getAccount", summary = "Get an account")
    public AccountView get(@PathParam("login") String login) {
        return accounts.view(login);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAccount", summary = "Create an account", description = "Creates a user (with the password given) or a service account (its secret is generated and shown once)")
    @APIResponse(responseCode = "201", description = "The account, created: a user's view, or a service account's view with its secret (shown once).",
            content = @Content(schema = @Schema(oneOf = {AccountView.class, AccountRequests.IssuedSecret.class})))
    public Response create(AccountRequests.Create request) {
        AccountRequests.IssuedSecret created = accounts.createByAdmin(request);
        URI location = URI.create("/admin/accounts/" + created.account().login());
        return Response.created(location)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(created.clientSecret() == null ? created.account() : created)
                .build();
    }

    @PUT
    @Path("/{login}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateAccount", summary = "Change an account", description = "Changes display name, roles, unit or enabled; a change of roles, unit or a disabling ends the account's sessions")
    public AccountView update(@PathParam("login") String login, AccountRequests.Update request) {
        return accounts.update(login, request);
    }

    @POST
    @Path("/{login}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setAccountPassword", summary = "Set a user's password", description = "Sets a user's password; the user's sessions end")
    @APIResponse(responseCode = "204", description = "The password is set; the user's sessions are over.")
    public Response setPassword(@PathParam("login") String login, AccountRequests.SetPassword request) {
        accounts.setPassword(login, request == null ? null : request.password());
        return Response.noContent().build();
    }

    @POST
    @Path("/{login}/secret")
    @Operation(operationId = "renewClientSecret", summary = "Renew a service account's secret", description = "Generates a new secret for a service account, shown once; the old one stops working")
    @APIResponse(responseCode = "200", description = "The new secret, shown this once.",
            content = @Content(schema = @Schema(implementation = AccountRequests.IssuedSecret.class)))
    public Response renewSecret(@PathParam("login") String login) {
        return Response.ok(accounts.renewServiceSecret(login)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @DELETE
    @Path("/{login}/sessions")
    @Operation(operationId = "endAccountSessions", summary = "Log an account out everywhere", description = "Logs the account out everywhere: its refresh tokens are revoked (access tokens expire within minutes)")
    @APIResponse(responseCode = "204", description = "The account's refresh tokens are revoked.")
    public Response endSessions(@PathParam("login") String login) {
        accounts.endSessions(login);
        return Response.noContent().build();
    }
}
