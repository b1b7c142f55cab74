package kiosk.accounts.user;

import java.time.Instant;
import java.util.Optional;

/** Accounts, found by id or by normalized email. */
public interface UserStore {

    /** Stores a new account; {@link EmailTakenException} if its email already has one. */
    void create(User user);

    Optional<User> findByEmail(String email);

    Optional<User> findById(String id);

    /** Swaps the hash if it is still {@code expected}; false, changing nothing, when a concurrent change won. */
    boolean replacePasswordHash(String userId, String expected, String replacement);

    /** Adds a role; the account must exist. Returns the account as it now is. */
    User grantRole(String userId, String role);

    /**
     * Sets a new password hash if the account's is still {@code expected}; false when it changed
     * meanwhile (another change, a reset) or the account is gone or being erased.
     */
    boolean changePasswordHash(String userId, String expected, String replacement);

    /**
     * Makes {@code tokenHash} the account's one live reset token, valid until {@code expiresAt}: a
     * token issued before stops working. False when the account is gone or being erased.
     */
    boolean startReset(String userId, String tokenHash, Instant expiresAt);

    /** The account a live (unused, unexpired, not superseded) reset token belongs to. */
    Optional<String> resetOwner(String tokenHash, Instant now);

    /**
     * Uses the reset token up, in one transaction with the new hash and {@code tokensValidAfter}
     * (every access token issued before it refused); false if the token was used, superseded or
     * expired meanwhile: of two confirmations at once, one wins.
     */
    boolean completeReset(String tokenHash, String userId, String replacement, Instant now);

    /**
     * Refuses every access token of the account issued before {@code at}, to the millisecond
     * (a reset's second mark, after its transaction: no sign-in that began before it can still
     * begin after it). Nothing happens to an account that is gone or being erased.
     */
    void refuseTokensIssuedBefore(String userId, Instant at);

    /**
     * Marks the account as being erased, so that no order can be placed for it, and answers the
     * id its orders are to be given: {@code proposedTombstoneId}, or the one an erasure running at
     * the same time chose first. Empty when there is no such account (or it is already erased).
     */
    Optional<String> beginErasure(String userId, Instant now, String proposedTombstoneId);

    /** Lifts the mark of an erasure that was refused. */
    void abandonErasure(String userId);

    /**
     * The account's profile, email claim, sign-in attempts and reset token are deleted in one
     * transaction; a tombstone (id and time, no personal data) stays under its key until
     * {@code tombstoneExpiresAt}, so its tokens and any order placed with them are refused.
     */
    void erase(User user, Instant now, Instant tombstoneExpiresAt);
}
