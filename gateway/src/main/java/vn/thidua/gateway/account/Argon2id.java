package vn.thidua.gateway.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password and client-secret hashing with Argon2id (RFC 9106), stored in the PHC string format
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}. The parameters travel with
 * each hash, so raising them later leaves existing hashes verifiable.
 */
public final class Argon2id {
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{16,64})\\$([A-Za-z0-9+/]{16,128})");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** Longer input is refused rather than hashed: nobody types that, and it would only cost CPU. */
    public static final int MAX_SECRET_LENGTH = 1024;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final Settings settings;
    private final SecureRandom random = new SecureRandom();

    /** Memory in KiB, passes over it, lanes; OWASP's baseline is 19 MiB, 2 passes, 1 lane. */
    public record Settings(int memoryKib, int iterations, int parallelism) {
        public Settings {
            if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1 || memoryKib > 4 * 1024 * 1024) {
                throw new IllegalArgumentException("Argon2id parameters out of range: m=" + memoryKib + " KiB, t=" + iterations + ", p=" + parallelism);
            }
        }
    }

    public Argon2id(Settings settings) {
        this.settings = settings;
    }

    public String hash(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(secret, salt, settings, HASH_BYTES);
        return "$argon2id$v=19$m=" + settings.memoryKib() + ",t=" + settings.iterations() + ",p=" + settings.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Constant-time comparison; a malformed stored hash never matches. */
    public boolean verify(String secret, String encoded) {
        Matcher m = encoded == null ? null : PHC.matcher(encoded);
        if (m == null || !m.matches()) {
            return false;
        }
        Settings stored;
        try {
            stored = new Settings(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (IllegalArgumentException outOfRange) {
            return false;
        }
        byte[] salt = B64_DECODER.decode(m.group(4));
        byte[] expected = B64_DECODER.decode(m.group(5));
        byte[] actual = derive(secret, salt, stored, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(String secret, byte[] salt, Settings settings, int length) {
        if (secret == null || secret.length() > MAX_SECRET_LENGTH) {
            throw new IllegalArgumentException("secret missing or longer than " + MAX_SECRET_LENGTH + " characters");
        }
        // The same Vietnamese password typed on two keyboards may arrive composed or decomposed.
        byte[] password = Normalizer.normalize(secret, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(settings.memoryKib())
                .withIterations(settings.iterations())
                .withParallelism(settings.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(password, out);
            return out;
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }
}
