package vn.thidua.gateway.throttle;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import vn.thidua.gateway.account.AccountKind;
import vn.thidua.gateway.account.NewAccount;
import vn.thidua.gateway.config.GatewayConfig;

/**
 * Slows down password guessing at the token endpoint: too many failures for one login (or client
 * id), or from one address, and further attempts are refused with 429 before any password is
 * hashed. A success clears the account's count, not the address's.
 *
 * <p>An attempt takes its slot before the hash ({@link #reserve}) and holds it until it ends, so
 * parallel guesses count at once: with a limit of five, at most five guesses for one account are
 * ever hashed in a window, however many arrive together.
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

    /**
     * Reserves an attempt against the address and the account, or refuses with {@link LoginThrottled}
     * when either has failed too often (attempts in flight included). Close the attempt in every case.
     */
    public Attempt reserve(String address, AccountKind kind, String login) {
        OptionalLong addressBlocked = addresses.tryReserve(address);
        if (addressBlocked.isPresent()) {
            throw throttled(addressBlocked.getAsLong());
        }
        String account = accountKey(kind, login);
        OptionalLong accountBlocked = accounts.tryReserve(account);
        if (accountBlocked.isPresent()) {
            addresses.release(address, false);
            throw throttled(accountBlocked.getAsLong());
        }
        return new Attempt(address, account);
    }

    private static LoginThrottled throttled(long nanos) {
        return new LoginThrottled(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L)));
    }

    private static String accountKey(AccountKind kind, String login) {
        return kind.name() + ":" + NewAccount.normalizeLogin(login);
    }

    /** One reserved login attempt; unless marked, closing it counts neither a failure nor a success. */
    public final class Attempt implements AutoCloseable {
        private final String address;
        private final String account;
        private boolean failed;
        private boolean succeeded;

        private Attempt(String address, String account) {
            this.address = address;
            this.account = account;
        }

        public void failed() {
            failed = true;
        }

        public void succeeded() {
            succeeded = true;
        }

        @Override
        public void close() {
            addresses.release(address, failed);
            accounts.release(account, failed);
            if (succeeded) {
                accounts.reset(account);
            }
        }
    }
}
