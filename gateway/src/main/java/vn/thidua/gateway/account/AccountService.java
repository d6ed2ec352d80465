package vn.thidua.gateway.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.thidua.platform.web.ProblemException;

/** Creating accounts and checking their secrets. */
@ApplicationScoped
public class AccountService {
    private static final Logger LOG = Logger.getLogger(AccountService.class);

    private final Argon2id hasher;
    /** Verified against when the login is unknown, so that answer takes as long as a wrong password. */
    private final String decoyHash;
    private final Clock clock;

    public AccountService(AccountConfig config) {
        AccountConfig.Argon2 argon2 = config.argon2();
        this.hasher = new Argon2id(new Argon2id.Settings(argon2.memoryKib(), argon2.iterations(), argon2.parallelism()));
        this.decoyHash = hasher.hash(UUID.randomUUID().toString());
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public AccountIdentity create(NewAccount request, String secret) {
        if (Account.findByLogin(request.login()).isPresent()) {
            throw ProblemException.conflict("account-exists", "account.exists", request.login());
        }
        if (secret == null || secret.isBlank() || secret.length() > Argon2id.MAX_SECRET_LENGTH) {
            throw ProblemException.unprocessable("invalid-secret", "account.secret.invalid", Argon2id.MAX_SECRET_LENGTH);
        }
        Account account = Account.create(request, hasher.hash(secret), Instant.now(clock));
        account.persist();
        return account.identity();
    }

    /** True when it was created, false when an account with that login already existed. */
    @Transactional
    public boolean createIfAbsent(NewAccount request, String secret) {
        if (Account.findByLogin(request.login()).isPresent()) {
            return false;
        }
        create(request, secret);
        return true;
    }

    @Transactional
    public void setEnabled(String login, boolean enabled) {
        Account account = Account.findByLogin(NewAccount.normalizeLogin(login))
                .orElseThrow(() -> ProblemException.notFound("account-not-found", "account.not-found", login));
        account.enabled = enabled;
        account.updatedAt = Instant.now(clock);
    }

    /** The account's identity as it is now, or nothing when it is gone or disabled. */
    public Optional<AccountIdentity> enabledIdentity(long accountId) {
        return Account.<Account>findByIdOptional(accountId).filter(a -> a.enabled).map(Account::identity);
    }

    /**
     * The identity behind a login and secret of the given kind, or nothing. An unknown login, a
     * wrong secret, an account of the other kind and a disabled account all give the same empty
     * answer after the same work, so a caller cannot tell which logins exist.
     */
    public Optional<AccountIdentity> authenticate(AccountKind kind, String login, String secret) {
        if (login == null || secret == null || secret.isEmpty() || secret.length() > Argon2id.MAX_SECRET_LENGTH) {
            return Optional.empty();
        }
        Optional<Account> found = Account.findByLogin(NewAccount.normalizeLogin(login)).filter(a -> a.kind == kind);
        if (found.isEmpty()) {
            hasher.verify(secret, decoyHash);
            return Optional.empty();
        }
        Account account = found.get();
        if (!hasher.verify(secret, account.secretHash)) {
            return Optional.empty();
        }
        if (!account.enabled) {
            LOG.infof("Disabled account %s was refused a token", account.login);
            return Optional.empty();
        }
        return Optional.of(account.identity());
    }
}
