package kiosk.accounts.session;

import java.time.Instant;
import kiosk.shared.error.ProblemType;
import kiosk.shared.error.RetryLaterException;

/**
 * Sign-in refused until a time it names: the email, the email from this address, or this address
 * is locked after too many attempts. Raised before any password is checked, so it never says
 * whether one was right, nor (the message being the same for each) which of the three it was.
 */
public final class AccountLockedException extends RetryLaterException {

    private static final long serialVersionUID = 1L;
    public static final ProblemType LOCKED = new ProblemType("too-many-attempts", 429, "Too many sign-in attempts");

    public AccountLockedException(long retryAfterSeconds) {
        super(LOCKED, "Too many sign-in attempts. Try again in " + retryAfterSeconds + " seconds.",
                retryAfterSeconds);
    }

    /** Throws if a lock held until {@code lockedUntil} (epoch seconds, 0 for none) still holds at {@code now}. */
    static void refuseIfLocked(long lockedUntil, Instant now) {
        if (lockedUntil > now.getEpochSecond()) {
            throw new AccountLockedException(lockedUntil - now.getEpochSecond());
        }
    }
}
