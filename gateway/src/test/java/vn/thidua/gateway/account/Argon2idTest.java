package vn.thidua.gateway.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class Argon2idTest {
    // cheap parameters keep this test fast; the format and the algorithm are the same at any cost
    private final Argon2id hasher = new Argon2id(new Argon2id.Settings(1024, 1, 1));

    @Test
    void aHashVerifiesItsOwnSecretAndNoOther() {
        String hash = hasher.hash("correct horse battery staple");
        assertTrue(hasher.verify("correct horse battery staple", hash));
        assertFalse(hasher.verify("correct horse battery stapl", hash));
        assertFalse(hasher.verify("", hash));
    }

    @Test
    void eachHashHasItsOwnSaltAndCarriesItsParameters() {
        String first = hasher.hash("demo");
        String second = hasher.hash("demo");
        assertNotEquals(first, second);
        assertTrue(first.startsWith("$argon2id$v=19$m=1024,t=1,p=1$"), first);
        assertEquals(6, first.split("\\$").length);
    }

    @Test
    void agreesWithTheReferenceImplementation() {
        // produced by the reference `argon2` tool (P-H-C/phc-winner-argon2):
        // printf 'mật khẩu' | argon2 'muoi-sau-byte-!!' -id -t 2 -k 1024 -p 1 -l 32 -e
        String reference = "$argon2id$v=19$m=1024,t=2,p=1$bXVvaS1zYXUtYnl0ZS0hIQ$KKmmpoxoYroVZ8n89llxUwDB0G/vtYEe0KLUvqFrfJU";
        assertTrue(hasher.verify("m\u1eadt kh\u1ea9u", reference), "parameters are read from the hash, not from the hasher");
        assertFalse(hasher.verify("mat khau", reference));
    }

    @Test
    void aVietnamesePasswordMatchesWhetherComposedOrDecomposed() {
        String composed = Normalizer.normalize("Mật khẩu Thi đua 2025", Normalizer.Form.NFC);
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertNotEquals(composed, decomposed);
        assertTrue(hasher.verify(decomposed, hasher.hash(composed)));
    }

    @Test
    void aMalformedOrForeignHashNeverMatches() {
        assertFalse(hasher.verify("demo", null));
        assertFalse(hasher.verify("demo", "demo"));
        assertFalse(hasher.verify("demo", "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"));
        assertFalse(hasher.verify("demo", "$argon2i$v=19$m=1024,t=1,p=1$bXVvaS1zYXUtYnl0ZS0hIQ$KKmmpoxoYroVZ8n89llxUwDB0G/vtYEe0KLUvqFrfJU"));
        assertFalse(hasher.verify("demo", "$argon2id$v=19$m=1,t=1,p=1$bXVvaS1zYXUtYnl0ZS0hIQ$KKmmpoxoYroVZ8n89llxUwDB0G/vtYEe0KLUvqFrfJU"));
    }

    @Test
    void refusesUnreasonableInput() {
        assertThrows(IllegalArgumentException.class, () -> hasher.hash("x".repeat(Argon2id.MAX_SECRET_LENGTH + 1)));
        assertThrows(IllegalArgumentException.class, () -> new Argon2id.Settings(4, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Argon2id.Settings(19456, 0, 1));
    }
}
