package kiosk.accounts.session;

import java.time.Instant;

/**
 * Sign-in attempts per subject: an email, an email from one client address, a client address.
 * Kept whether or not an account has the email, so that lock-outs behave the same for both and
 * cannot be used to find out which emails have accounts.
 */
public interface LoginAttempts {

    /**
     * Counts an attempt before its password is checked and, when the count reaches the policy's
     * limit, locks the subject, in one atomic step: of any number of parallel attempts, no more
     * than the limit get through, and a lock only ever grows. Returns the attempts in a row now.
     *
     * @throws AccountLockedException if the subject is locked until later than {@code now}
     */
    int begin(String subject, Instant now, Lockout policy);

    /**
     * Refuses, without counting anything, if the subject is locked until later than {@code now}.
     *
     * @throws AccountLockedException if it is
     */
    void check(String subject, Instant now);

    /** A success: the count starts again and any lock is lifted. */
    void clear(String subject);
}
