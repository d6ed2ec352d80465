package vn.thidua.gateway.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2FyZCJ9.c2lnbmF0dXJlLW9uZQ";
    private final AtomicLong nowMillis = new AtomicLong(1_800_000_000_000L);
    private final VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofSeconds(60), nowMillis::get);

    private long secondsFromNow(long seconds) {
        return nowMillis.get() / 1000 + seconds;
    }

    @Test
    void aVerifiedTokenIsKnownUntilItsExpiry() {
        tokens.remember(TOKEN, "board", secondsFromNow(30));
        assertEquals(Optional.of("board"), tokens.subject(TOKEN));
        nowMillis.addAndGet(29_999);
        assertEquals(Optional.of("board"), tokens.subject(TOKEN));
        nowMillis.addAndGet(1);
        assertEquals(Optional.empty(), tokens.subject(TOKEN), "at its exp the verifier decides again");
    }

    @Test
    void noTokenIsTakenOnTrustLongerThanMaxAgeHoweverLateItsExpiry() {
        tokens.remember(TOKEN, "board", secondsFromNow(3600));
        nowMillis.addAndGet(59_999);
        assertTrue(tokens.subject(TOKEN).isPresent());
        nowMillis.addAndGet(1);
        assertEquals(Optional.empty(), tokens.subject(TOKEN));
    }

    @Test
    void theSameHeaderAndClaimsWithAnotherSignatureAreAnotherToken() {
        tokens.remember(TOKEN, "board", secondsFromNow(30));
        String forged = TOKEN.substring(0, TOKEN.lastIndexOf('.') + 1) + "c2lnbmF0dXJlLXR3bw";
        assertEquals(Optional.empty(), tokens.subject(forged));
        assertEquals(Optional.empty(), tokens.subject(TOKEN + "x"));
        assertEquals(Optional.empty(), tokens.subject(TOKEN.substring(0, TOKEN.length() - 1)));
    }

    @Test
    void anAlreadyExpiredTokenOrOneWithoutExpiryIsNotRemembered() {
        tokens.remember(TOKEN, "board", secondsFromNow(0));
        assertEquals(Optional.empty(), tokens.subject(TOKEN));
        tokens.remember(TOKEN, "board", 0);
        assertEquals(Optional.empty(), tokens.subject(TOKEN));
        tokens.remember(TOKEN, null, secondsFromNow(30));
        assertEquals(Optional.empty(), tokens.subject(TOKEN));
    }

    @Test
    void nonsensicalLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new VerifiedTokens(0, Duration.ofSeconds(1), nowMillis::get));
        assertThrows(IllegalArgumentException.class, () -> new VerifiedTokens(1, Duration.ZERO, nowMillis::get));
    }
}
