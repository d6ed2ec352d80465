package vn.thidua.gateway.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Access tokens this gateway has verified lately, so that a client sending the same token on every
 * call pays for one RS256 verification, not one per call.
 *
 * <p>What keeps it safe:
 * <ul>
 * <li>The key is the whole compact token, signature included: a token with a cached token's header
 *     and claims but any other signature is another key, so it is verified (and refused) afresh.</li>
 * <li>Only a token the verifier accepted is ever remembered ({@link #remember} is called from the
 *     success path only); a refusal is never cached, so nothing here can turn a 401 into a 200.</li>
 * <li>An entry is good until the token's own {@code exp} and never longer than {@code maxAge},
 *     whichever is first, checked against the wall clock on every look-up; after that the verifier
 *     decides again, with its own clock-skew rule.</li>
 * <li>Keys: with the built-in identity provider the key set is fixed for the life of the process (a
 *     rotation is a restart with new key files, which starts with an empty cache). With an external
 *     provider, whose key set the verifier re-reads now and then, {@code maxAge} bounds how long a key
 *     taken out of the set still admits a token it signed.</li>
 * <li>Bounded: at most {@code maxEntries} tokens, the least recently used forgotten first.</li>
 * </ul>
 */
public final class VerifiedTokens {
    private record Entry(String subject, long validUntilMillis) {
    }

    private final Cache<String, Entry> entries;
    private final long maxAgeMillis;
    private final LongSupplier wallClockMillis;

    public VerifiedTokens(int maxEntries, Duration maxAge, LongSupplier wallClockMillis) {
        if (maxEntries < 1 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("thidua.gateway.token-cache needs max-entries ≥ 1 and a positive max-age");
        }
        this.maxAgeMillis = maxAge.toMillis();
        this.wallClockMillis = wallClockMillis;
        // Caffeine's own expiry only reclaims memory; whether an entry still counts is decided in subject().
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(maxAge).build();
    }

    /** The subject of {@code token} if it was verified and is still within its lifetime and {@code maxAge}. */
    public Optional<String> subject(String token) {
        Entry entry = entries.getIfPresent(token);
        if (entry == null) {
            return Optional.empty();
        }
        if (wallClockMillis.getAsLong() >= entry.validUntilMillis()) {
            entries.invalidate(token);
            return Optional.empty();
        }
        return Optional.of(entry.subject());
    }

    /**
     * Remembers a token the verifier has just accepted. {@code expiresAtSeconds} is its {@code exp};
     * a token without one (the verifier requires it, but just in case) is not remembered.
     */
    public void remember(String token, String subject, long expiresAtSeconds) {
        if (expiresAtSeconds <= 0 || subject == null) {
            return;
        }
        long now = wallClockMillis.getAsLong();
        long validUntil = Math.min(Math.multiplyExact(expiresAtSeconds, 1000L), now + maxAgeMillis);
        if (validUntil > now) {
            entries.put(token, new Entry(subject, validUntil));
        }
    }
}
