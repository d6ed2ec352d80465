package vn.thidua.gateway.refresh;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jboss.logging.Logger;
import vn.thidua.gateway.account.AccountChanged;
import vn.thidua.gateway.account.AccountIdentity;
import vn.thidua.gateway.account.AccountService;
import vn.thidua.gateway.config.AuthConfig;

/**
 * Rotating refresh tokens: a login starts a family, each exchange spends the token presented and
 * hands out its successor, and a spent token presented again revokes the family. Only hashes are
 * stored. Refusals are answers, not exceptions, so that a revocation is committed even though the
 * caller is refused.
 */
@ApplicationScoped
public class RefreshTokens {
    private static final Logger LOG = Logger.getLogger(RefreshTokens.class);
    private static final int TOKEN_BYTES = 32;
    /** Base64url of 32 bytes without padding; anything else is not ours, and is refused without a lookup. */
    private static final int TOKEN_LENGTH = 43;

    /** What an exchange gave. */
    public sealed interface Exchange {
        record Granted(AccountIdentity identity, String refreshToken) implements Exchange {
        }

        /** {@code why}: for the log only; the caller learns no more than "invalid_grant". */
        record Refused(String why) implements Exchange {
        }
    }

    private final AuthConfig config;
    private final AccountService accounts;
    private final SecureRandom random = new SecureRandom();
    @Inject
    Clock clock;

    public RefreshTokens(AuthConfig config, AccountService accounts) {
        this.config = config;
        this.accounts = accounts;
    }

    /** A new family for a fresh login; returns its first token. */
    @Transactional
    public String start(AccountIdentity identity) {
        Instant now = Instant.now(clock);
        RefreshFamily family = RefreshFamily.start(identity.accountId(), now, now.plus(config.refreshSessionTtl()));
        family.persist();
        return next(family, now);
    }

    @Transactional
    public Exchange exchange(String presented) {
        Optional<RefreshToken> found = find(presented);
        if (found.isEmpty()) {
            return new Exchange.Refused("unknown token");
        }
        RefreshToken token = found.get();
        RefreshFamily family = token.family;
        Instant now = Instant.now(clock);
        if (family.revoked()) {
            return new Exchange.Refused("family revoked (" + family.revokedReason + ")");
        }
        if (token.spentAt != null) {
            family.revoke(RevocationReason.REUSED, now);
            LOG.warnf("A spent refresh token of account %d was presented again; its family %s is revoked",
                    family.accountId, family.id);
            return new Exchange.Refused("token reused");
        }
        if (!now.isBefore(token.expiresAt) || !now.isBefore(family.expiresAt)) {
            return new Exchange.Refused("token expired");
        }
        Optional<AccountIdentity> identity = accounts.enabledIdentity(family.accountId);
        if (identity.isEmpty()) {
            family.revoke(RevocationReason.ACCOUNT_CHANGED, now);
            return new Exchange.Refused("account disabled");
        }
        token.spentAt = now;
        return new Exchange.Granted(identity.get(), next(family, now));
    }

    /** RFC 7009: ends the family of a refresh token; an unknown token is no error. */
    @Transactional
    public void revoke(String presented) {
        find(presented).ifPresent(token -> token.family.revoke(RevocationReason.LOGOUT, Instant.now(clock)));
    }

    /** Ends every session of an account that was disabled or changed, in the transaction that changed it. */
    void accountChanged(@Observes AccountChanged changed) {
        int revoked = RefreshFamily.update("revokedAt = ?1, revokedReason = ?2 where accountId = ?3 and revokedAt is null",
                Instant.now(clock), RevocationReason.ACCOUNT_CHANGED, changed.accountId());
        if (revoked > 0) {
            LOG.infof("Account %s changed: %d session(s) ended", changed.login(), revoked);
        }
    }

    private Optional<RefreshToken> find(String presented) {
        if (presented == null || presented.length() != TOKEN_LENGTH) {
            return Optional.empty();
        }
        // the row lock makes two simultaneous exchanges of one token queue: the second sees it spent
        return Optional.ofNullable(RefreshToken.getEntityManager().find(RefreshToken.class, hash(presented),
                LockModeType.PESSIMISTIC_WRITE));
    }

    private String next(RefreshFamily family, Instant now) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = now.plus(config.refreshTokenTtl());
        RefreshToken.issue(hash(value), family, now, expiresAt.isAfter(family.expiresAt) ? family.expiresAt : expiresAt).persist();
        return value;
    }

    static String hash(String token) {
        try {
            // the token carries 256 random bits, so a fast unsalted hash is enough to make the table useless to a thief
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
