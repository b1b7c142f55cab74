package kiosk.accounts.session;

import kiosk.shared.error.DomainException;
import kiosk.shared.error.ProblemType;

/** One answer for an unknown email and a wrong password, so neither is revealed. */
public final class InvalidCredentialsException extends DomainException {

    private static final long serialVersionUID = 1L;
    public static final ProblemType INVALID_CREDENTIALS =
            new ProblemType("invalid-credentials", 401, "Invalid email or password");

    public InvalidCredentialsException() {
        super(INVALID_CREDENTIALS, "The email or the password is wrong.");
    }
}
