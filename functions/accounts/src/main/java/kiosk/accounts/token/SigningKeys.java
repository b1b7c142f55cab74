package kiosk.accounts.token;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * The keys tokens are signed and verified with: one current key that signs, and the keys still
 * accepted for verification (the current one and, during a rotation, the previous one).
 */
public interface SigningKeys {

    SigningKey current();

    /** The key a token names in its header, if it is one we accept. */
    Optional<SigningKey> find(String kid);

    /** Fixed keys, the first signing: for tests and the benchmarks, which issue their own tokens. */
    static SigningKeys of(SigningKey current, SigningKey... previous) {
        List<SigningKey> all = new java.util.ArrayList<>(List.of(current));
        all.addAll(List.of(previous));
        return new SigningKeys() {
            @Override
            public SigningKey current() {
                return current;
            }

            @Override
            public Optional<SigningKey> find(String kid) {
                return all.stream().filter(key -> key.kid().equals(kid)).findFirst();
            }
        };
    }

    /** A fresh random 256-bit key, for tests and the benchmarks. Deployed keys come from Secrets Manager. */
    static SigningKey generate(String kid) {
        byte[] secret = new byte[SigningKey.MIN_BYTES];
        new SecureRandom().nextBytes(secret);
        return new SigningKey(kid, secret);
    }
}
