package kiosk.accounts.password;

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
 * Argon2id password hashes in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), so each stored hash names the cost it was
 * made with and the cost can be raised later: {@link #needsRehash} tells login to upgrade it.
 */
public final class PasswordHasher {

    /** Argon2id cost. OWASP's minimum is 19 MiB, 2 passes, 1 lane. */
    public record Cost(int memoryKiB, int iterations, int parallelism) {

        public static final Cost OWASP = new Cost(19 * 1024, 2, 1);

        public Cost {
            // A stored hash is read back through here: bounds keep a corrupted or planted hash
            // from making one login allocate gigabytes.
            if (memoryKiB < 8 * parallelism || memoryKiB > 1024 * 1024 || iterations < 1 || iterations > 64
                    || parallelism < 1 || parallelism > 16) {
                throw new IllegalArgumentException("Argon2id cost out of range: m=" + memoryKiB + ",t=" + iterations
                        + ",p=" + parallelism);
            }
        }

        boolean weakerThan(Cost other) {
            return memoryKiB < other.memoryKiB || iterations < other.iterations || parallelism < other.parallelism;
        }
    }

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{22,128})");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final Cost cost;
    /** Hashed against when the account does not exist, so that case costs what a real check does. */
    private final String dummy;

    public PasswordHasher(Cost cost) {
        this.cost = cost;
        this.dummy = format(cost, new byte[SALT_BYTES], new byte[HASH_BYTES]);
    }

    public Cost cost() {
        return cost;
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        return format(cost, salt, derive(password, salt, cost, HASH_BYTES));
    }

    /** Constant-time comparison; a hash we cannot read fails closed. */
    public boolean verify(String password, String stored) {
        Matcher phc = PHC.matcher(stored);
        if (!phc.matches()) {
            throw new IllegalStateException("A stored password hash is not an Argon2id PHC string.");
        }
        Cost storedCost = costOf(phc);
        byte[] salt = B64_DECODER.decode(phc.group(4));
        byte[] expected = B64_DECODER.decode(phc.group(5));
        byte[] actual = derive(password, salt, storedCost, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the time of a real check and always fails: for logins to accounts that do not exist. */
    public boolean verifyNothing(String password) {
        verify(password, dummy);
        return false;
    }

    public boolean needsRehash(String stored) {
        Matcher phc = PHC.matcher(stored);
        return !phc.matches() || costOf(phc).weakerThan(cost);
    }

    private static Cost costOf(Matcher phc) {
        return new Cost(Integer.parseInt(phc.group(1)), Integer.parseInt(phc.group(2)), Integer.parseInt(phc.group(3)));
    }

    /**
     * NIST 800-63B asks for Unicode normalization before hashing, so the same password typed on
     * two keyboards that compose accents differently still matches.
     */
    static byte[] passwordBytes(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] derive(String password, byte[] salt, Cost cost, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        byte[] bytes = passwordBytes(password);
        try {
            generator.generateBytes(bytes, out);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        return out;
    }

    private static String format(Cost cost, byte[] salt, byte[] hash) {
        return "$argon2id$v=19$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }
}
