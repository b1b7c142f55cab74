package kiosk.accounts.session;

import java.time.Instant;

/**
 * Failed sign-ins per email, kept whether or not an account has that email, so that lock-outs
 * behave the same for both and cannot be used to find out which emails have accounts.
 */
public interface LoginAttempts {

    /**
     * Counts an attempt before its password is checked, so that parallel guesses are counted too.
     * Returns how many attempts in a row have now been made without a success.
     *
     * @throws AccountLockedException if the email is locked out until later than {@code now}
     */
    int begin(String email, Instant now);

    /** Refuses every attempt on this email until {@code until}. */
    void lock(String email, Instant until);

    /** A success: the count starts again and any lock is lifted. */
    void clear(String email);
}
