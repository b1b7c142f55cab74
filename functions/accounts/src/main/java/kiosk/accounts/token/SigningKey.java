package kiosk.accounts.token;

import java.util.Arrays;

/** An HMAC key and the id tokens name it by in their {@code kid} header. */
public record SigningKey(String kid, byte[] secret) {

    /** HS256 wants a key at least as long as its output (RFC 7518 3.2). */
    public static final int MIN_BYTES = 32;

    public SigningKey {
        if (kid == null || kid.isBlank() || kid.length() > 64) {
            throw new IllegalArgumentException("a signing key needs an id of 1 to 64 characters");
        }
        if (secret == null || secret.length < MIN_BYTES) {
            throw new IllegalArgumentException("a signing key must be at least " + MIN_BYTES + " bytes");
        }
        secret = secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningKey key && kid.equals(key.kid) && Arrays.equals(secret, key.secret);
    }

    @Override
    public int hashCode() {
        return kid.hashCode();
    }

    /** Never the secret: keys end up in log lines and assertion messages. */
    @Override
    public String toString() {
        return "SigningKey[" + kid + "]";
    }
}
