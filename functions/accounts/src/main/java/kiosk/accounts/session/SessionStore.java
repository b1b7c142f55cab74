package kiosk.accounts.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Refresh-token families. A family is one sign-in: it starts with a token and each refresh
 * replaces its current token with a new one. Only hashes of tokens are stored; a used token stays
 * on record until it expires, so that presenting it again is recognised as theft.
 */
public interface SessionStore {

    record Token(String hash, String familyId, String userId, Instant expiresAt) {
    }

    /**
     * A family. Its current token is {@code currentHash}, or one of {@code siblingHashes}: tokens
     * given to retries of the last rotation within its grace window. {@code previousHash} is the
     * token that rotation used up, at {@code rotatedAt} (null before the first rotation).
     */
    record Family(String id, String userId, String currentHash, Set<String> siblingHashes, String previousHash,
                  Instant rotatedAt, boolean revoked, Instant expiresAt) {

        public Family {
            siblingHashes = Set.copyOf(siblingHashes);
        }

        public boolean isCurrent(String hash) {
            return currentHash.equals(hash) || siblingHashes.contains(hash);
        }
    }

    /** A new family whose first token is {@code tokenHash}, begun at {@code now}. */
    void start(String familyId, String userId, String tokenHash, Instant expiresAt, Instant now);

    /**
     * A sign-in: {@link #start} together with a check that the account's password hash is still
     * {@code passwordHash}, the one the password was verified against, and that no erasure of the
     * account has begun. False, with nothing written, when either changed since: a sign-in with
     * the old password that lost to a password change, a reset or an erasure gets no family that
     * would outlive them (they revoke or delete the families they can see when they have changed
     * the hash or set the mark, and this one would have come after).
     */
    boolean startSignIn(String familyId, String userId, String passwordHash, String tokenHash, Instant expiresAt,
                        Instant now);

    /**
     * What a shopper may see of one of their sign-ins (never a token or its hash): when it began,
     * when it was last refreshed (null if never), when it ends, and whether it was revoked.
     */
    record SignIn(String id, Instant startedAt, Instant lastRefreshedAt, Instant expiresAt, boolean revoked) {
    }

    /** The account's sign-ins still on record, oldest first. */
    List<SignIn> signInsOf(String userId);

    /** Revokes every live sign-in of the account except {@code keep} (null: all of them); answers how many. */
    int revokeAllBut(String userId, String keep, Instant now);

    /** Deletes every family and token of the account. */
    void deleteAll(String userId);

    Optional<Token> findToken(String hash);

    Optional<Family> findFamily(String familyId);

    /** How many retries of one rotation get a token of their own; more are refused. */
    int MAX_SIBLINGS = 8;

    /**
     * Makes {@code newHash} the family's only current token if {@code oldHash} still is one of its
     * current tokens and the family is not revoked, recording {@code oldHash} as used up at
     * {@code now}; false when another refresh or a revocation got there first.
     */
    boolean rotate(String familyId, String userId, String oldHash, String newHash, Instant expiresAt, Instant now);

    /**
     * Adds {@code newHash} to the family's current tokens, for a retry of the rotation that used up
     * {@code previousHash}, if that rotation is the family's last, happened after
     * {@code rotatedAfter}, and has fewer than {@link #MAX_SIBLINGS} retries; false otherwise.
     */
    boolean addSibling(String familyId, String userId, String previousHash, String newHash, Instant expiresAt,
                       Instant rotatedAfter);

    /** Every token of the family stops working. Revoking a revoked or absent family does nothing. */
    void revoke(String familyId, Instant now);
}
