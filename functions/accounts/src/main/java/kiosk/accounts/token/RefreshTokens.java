package kiosk.accounts.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import kiosk.shared.lambda.SnapStart;

/**
 * Refresh tokens are 256 random bits, base64url: opaque to clients and to us. Only their SHA-256
 * is stored, so a copy of the table is no set of live tokens. A plain hash suffices (no salt, no
 * slow hash): the input has 256 bits of entropy, so there is nothing to guess.
 */
public final class RefreshTokens {

    public static final long LIFETIME_SECONDS = 30L * 24 * 60 * 60;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private RefreshTokens() {
    }

    /** 256 random bits; while priming always the same (zero) bits, as {@link SnapStart#randomUuid()} for ids. */
    public static String generate() {
        byte[] bytes = new byte[32];
        if (!SnapStart.priming()) {
            new SecureRandom().nextBytes(bytes);
        }
        return ENCODER.encodeToString(bytes);
    }

    /** Whether this could be a token we issued; anything else is not worth a lookup. */
    public static boolean wellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    public static String hash(String token) {
        try {
            return ENCODER.encodeToString(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
