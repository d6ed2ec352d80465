package vn.thidua.gateway.throttle;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import vn.thidua.gateway.account.AccountKind;
import vn.thidua.gateway.account.NewAccount;
import vn.thidua.gateway.proxy.GatewayConfig;

/**
 * Slows down password guessing at the token endpoint: too many failures for one login (or client
 * id), or from one address, and further attempts are refused with 429 before any password is
 * hashed. A success clears the account's count, not the address's.
 *
 * <p>The counts live in this gateway's memory: with several replicas each counts on its own, so
 * the effective limit is the configured one times the replicas a caller reaches.
 */
@ApplicationScoped
public class LoginThrottle {
    private final FailureCounter accounts;
    private final FailureCounter addresses;

    public LoginThrottle(GatewayConfig config) {
        GatewayConfig.LoginThrottle limits = config.loginThrottle();
        this.accounts = new FailureCounter(limits.maxFailuresPerAccount(), limits.accountWindow(), System::nanoTime);
        this.addresses = new FailureCounter(limits.maxFailuresPerAddress(), limits.addressWindow(), System::nanoTime);
    }

    /** Refuses with {@link LoginThrottled} when the address or the account has failed too often. */
    public void check(String address, AccountKind kind, String login) {
        long nanos = Math.max(addresses.blockedFor(address).orElse(0), login == null ? 0
                : accounts.blockedFor(accountKey(kind, login)).orElse(0));
        if (nanos > 0) {
            throw new LoginThrottled(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L)));
        }
    }

    public void failed(String address, AccountKind kind, String login) {
        addresses.failed(address);
        if (login != null) {
            accounts.failed(accountKey(kind, login));
        }
    }

    public void succeeded(AccountKind kind, String login) {
        accounts.reset(accountKey(kind, login));
    }

    private static String accountKey(AccountKind kind, String login) {
        return kind.name() + ":" + NewAccount.normalizeLogin(login);
    }
}
