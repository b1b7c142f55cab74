package kiosk.accounts.session;

import java.time.Instant;
import kiosk.shared.error.ProblemType;
import kiosk.shared.error.RetryLaterException;

/**
 * An email locked out after failed sign-ins, until a time it names. Raised before any password is
 * checked, so it never says whether one was right.
 */
public final class AccountLockedException extends RetryLaterException {

    private static final long serialVersionUID = 1L;
    public static final ProblemType LOCKED = new ProblemType("too-many-attempts", 429, "Too many failed sign-ins");

    public AccountLockedException(long retryAfterSeconds) {
        super(LOCKED, "Too many failed sign-ins for this email. Try again in " + retryAfterSeconds + " seconds.",
                retryAfterSeconds);
    }

    /** Throws if a lock held until {@code lockedUntil} (epoch seconds, 0 for none) still holds at {@code now}. */
    static void refuseIfLocked(long lockedUntil, Instant now) {
        if (lockedUntil > now.getEpochSecond()) {
            throw new AccountLockedException(lockedUntil - now.getEpochSecond());
        }
    }
}
