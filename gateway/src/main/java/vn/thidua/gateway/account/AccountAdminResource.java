package vn.thidua.gateway.account;

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
    public Response setPassword(@PathParam("login") String login, AccountRequests.SetPassword request) {
        accounts.setPassword(login, request == null ? null : request.password());
        return Response.noContent().build();
    }

    @POST
    @Path("/{login}/secret")
    @Operation(operationId = "renewClientSecret", summary = "Renew a service account's secret", description = "Generates a new secret for a service account, shown once; the old one stops working")
    public Response renewSecret(@PathParam("login") String login) {
        return Response.ok(accounts.renewServiceSecret(login)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @DELETE
    @Path("/{login}/sessions")
    @Operation(operationId = "endAccountSessions", summary = "Log an account out everywhere", description = "Logs the account out everywhere: its refresh tokens are revoked (access tokens expire within minutes)")
    public Response endSessions(@PathParam("login") String login) {
        accounts.endSessions(login);
        return Response.noContent().build();
    }
}
