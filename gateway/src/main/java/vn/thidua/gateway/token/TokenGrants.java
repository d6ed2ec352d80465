package vn.thidua.gateway.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import vn.thidua.platform.web.Text;
import vn.thidua.gateway.account.AccountIdentity;
import vn.thidua.gateway.account.AccountKind;
import vn.thidua.gateway.account.AccountService;
import vn.thidua.gateway.refresh.RefreshTokens;
import vn.thidua.gateway.throttle.LoginThrottle;

/**
 * The grants of the token endpoint: {@code password} for people, {@code refresh_token} to go on
 * without the password, {@code client_credentials} for systems.
 */
@ApplicationScoped
public class TokenGrants {
    private static final Logger LOG = Logger.getLogger(TokenGrants.class);
    private final AccountService accounts;
    private final TokenIssuer issuer;
    private final LoginThrottle throttle;
    private final RefreshTokens refreshTokens;
    private final PasswordHashGate hashGate;

    public TokenGrants(AccountService accounts, TokenIssuer issuer, LoginThrottle throttle, RefreshTokens refreshTokens,
            PasswordHashGate hashGate) {
        this.accounts = accounts;
        this.issuer = issuer;
        this.throttle = throttle;
        this.refreshTokens = refreshTokens;
        this.hashGate = hashGate;
    }

    /** {@code address}: the caller's, as the login throttle counts it. */
    public AccessToken grant(MultivaluedMap<String, String> form, String authorization, String address) {
        String grantType = required(form, "grant_type");
        return switch (grantType) {
            case "password" -> password(form, address);
            case "refresh_token" -> refresh(form);
            case "client_credentials" -> clientCredentials(form, authorization, address);
            default -> throw OAuthProblem.unsupportedGrantType();
        };
    }

    private AccessToken password(MultivaluedMap<String, String> form, String address) {
        String username = login(required(form, "username"), "username");
        String password = required(form, "password");
        return issue(AccountKind.USER, username, password, address, OAuthProblem::invalidGrant);
    }

    /** RFC 6749, 6: the presented token is spent and its successor comes with the new access token. */
    private AccessToken refresh(MultivaluedMap<String, String> form) {
        String presented = required(form, "refresh_token");
        RefreshTokens.Exchange exchange = refreshTokens.exchange(presented);
        if (exchange instanceof RefreshTokens.Exchange.Granted granted) {
            return issuer.issue(granted.identity()).withRefreshToken(granted.refreshToken());
        }
        LOG.infof("Refresh token refused: %s", ((RefreshTokens.Exchange.Refused) exchange).why());
        throw OAuthProblem.invalidRefreshToken();
    }

    /** RFC 7009: the family of that refresh token ends; whether it existed is not told. */
    public void revoke(MultivaluedMap<String, String> form) {
        refreshTokens.revoke(required(form, "token"));
    }

    /**
     * The throttle's slot is taken before the (costly) password check and a hash permit is needed for
     * it; a failure counts, a success clears the account's count, a refusal for want of a permit neither.
     */
    private AccessToken issue(AccountKind kind, String login, String secret, String address,
            Supplier<OAuthProblem> refusal) {
        Optional<AccountIdentity> identity;
        try (LoginThrottle.Attempt attempt = throttle.reserve(address, kind, login)) {
            identity = hashGate.check(() -> accounts.authenticate(kind, login, secret));
            if (identity.isEmpty()) {
                attempt.failed();
                throw refusal.get();
            }
            attempt.succeeded();
        }
        AccessToken token = issuer.issue(identity.get());
        return kind == AccountKind.USER ? token.withRefreshToken(refreshTokens.start(identity.get())) : token;
    }

    private AccessToken clientCredentials(MultivaluedMap<String, String> form, String authorization, String address) {
        Optional<ClientCredentials> basic = ClientCredentials.fromBasic(authorization);
        String formId = optional(form, "client_id");
        String formSecret = optional(form, "client_secret");
        if (basic.isPresent() && (formId != null || formSecret != null)) {
            // RFC 6749, 2.3: one way of authenticating per request
            throw OAuthProblem.invalidRequest("oauth.invalid-request.two-client-authentications");
        }
        ClientCredentials credentials = basic.orElseGet(() -> new ClientCredentials(formId, formSecret, false));
        if (credentials.clientId() == null || credentials.clientSecret() == null) {
            throw OAuthProblem.invalidClient(credentials.viaBasic() || formId == null && formSecret == null);
        }
        login(credentials.clientId(), "client_id");
        return issue(AccountKind.SERVICE, credentials.clientId(), credentials.clientSecret(), address,
                () -> OAuthProblem.invalidClient(credentials.viaBasic()));
    }

    /**
     * A login name with a control character (a NUL in a username) is a malformed request, refused
     * before any lookup. Secrets are not checked: a password may hold any character.
     */
    private static String login(String value, String parameter) {
        if (Text.hasControlCharacter(value)) {
            throw OAuthProblem.invalidRequest("oauth.invalid-request.control-character", parameter);
        }
        return value;
    }

    private static String required(MultivaluedMap<String, String> form, String name) {
        String value = optional(form, name);
        if (value == null) {
            throw OAuthProblem.invalidRequest("oauth.invalid-request.missing", name);
        }
        return value;
    }

    /** RFC 6749, 3.2: an empty parameter counts as absent, a repeated one is an error. */
    private static String optional(MultivaluedMap<String, String> form, String name) {
        List<String> values = form == null ? null : form.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw OAuthProblem.invalidRequest("oauth.invalid-request.repeated", name);
        }
        String value = values.get(0);
        return value == null || value.isEmpty() ? null : value;
    }
}
