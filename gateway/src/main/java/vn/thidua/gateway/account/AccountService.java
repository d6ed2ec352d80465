package vn.thidua.gateway.account;

import vn.thidua.platform.domain.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.thidua.platform.security.Roles;

/** Creating accounts and checking their secrets. */
@ApplicationScoped
public class AccountService {
    private static final Logger LOG = Logger.getLogger(AccountService.class);

    /** NIST SP 800-63B asks at least 8; officers' accounts reach secret ballots and government records. */
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final int SERVICE_SECRET_BYTES = 32;

    private final Argon2id hasher;
    private final Event<AccountChanged> changes;
    private final SecureRandom random = new SecureRandom();
    /** Verified against when the login is unknown, so that answer takes as long as a wrong password. */
    private final String decoyHash;
    private final Clock clock;

    public AccountService(AccountConfig config, Event<AccountChanged> changes, Clock clock) {
        this.changes = changes;
        AccountConfig.Argon2 argon2 = config.argon2();
        this.hasher = new Argon2id(new Argon2id.Settings(argon2.memoryKib(), argon2.iterations(), argon2.parallelism()));
        this.decoyHash = hasher.hash(UUID.randomUUID().toString());
        this.clock = clock;
    }

    @Transactional
    public AccountIdentity create(NewAccount request, String secret) {
        if (Account.findByLogin(request.login()).isPresent()) {
            throw Refusal.conflict("account-exists", "account.exists", request.login());
        }
        if (secret == null || secret.isBlank() || secret.length() > Argon2id.MAX_SECRET_LENGTH) {
            throw Refusal.unprocessable("invalid-secret", "account.secret.invalid", Argon2id.MAX_SECRET_LENGTH);
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
        Account account = existing(login);
        if (account.enabled && !enabled) {
            requireAnotherAdmin(account);
            changed(account);
        }
        account.enabled = enabled;
        account.updatedAt = Instant.now(clock);
    }

    public List<AccountView> list(AccountKind kind, String unit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (kind != null) {
            query.append(" and kind = :kind");
            parameters.put("kind", kind);
        }
        if (unit != null && !unit.isBlank()) {
            query.append(" and unitCode = :unit");
            parameters.put("unit", unit.strip().toUpperCase(Locale.ROOT));
        }
        return Account.<Account>find(query + " order by login", parameters).stream().map(AccountView::of).toList();
    }

    public boolean anEnabledAdminExists() {
        return Account.count("select count(a) from Account a join a.roles r where r = ?1 and a.enabled = true", Roles.ADMIN) > 0;
    }

    public AccountView view(String login) {
        return AccountView.of(existing(login));
    }

    /** A user gets the password the admin chose; a service account a generated secret, returned this once. */
    @Transactional
    public AccountRequests.IssuedSecret createByAdmin(AccountRequests.Create request) {
        if (request == null) {
            throw Refusal.invalid("invalid-body", "account.body.missing");
        }
        NewAccount account = new NewAccount(request.login(), request.displayName(), request.kind(), request.roles(), request.unit(),
                request.member());
        String secret;
        String shown = null;
        if (account.kind() == AccountKind.SERVICE) {
            if (request.password() != null) {
                throw Refusal.unprocessable("secret-generated", "account.secret.generated");
            }
            secret = shown = newServiceSecret();
        } else {
            secret = checkedPassword(request.password(), account.login());
        }
        create(account, secret);
        LOG.infof("Account %s (%s, roles %s) created", account.login(), account.kind(), account.roles());
        return new AccountRequests.IssuedSecret(view(account.login()), shown);
    }

    @Transactional
    public AccountView update(String login, AccountRequests.Update request) {
        if (request == null) {
            throw Refusal.invalid("invalid-body", "account.body.missing");
        }
        Account account = existing(login);
        if (request.version() != null && request.version() != account.version) {
            throw Refusal.conflict("stale-account", "account.stale", account.login, account.version);
        }
        NewAccount checked = new NewAccount(account.login,
                request.displayName() == null ? account.displayName : request.displayName(), account.kind,
                request.roles() == null ? account.roles : request.roles(),
                request.unit() != null ? request.unit() : keptUnit(account, request.roles()),
                request.member() != null ? request.member() : keptMember(account, request.roles()));
        boolean enabled = request.enabled() == null ? account.enabled : request.enabled();
        boolean losesAdmin = account.enabled && account.roles.contains(Roles.ADMIN)
                && (!enabled || !checked.roles().contains(Roles.ADMIN));
        if (losesAdmin) {
            requireAnotherAdmin(account);
        }
        if (!checked.roles().equals(account.roles) || !Objects.equals(checked.unit(), account.unitCode)
                || !Objects.equals(checked.member(), account.memberId) || account.enabled && !enabled) {
            changed(account);
        }
        account.displayName = checked.displayName();
        account.roles.clear();
        account.roles.addAll(checked.roles());
        account.unitCode = checked.unit();
        account.memberId = checked.member();
        account.enabled = enabled;
        account.updatedAt = Instant.now(clock);
        Account.flush();
        return AccountView.of(account);
    }

    @Transactional
    public void setPassword(String login, String password) {
        Account account = existing(login);
        if (account.kind != AccountKind.USER) {
            throw Refusal.unprocessable("secret-generated", "account.secret.generated");
        }
        account.secretHash = hasher.hash(checkedPassword(password, account.login));
        account.updatedAt = Instant.now(clock);
        changed(account);
    }

    @Transactional
    public AccountRequests.IssuedSecret renewServiceSecret(String login) {
        Account account = existing(login);
        if (account.kind != AccountKind.SERVICE) {
            throw Refusal.unprocessable("not-a-service-account", "account.not-service", account.login);
        }
        String secret = newServiceSecret();
        account.secretHash = hasher.hash(secret);
        account.updatedAt = Instant.now(clock);
        changed(account);
        Account.flush();
        return new AccountRequests.IssuedSecret(AccountView.of(account), secret);
    }

    @Transactional
    public void endSessions(String login) {
        changed(existing(login));
    }

    /** Without a unit in the request, the account keeps its unit as long as its roles still act for one. */
    private static String keptUnit(Account account, Set<String> newRoles) {
        return NewAccount.actsForAUnit(newRoles == null ? account.roles : newRoles) ? account.unitCode : null;
    }

    /** Without a member in the request, the account keeps its member as long as it is still a Council member's. */
    private static String keptMember(Account account, Set<String> newRoles) {
        return NewAccount.isCouncilMember(newRoles == null ? account.roles : newRoles) ? account.memberId : null;
    }

    private Account existing(String login) {
        return Account.findByLogin(NewAccount.normalizeLogin(login))
                .orElseThrow(() -> Refusal.notFound("account-not-found", "account.not-found", login));
    }

    /** Nobody could manage accounts any more: the last enabled admin keeps the role. */
    private static void requireAnotherAdmin(Account account) {
        if (!account.roles.contains(Roles.ADMIN)) {
            return;
        }
        long others = Account.count("select count(a) from Account a join a.roles r where r = ?1 and a.enabled = true and a.id <> ?2",
                Roles.ADMIN, account.id);
        if (others == 0) {
            throw Refusal.conflict("last-admin", "account.last-admin", account.login);
        }
    }

    private void changed(Account account) {
        changes.fire(new AccountChanged(account.id, account.login));
    }

    private static String checkedPassword(String password, String login) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > Argon2id.MAX_SECRET_LENGTH) {
            throw Refusal.unprocessable("weak-password", "account.password.length", MIN_PASSWORD_LENGTH, Argon2id.MAX_SECRET_LENGTH);
        }
        if (password.toLowerCase(Locale.ROOT).contains(login)) {
            throw Refusal.unprocessable("weak-password", "account.password.contains-login");
        }
        return password;
    }

    private String newServiceSecret() {
        byte[] bytes = new byte[SERVICE_SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
