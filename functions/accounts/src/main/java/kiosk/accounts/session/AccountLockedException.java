package kiosk.accounts.session;

import java.util.List;
import java.util.Map;
import kiosk.shared.error.DomainException;
import kiosk.shared.error.ProblemType;

/** 429 with Retry-After. Raised before any password is checked, so it never says whether one was right. */
public final class AccountLockedException extends DomainException {

    private static final long serialVersionUID = 1L;
    public static final ProblemType LOCKED = new ProblemType("too-many-attempts", 429, "Too many failed sign-ins");

    public AccountLockedException(long retryAfterSeconds) {
        super(LOCKED, "Too many failed sign-ins for this email. Try again in " + retryAfterSeconds + " seconds.",
                List.of(), Map.of("retry-after", Long.toString(retryAfterSeconds)));
    }
}
