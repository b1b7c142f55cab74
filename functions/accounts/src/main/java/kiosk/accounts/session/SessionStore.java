package kiosk.accounts.session;

import java.time.Instant;
import java.util.Optional;

/**
 * Refresh-token families. A family is one sign-in: it starts with a token and each refresh
 * replaces its current token with a new one. Only hashes of tokens are stored; a used token stays
 * on record until it expires, so that presenting it again is recognised as theft.
 */
public interface SessionStore {

    record Token(String hash, String familyId, String userId, Instant expiresAt) {
    }

    record Family(String id, String userId, String currentHash, boolean revoked, Instant expiresAt) {
    }

    /** A new family whose first token is {@code tokenHash}. */
    void start(String familyId, String userId, String tokenHash, Instant expiresAt);

    Optional<Token> findToken(String hash);

    Optional<Family> findFamily(String familyId);

    /**
     * Makes {@code newHash} the family's token if {@code oldHash} still is and the family is not
     * revoked; false when another refresh or a revocation got there first.
     */
    boolean rotate(String familyId, String userId, String oldHash, String newHash, Instant expiresAt);

    /** Every token of the family stops working. Revoking a revoked or absent family does nothing. */
    void revoke(String familyId, Instant now);
}
